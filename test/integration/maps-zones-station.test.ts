// Zones through the station's calls and its real SQLite file: import, draw, airport template, remove,
// still there after the station restarts; events to the UI; a broken file adds nothing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { handleCall } from '../../shared/contract/dispatch';
import type { Events } from '../../shared/contract/api';
import { GroundStation } from '../../electron/core/station';

const pilot = { role: 'pilot' as const, name: 'test' };
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: 'Prison', ceilingMslM: 800 }, geometry: { type: 'Polygon', coordinates: [[[122, 46], [122.01, 46], [122.01, 46.01], [122, 46]]] } }],
});

describe('station airspace zones', () => {
  it('imports, draws, adds an airport, removes, and keeps them on disk', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'maps-zones-'));
    const station = new GroundStation({ host: 'server', dataDir });
    await station.start();
    const events: Array<Events['mapsZones']> = [];
    station.subscribe((name, payload) => {
      if (name === 'mapsZones') events.push(payload as Events['mapsZones']);
    });
    const imported = await station.mapsImportZones({ fileName: 'zones.geojson', dataBase64: b64(GEOJSON), defaultKind: 'noFly' }, pilot);
    expect(imported.added).toHaveLength(1);
    const drawn = await station.mapsAddZone({ name: 'Market', kind: 'restricted', shape: { type: 'polygon', vertices: [{ lat: 46, lon: 122 }, { lat: 46.1, lon: 122 }, { lat: 46.1, lon: 122.1 }] } }, pilot);
    expect(drawn.source).toBe('drawn');
    const airport = await station.mapsAddAirport({ name: 'ZBUL', center: { lat: 46.19, lon: 122.01 }, radiusM: 5000 }, pilot);
    expect(airport.shape).toEqual({ type: 'circle', center: { lat: 46.19, lon: 122.01 }, radiusM: 5000 });
    await station.mapsRemoveZone({ id: drawn.id }, pilot);
    await expect((async () => station.mapsRemoveZone({ id: drawn.id }, pilot))()).rejects.toMatchObject({ code: 'airspace-unknown' });
    expect(events.at(-1)!.zones.map((z) => z.name)).toEqual(['Prison', 'ZBUL']);
    // A broken file adds nothing.
    await expect((async () => station.mapsImportZones({ fileName: 'x.kml', dataBase64: b64('<kml><Document>'), defaultKind: 'noFly' }, pilot))()).rejects.toMatchObject({ code: 'airspace-bad-file' });
    await station.close();

    const again = new GroundStation({ host: 'server', dataDir });
    cleanups.push(() => again.close());
    await again.start();
    const zones = await again.mapsListZones({}, { role: 'observer', name: 'o' });
    expect(zones.map((z) => [z.name, z.kind, z.ceilingMslM])).toEqual([['Prison', 'noFly', 800], ['ZBUL', 'noFly', undefined]]);
  });

  it('checks calls at the door: roles, shapes, floor below ceiling', async () => {
    const station = new GroundStation({ host: 'server' });
    cleanups.push(() => station.close());
    await station.start();
    const observer = { role: 'observer' as const, name: 'o' };
    const add = (params: unknown, caller: { role: 'pilot' | 'observer'; name: string } = pilot) => handleCall(station, caller, 'mapsAddZone', params);
    const square = { type: 'polygon', vertices: [{ lat: 46, lon: 122 }, { lat: 46.1, lon: 122 }, { lat: 46.1, lon: 122.1 }] };
    await expect(add({ name: 'A', kind: 'noFly', shape: square }, observer)).rejects.toBeTruthy();
    await expect(add({ name: 'A', kind: 'noFly', shape: { type: 'polygon', vertices: [{ lat: 46, lon: 122 }] } })).rejects.toBeTruthy();
    await expect(add({ name: 'A', kind: 'noFly', shape: square, floorMslM: 500, ceilingMslM: 400 })).rejects.toBeTruthy();
    await expect(add({ name: 'A', kind: 'noFly', shape: square, floorMslM: 300, ceilingMslM: 400 })).resolves.toBeTruthy();
  });
});
