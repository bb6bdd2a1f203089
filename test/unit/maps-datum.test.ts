// Datum conversions against published reference points. Sources: the test vectors of
// googollee/eviltransform (WGS-84 -> GCJ-02 for Shanghai, Shenzhen, Beijing) and hujiulong/gcoord's
// unit tests (GCJ-02 -> WGS-84, GCJ-02 <-> BD-09 and BD-09 -> WGS-84 at 45 N 123 E). eviltransform's
// BD-09 uses sin(y*pi) where Baidu's published formula (and gcoord) use sin(y*pi*3000/180), so its
// BD-09 vectors differ by ~10 m and are not used. Documented error: forward formulas match to 1e-8 deg (the published values are the
// same formula); inverses iterate to 1e-9 deg; published inverse values (which came from coarser
// inverses) are matched to 1e-5 deg, about 1 m, which is below what a pilot can see on a map.
import { describe, expect, it } from 'vitest';
import { bd09ToGcj02, bd09ToWgs84, convertDatum, gcj02ToBd09, gcj02ToWgs84, outOfChina, wgs84ToBd09, wgs84ToGcj02 } from '../../shared/geo/datum';
import { distanceM } from '../../shared/geo/distance';

const WGS_GCJ: Array<[number, number, number, number, string]> = [
  [31.1774276, 121.5272106, 31.17530398364597, 121.531541859215, 'Shanghai'],
  [22.543847, 113.912316, 22.540796131694766, 113.9171764808363, 'Shenzhen'],
  [39.911954, 116.377817, 39.91334545536069, 116.38404722455657, 'Beijing'],
];
const BD_WGS: Array<[number, number, number, number]> = [[45, 123, 44.9917154, 122.9876221]];
const BD_GCJ: Array<[number, number, number, number]> = [[45, 123, 44.9936543, 122.99363304]];

describe('WGS-84 <-> GCJ-02 <-> BD-09', () => {
  it('matches the published WGS-84 -> GCJ-02 points, and inverts them', () => {
    for (const [wLat, wLon, gLat, gLon] of WGS_GCJ) {
      const g = wgs84ToGcj02({ lat: wLat, lon: wLon });
      expect(Math.abs(g.lat - gLat)).toBeLessThan(1e-8);
      expect(Math.abs(g.lon - gLon)).toBeLessThan(1e-8);
      const w = gcj02ToWgs84({ lat: gLat, lon: gLon });
      expect(Math.abs(w.lat - wLat)).toBeLessThan(1e-8);
      expect(Math.abs(w.lon - wLon)).toBeLessThan(1e-8);
      // The shift itself is hundreds of metres: the reason this matters.
      expect(distanceM({ lat: wLat, lon: wLon }, g)).toBeGreaterThan(100);
    }
  });

  it('matches gcoord\'s GCJ-02 -> WGS-84 and GCJ-02 -> BD-09 at 45 N 123 E', () => {
    const w = gcj02ToWgs84({ lat: 45, lon: 123 });
    expect(w.lon).toBeCloseTo(122.99395597, 5);
    expect(w.lat).toBeCloseTo(44.99804071, 5);
    const b = gcj02ToBd09({ lat: 45, lon: 123 });
    expect(b.lon).toBeCloseTo(123.00636499, 7);
    expect(b.lat).toBeCloseTo(45.00636899, 7);
    const back = bd09ToGcj02(b);
    expect(Math.abs(back.lat - 45)).toBeLessThan(1e-8);
    expect(Math.abs(back.lon - 123)).toBeLessThan(1e-8);
  });

  it('matches the published BD-09 -> WGS-84 and BD-09 -> GCJ-02 points within 1e-5 degrees, both ways', () => {
    for (const [bLat, bLon, gLat, gLon] of BD_GCJ) {
      const g = bd09ToGcj02({ lat: bLat, lon: bLon });
      expect(Math.abs(g.lat - gLat)).toBeLessThan(1e-5);
      expect(Math.abs(g.lon - gLon)).toBeLessThan(1e-5);
    }
    for (const [bLat, bLon, wLat, wLon] of BD_WGS) {
      const w = bd09ToWgs84({ lat: bLat, lon: bLon });
      expect(Math.abs(w.lat - wLat)).toBeLessThan(1e-5);
      expect(Math.abs(w.lon - wLon)).toBeLessThan(1e-5);
      const b = wgs84ToBd09(w);
      expect(Math.abs(b.lat - bLat)).toBeLessThan(1e-8);
      expect(Math.abs(b.lon - bLon)).toBeLessThan(1e-8);
    }
  });

  it('round-trips across China to under a millimetre', () => {
    for (let lat = 18; lat <= 53; lat += 5) {
      for (let lon = 74; lon <= 134; lon += 6) {
        const p = { lat, lon };
        for (const d of ['GCJ02', 'BD09'] as const) {
          const back = convertDatum(convertDatum(p, 'WGS84', d), d, 'WGS84');
          expect(distanceM(p, back)).toBeLessThan(0.001);
        }
      }
    }
  });

  it('leaves points outside China untouched', () => {
    for (const p of [{ lat: 51.4779, lon: -0.0015 }, { lat: -33.8688, lon: 151.2093 }, { lat: 35.68, lon: 139.76 }]) {
      expect(outOfChina(p)).toBe(true);
      expect(wgs84ToGcj02(p)).toEqual(p);
      expect(gcj02ToWgs84(p)).toEqual(p);
      expect(wgs84ToBd09(p)).toEqual(p);
      expect(bd09ToWgs84(p)).toEqual(p);
    }
  });
});
