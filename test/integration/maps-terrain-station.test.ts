// The station's terrain calls over its data folder, and the vehicle exchange through the station's own
// links: a .hgt dropped into <dataDir>/terrain answers ground-height and profile calls, and a
// `gcs sim --terrain` connected to the station gets its block.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Events } from '../../shared/contract/api';
import { encodeHgt } from '../../shared/terrain/hgt';
import { GroundStation } from '../../electron/core/station';
import { ROOT } from '../support/gcs-cli';
import { waitFor } from '../support/wait';

const pilot = { role: 'pilot' as const, name: 'test' };
const observer = { role: 'observer' as const, name: 'test' };
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const plane = (lat: number, lon: number): number => 500 + 1000 * (lat - 46) + 200 * (lon - 122);

describe('station terrain', () => {
  it('loads the terrain folder, answers heights and profiles, and serves a simulator over its link', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'maps-station-'));
    mkdirSync(join(dataDir, 'terrain'));
    writeFileSync(join(dataDir, 'terrain', 'N46E122.hgt'), encodeHgt(1201, (r, c) => plane(47 - r / 1200, 122 + c / 1200)));
    writeFileSync(join(dataDir, 'terrain', 'N40E100.hgt'), new Uint8Array(10));
    const station = new GroundStation({ host: 'server', dataDir });
    cleanups.push(() => station.close());
    await station.start();
    const terrainEvents: Array<Events['mapsTerrain']> = [];
    station.subscribe((name, payload) => {
      if (name === 'mapsTerrain') terrainEvents.push(payload as Events['mapsTerrain']);
    });

    const status = await station.mapsTerrainStatus({}, observer);
    expect(status.tiles).toEqual([{ file: 'N46E122.hgt', south: 46, west: 122, resolutionArcSec: 3 }]);
    expect(status.errors[0]).toMatchObject({ file: 'N40E100.hgt' });
    const { heightsMslM } = await station.mapsGroundHeight({ points: [{ lat: 46.5, lon: 122.5 }, { lat: 10, lon: 10 }] }, observer);
    expect(heightsMslM[0]).toBeCloseTo(1100, 0);
    expect(heightsMslM[1]).toBeNull();
    const profile = await station.mapsTerrainProfile({ route: [{ lat: 46.1, lon: 122.1, altMslM: 800 }, { lat: 46.2, lon: 122.1, altMslM: 800 }], sampleSpacingM: 100 }, observer);
    expect(profile.totalM).toBeGreaterThan(11_000);
    expect(profile.minAgl!.heightAglM).toBeCloseTo(800 - plane(46.2, 122.1), 0);
    expect(profile.missing).toBe(0);

    const link = await station.openLink({ spec: 'udp:127.0.0.1:0' }, pilot);
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/core/sim/main.ts'), '--udp', link.spec.replace(/^udp:/, ''), '--terrain'], { cwd: ROOT, stdio: 'ignore' });
    cleanups.push(() => {
      child.kill('SIGKILL');
    });
    let sent = 0;
    const deadline = Date.now() + 30_000;
    while (sent < 56 && Date.now() < deadline) {
      sent = (await station.mapsTerrainStatus({}, observer)).vehicles.find((v) => v.key === '1:1')?.gridsSent ?? 0;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(sent).toBe(56);
    // The UI heard about it too (events are rate-limited to one a second, so wait for a later one).
    await waitFor('a terrain event naming the vehicle', () => terrainEvents.some((e) => e.vehicles.some((v) => v.key === '1:1')), 15_000);
  }, 60_000);

  it('lets only a pilot reload terrain', async () => {
    const { permissions } = await import('../../shared/contract/api');
    expect(permissions.mapsReloadTerrain).toEqual(['pilot']);
    expect(permissions.mapsGroundHeight).toContain('observer');
  });
});
