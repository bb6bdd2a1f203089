import { describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors';
import { formatLatLonDecimal, formatLatLonDms } from '../../shared/geo/coord-format';
import { parseCoordinate } from '../../shared/geo/coord-parse';
import { wgs84ToBd09, wgs84ToGcj02 } from '../../shared/geo/datum';

const near = (a: number, b: number, tol = 1e-6): void => expect(Math.abs(a - b)).toBeLessThan(tol);

describe('coordinate entry', () => {
  it('reads decimal degrees in the usual forms', () => {
    for (const text of ['46.0726, 122.0933', '46.0726 122.0933', '46.0726N 122.0933E', 'N46.0726 E122.0933', '北纬46.0726 东经122.0933', '(46.0726，122.0933)']) {
      const p = parseCoordinate(text);
      near(p.wgs84.lat, 46.0726);
      near(p.wgs84.lon, 122.0933);
      expect(p.format).toBe('DD');
      expect(p.datum).toBe('WGS84');
    }
  });

  it('reads DMS and DM, and southern/western hemispheres', () => {
    const p = parseCoordinate('46°04′21.4″N 122°05′35.9″E');
    near(p.wgs84.lat, 46 + 4 / 60 + 21.4 / 3600);
    near(p.wgs84.lon, 122 + 5 / 60 + 35.9 / 3600);
    expect(p.format).toBe('DMS');
    const q = parseCoordinate(`33 52 7.7 S, 151 12 33.5 E`);
    near(q.wgs84.lat, -(33 + 52 / 60 + 7.7 / 3600));
    const r = parseCoordinate(`46°04.357'N 122°05.598'W`);
    near(r.wgs84.lat, 46 + 4.357 / 60);
    near(r.wgs84.lon, -(122 + 5.598 / 60));
    const s = parseCoordinate('122°05′35.9″E 46°04′21.4″N');
    expect(s.lonFirst).toBe(true);
    near(s.wgs84.lat, 46 + 4 / 60 + 21.4 / 3600);
  });

  it('reads phone-map copies (lon,lat, marked GCJ-02 or BD-09) and converts them to WGS-84', () => {
    const wgs = { lat: 46.0726, lon: 122.0933 };
    const g = wgs84ToGcj02(wgs);
    const gcj = parseCoordinate(`高德 ${g.lon.toFixed(7)},${g.lat.toFixed(7)}`);
    expect(gcj.datum).toBe('GCJ02');
    expect(gcj.lonFirst).toBe(true);
    near(gcj.wgs84.lat, wgs.lat, 1e-6);
    near(gcj.wgs84.lon, wgs.lon, 1e-6);
    const b = wgs84ToBd09(wgs);
    const bd = parseCoordinate(`BD-09: ${b.lat.toFixed(7)}, ${b.lon.toFixed(7)}`);
    expect(bd.datum).toBe('BD09');
    near(bd.wgs84.lat, wgs.lat, 1e-6);
    near(bd.wgs84.lon, wgs.lon, 1e-6);
    // The default datum applies when the text has no marker (a field set to "GCJ-02").
    const assumed = parseCoordinate(`${g.lat}, ${g.lon}`, 'GCJ02');
    expect(assumed.wgs84.lat).toBeCloseTo(wgs.lat, 6);
    // ...and the result says whether the text named its datum, so the UI can say "assumed".
    expect([assumed.datumMarked, gcj.datumMarked, bd.datumMarked, parseCoordinate('GPS 46.07, 122.09', 'GCJ02').datum]).toEqual([false, true, true, 'WGS84']);
  });

  it('refuses nonsense with a bilingual reason', () => {
    for (const text of ['', 'hello', '46.07', '95, 122', '46, 190', '46 61 0 N 122 0 0 E', '1,2,3', 'gcj02 baidu 40,116', 'x'.repeat(300)]) {
      let caught: unknown;
      try {
        parseCoordinate(text);
      } catch (err) {
        caught = err;
      }
      expect(caught, text).toBeInstanceOf(ContractError);
      const e = caught as ContractError;
      expect(e.code).toBe('coordinate-invalid');
      expect(e.userMessage.zh).toMatch(/坐标/);
    }
  });

  it('formats both ways and reads its own output back', () => {
    const dd = formatLatLonDecimal(-33.8688, 151.2093);
    expect(dd).toBe('-33.868800, 151.209300');
    const dms = formatLatLonDms(-33.8688, 151.2093);
    expect(dms).toBe('33°52′07.7″S 151°12′33.5″E');
    near(parseCoordinate(dms).wgs84.lat, -33.8688, 2e-5);
    near(parseCoordinate(dd).wgs84.lon, 151.2093);
  });
});
