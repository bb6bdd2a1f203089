import { describe, expect, it } from 'vitest';
import { routeZoneHits, zoneContains } from '../../shared/airspace/check';
import type { AirspaceZone } from '../../shared/airspace/zone';

const square: AirspaceZone = {
  id: 'a', name: 'Stadium', kind: 'noFly', source: 'test', floorMslM: 300, ceilingMslM: 600,
  shape: { type: 'polygon', vertices: [{ lat: 46.0, lon: 122.0 }, { lat: 46.01, lon: 122.0 }, { lat: 46.01, lon: 122.01 }, { lat: 46.0, lon: 122.01 }] },
};
const airport: AirspaceZone = { id: 'b', name: 'ZBUL', kind: 'noFly', source: 'airport template', shape: { type: 'circle', center: { lat: 46.1, lon: 122.1 }, radiusM: 1000 } };

describe('airspace checks', () => {
  it('tests outline and vertical band', () => {
    expect(zoneContains(square, { lat: 46.005, lon: 122.005 })).toBe(true);
    expect(zoneContains(square, { lat: 46.005, lon: 122.005, altMslM: 400 })).toBe(true);
    expect(zoneContains(square, { lat: 46.005, lon: 122.005, altMslM: 700 })).toBe(false);
    expect(zoneContains(square, { lat: 46.005, lon: 122.005, altMslM: 200 })).toBe(false);
    expect(zoneContains(square, { lat: 46.02, lon: 122.005 })).toBe(false);
    expect(zoneContains(airport, { lat: 46.1, lon: 122.109, altMslM: 5000 })).toBe(true); // ~700 m east, no band
    expect(zoneContains(airport, { lat: 46.1, lon: 122.115 })).toBe(false);
  });

  it('catches a leg that cuts through a zone between waypoints', () => {
    const route = [{ lat: 46.005, lon: 121.99, altMslM: 400 }, { lat: 46.005, lon: 122.02, altMslM: 400 }];
    const hits = routeZoneHits(route, [square, airport]);
    expect(hits.map((h) => h.zone.name)).toEqual(['Stadium']);
    expect(hits[0]!.index).toBe(0);
    expect(routeZoneHits(route.map((p) => ({ ...p, altMslM: 650 })), [square])).toEqual([]);
  });
});
