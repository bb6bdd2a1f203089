// `gcs sim --helicopter --sbs-port 0` as its own process: the helicopter reaches the station both as
// ADSB_VEHICLE over the drone's MAVLink link and on the SBS-1 TCP feed, and flies.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TrafficPicture } from '../../shared/contract/ops-types';
import { GroundStation } from '../../electron/core/station';
import { parseSbsLine, LineSplitter, type TrafficUpdate } from '../../electron/core/traffic';
import { parseSimArgs } from '../../electron/core/sim/args';
import { ROOT } from '../support/gcs-cli';
import { waitFor } from '../support/wait';

const pilot = { role: 'pilot' as const, name: 'pilot' };
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('simulated helicopter', () => {
  it('parses its options', () => {
    expect(parseSimArgs(['--sbs-port', '0'])).toMatchObject({ helicopter: true, sbsPort: 0, helicopterAltM: 90 });
    expect(parseSimArgs(['--helicopter', '--helicopter-alt', '150'])).toMatchObject({ helicopter: true, sbsPort: null, helicopterAltM: 150 });
    expect(() => parseSimArgs(['--sbs-port', 'x'])).toThrow(/--sbs-port/);
  });

  it('is heard as ADSB_VEHICLE through the drone link and on the SBS-1 feed, and moves', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/core/sim/main.ts'), '--tcp-listen', '0', '--sbs-port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    cleanup.push(() => child.kill('SIGKILL'));
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const ports = await waitFor('the sim ports', () => {
      const m = /tcp listen 127\.0\.0\.1:(\d+).*sbs listen 127\.0\.0\.1:(\d+)/.exec(out);
      return m ? { tcp: Number(m[1]), sbs: Number(m[2]) } : undefined;
    }, 20_000);

    // The SBS-1 feed, read raw: real BaseStation lines our parser takes.
    const updates: TrafficUpdate[] = [];
    const sock = connect(ports.sbs, '127.0.0.1');
    cleanup.push(() => sock.destroy());
    const splitter = new LineSplitter();
    sock.on('data', (d: Buffer) => {
      for (const line of splitter.push(d.toString('latin1'))) {
        const r = parseSbsLine(line);
        expect(r.ok, line).toBe(true);
        if (r.ok) updates.push(r.update);
      }
    });
    await waitFor('SBS position, velocity and callsign', () => updates.some((u) => u.lat !== undefined) && updates.some((u) => u.groundSpeedMps !== undefined) && updates.some((u) => u.callsign === 'POLICE1'), 15_000);
    const pos = updates.find((u) => u.altMslM !== undefined)!;
    expect(pos.icao).toBe('780A1B');
    expect(pos.altMslM).toBeCloseTo(280 + 90, -1);

    const station = new GroundStation({ host: 'server' });
    cleanup.push(() => station.close());
    await station.start();
    let traffic: TrafficPicture | null = null;
    station.subscribe((name, p) => {
      if (name === 'traffic') traffic = p as TrafficPicture;
    });
    await station.openLink({ spec: `tcp:127.0.0.1:${ports.tcp}` }, pilot);
    const first = await waitFor('the helicopter over ADS-B', () => traffic?.tracks.find((t) => t.icao === '780A1B'), 20_000);
    expect(first).toMatchObject({ source: 'adsb', callsign: 'POLICE1', aircraftClass: 'helicopter' });
    expect(first.groundSpeedMps).toBeCloseTo(40, 0);
    const moved = await waitFor('it moved', () => traffic?.tracks.find((t) => t.icao === '780A1B' && Math.abs(t.lat - first.lat) > 1e-5), 10_000);
    expect(moved.headingDeg).toBeCloseTo(0, 0);
  }, 60_000);
});
