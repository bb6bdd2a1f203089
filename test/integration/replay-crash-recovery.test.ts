// kill -9 of a station process during an armed flight: at the next start the flight is recovered
// (closed at its tlog's last frame, measured, hashed, marked 'recovered') and its tlog is intact up to
// the last second before the kill.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GroundStation } from '../../electron/core/station';
import { sha256 } from '../../electron/core/recording/flight-tracker';
import { indexTlog } from '../../electron/core/recording/tlog-index';
import { ROOT } from '../support/gcs-cli';
import { waitFor } from '../support/wait';

const pids: number[] = [];
afterAll(() => {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

describe('crash recovery', () => {
  it('recovers a flight cut short by kill -9 of the station', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'replay-crash-'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/replay/station-child.ts'), dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    pids.push(child.pid!);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const simPid = Number(await waitFor('the simulator', () => /sim (\d+)/.exec(out)?.[1], 30_000));
    pids.push(simPid);
    const flightId = await waitFor('the flight', () => /flying (\S+)/.exec(out)?.[1], 60_000);
    await new Promise((r) => setTimeout(r, 3000)); // climbing
    const killMs = Date.now();
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    process.kill(simPid, 'SIGKILL');

    const station = new GroundStation({ host: 'server', dataDir });
    try {
      await station.start();
      const pilot = { role: 'pilot' as const, name: 'x' };
      const [flight] = await station.listFlights({}, pilot);
      expect(flight).toMatchObject({ id: flightId, status: 'recovered', pilot: 'Crash Test', vehicleKey: '1:1' });
      const bytes = new Uint8Array(readFileSync(flight!.tlogPath));
      expect(flight!.tlogSha256).toBe(sha256(bytes));
      const index = indexTlog(bytes);
      // Intact up to the last second: frames reach to within a second of the kill (slack for a loaded
      // machine's scheduling), and nothing is garbage but a cut-off last record.
      expect(index.endUs / 1000).toBeGreaterThan(killMs - 1000 - 500);
      expect(index.stats.bytesSkipped).toBe(index.stats.truncatedBytes);
      expect(flight!.endMs).toBe(Math.round(index.endUs / 1000));
      expect(flight!.maxAltRelM!).toBeGreaterThan(1);
      // It opens for replay, the hash matching.
      const info = await station.openFlight({ id: flightId }, pilot);
      expect(info.hashOk).toBe(true);
      expect(info.marks.find((m) => m.kind === 'arm')!.tMs - flight!.startMs).toBeLessThan(1500);
    } finally {
      await station.close();
    }
  }, 120_000);
});
