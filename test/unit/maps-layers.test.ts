import { describe, expect, it } from 'vitest';
import { tileUrl, zonesToGeoJSON } from '../../renderer/map/mapsLayers';
import { parseCoordinate } from '../../shared/geo/coord-parse';

describe('map layers of the maps area', () => {
  it('builds tile URLs on the page origin, for either host', () => {
    expect(tileUrl('http://127.0.0.1:8765', 'osm')).toBe('http://127.0.0.1:8765/tiles/osm/{z}/{x}/{y}');
    expect(tileUrl('app://gcs', 'a b')).toBe('app://gcs/tiles/a%20b/{z}/{x}/{y}');
  });

  it('draws polygons closed and circles as rings, with their kind', () => {
    const fc = zonesToGeoJSON([
      { id: '1', name: 'P', kind: 'noFly', source: 't', shape: { type: 'polygon', vertices: [{ lat: 46, lon: 122 }, { lat: 46.1, lon: 122 }, { lat: 46.1, lon: 122.1 }] } },
      { id: '2', name: 'C', kind: 'restricted', source: 't', shape: { type: 'circle', center: { lat: 46, lon: 122 }, radiusM: 1000 } },
    ]);
    const ring0 = (fc.features[0]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring0).toHaveLength(4);
    expect(ring0[0]).toEqual(ring0[3]);
    const ring1 = (fc.features[1]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring1).toHaveLength(73);
    expect(fc.features[1]!.properties).toMatchObject({ kind: 'restricted', name: 'C' });
  });

  it('reads hemisphere-first DMS with spaces', () => {
    const p = parseCoordinate('N 46 4 21 E 122 5 35');
    expect(p.wgs84.lat).toBeCloseTo(46 + 4 / 60 + 21 / 3600, 6);
    expect(p.wgs84.lon).toBeCloseTo(122 + 5 / 60 + 35 / 3600, 6);
  });
});
