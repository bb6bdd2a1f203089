// `gcs traffic` as a user runs it, against the simulated helicopter's SBS-1 feed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runGcs } from '../support/gcs-cli';
import { waitFor } from '../support/wait';

const cleanup: Array<() => unknown> = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

describe('gcs traffic', () => {
  it('refuses bad arguments with exit code 2 and the usage', async () => {
    const r = await runGcs(['traffic', '--sbs', 'nowhere']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--sbs needs host:port/);
  });

  it('prints the simulated helicopter from an SBS-1 feed as JSON lines', async () => {
    const sim = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/core/sim/main.ts'), '--tcp-listen', '0', '--sbs-port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    cleanup.push(() => sim.kill('SIGKILL'));
    let out = '';
    sim.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const port = await waitFor('the SBS port', () => Number(/sbs listen 127\.0\.0\.1:(\d+)/.exec(out)?.[1] ?? 0), 20_000);
    const r = await runGcs(['traffic', '--sbs', `127.0.0.1:${port}`, '--json', '--duration', '4', '--class', 'helicopter'], 30_000);
    expect(r.code).toBe(0);
    const tracks = r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { icao: string; aircraftClass: string; altMslM: number });
    expect(tracks.length).toBeGreaterThan(0);
    expect(tracks[0]).toMatchObject({ icao: '780A1B', aircraftClass: 'helicopter' });
    expect(tracks[0].altMslM).toBeCloseTo(370, -1);
    expect(r.stderr).toMatch(/feed open/);
  }, 60_000);
});
