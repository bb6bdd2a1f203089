// The MAVLink terrain exchange against the simulator as its own process over real UDP: `gcs sim
// --terrain` asks for its grid block like ArduPilot, the station's TerrainResponder answers from a
// .hgt tile generated here, and the simulator reports the ground height it now knows.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkManager } from '../../electron/core/links';
import { TerrainResponder } from '../../electron/core/maps/terrain-responder';
import type { Message } from '../../electron/core/mavlink';
import { systemClock } from '../../electron/core/protocol/port';
import { encodeHgt, parseHgt } from '../../shared/terrain/hgt';
import { TerrainModel } from '../../shared/terrain/model';
import { ROOT } from '../support/gcs-cli';
import { waitFor } from '../support/wait';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const HOME = { lat: 46.0726, lon: 122.0933 };
const plane = (lat: number, lon: number): number => 500 + 1000 * (lat - 46) + 200 * (lon - 122);

function startSim(args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/core/sim/main.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => {
    child.kill('SIGKILL');
  });
  return child;
}

describe('terrain exchange with the simulator', () => {
  it('answers TERRAIN_REQUEST with the 56 sub-grids; the simulator loads the block and reports the ground', async () => {
    const model = new TerrainModel();
    model.add(parseHgt('N46E122.hgt', encodeHgt(1201, (r, c) => plane(47 - r / 1200, 122 + c / 1200))));
    const links = new LinkManager();
    cleanups.push(() => links.closeAll());
    const info = await links.open('udp:127.0.0.1:0');
    const responder = new TerrainResponder(links, model.groundElevationMslM, systemClock);
    responder.start();
    const seen: Message[] = [];
    links.onMessage((m) => seen.push(m));
    let dataOut = 0;
    links.onRawFrame((_id, raw, dir) => {
      if (dir === 'out' && raw[0] === 0xfd && (raw[7]! | (raw[8]! << 8)) === 134) dataOut++;
    });
    startSim(['--udp', info.spec.replace(/^udp:/, ''), '--home', `${HOME.lat},${HOME.lon},700`, '--terrain', '--stream-default', '1']);

    const firstRequest = await waitFor('a TERRAIN_REQUEST', () => seen.find((m) => m.name === 'TERRAIN_REQUEST'), 30_000);
    expect(firstRequest.fields.grid_spacing).toBe(100);
    expect(typeof firstRequest.fields.mask).toBe('bigint'); // all 56 bits: beyond a double's precision
    expect(firstRequest.fields.mask).toBe((1n << 56n) - 1n);

    await waitFor('the simulator to say its block is loaded', () => seen.find((m) => m.name === 'STATUSTEXT' && String(m.fields.text).startsWith('Terrain: block loaded')), 30_000);
    const report = await waitFor('a TERRAIN_REPORT with nothing pending', () => seen.filter((m) => m.name === 'TERRAIN_REPORT').find((m) => m.fields.pending === 0 && m.fields.loaded === 1), 15_000);
    // The simulator's own bilinear ground from our integer-metre grid agrees with the tile.
    expect(Math.abs(Number(report.fields.terrain_height) - plane(HOME.lat, HOME.lon))).toBeLessThan(1.5);
    expect(Number(report.fields.current_height)).toBeCloseTo(700 - plane(HOME.lat, HOME.lon), 0);
    const stats = responder.list();
    expect(stats).toHaveLength(1);
    expect(stats[0]).toMatchObject({ key: '1:1', gridsSent: 56, gridsMissing: 0 });
    expect(dataOut).toBe(56);
  }, 60_000);

  it('sends nothing for ground it has no data for, and the simulator keeps asking', async () => {
    const links = new LinkManager();
    cleanups.push(() => links.closeAll());
    const info = await links.open('udp:127.0.0.1:0');
    const responder = new TerrainResponder(links, new TerrainModel().groundElevationMslM, systemClock);
    responder.start();
    const requests: Message[] = [];
    links.onMessage((m) => {
      if (m.name === 'TERRAIN_REQUEST') requests.push(m);
    });
    startSim(['--udp', info.spec.replace(/^udp:/, ''), '--terrain', '--stream-default', '0']);
    await waitFor('three requests', () => requests.length >= 3, 30_000);
    expect(responder.list()[0]).toMatchObject({ gridsSent: 0, gridsMissing: 56 * requests.length });
  }, 60_000);
});
