// WGS-84 <-> GCJ-02 <-> BD-09. Chinese phone maps (Gaode/AMap, Tencent: GCJ-02; Baidu: BD-09) show
// positions shifted by up to ~700 m from GPS; a coordinate copied from one of them must be converted
// before a drone flies to it. The forward GCJ-02 formula is the widely published one (eviltransform,
// gcoord); it has no closed-form inverse, so GCJ-02 -> WGS-84 iterates the forward function
// (fixed-point on the offset) until the round trip is within 1e-9 degrees (~0.1 mm). BD-09 is GCJ-02
// with a further closed-form rotation whose published inverse is approximate to ~1e-6 degrees;
// we refine it the same way so both directions agree to the iteration tolerance.
// Points outside China's bounding box are returned untouched, as every published implementation does.

export type Datum = 'WGS84' | 'GCJ02' | 'BD09';

export interface LatLonDeg {
  lat: number;
  lon: number;
}

const A = 6378245.0; // Krasovsky 1940 semi-major axis, as the GCJ-02 formula uses it
const EE = 0.00669342162296594323;
const X_PI = (Math.PI * 3000.0) / 180.0;
/** Iteration stops when the round trip lands within this many degrees (~0.1 mm). */
export const INVERSE_TOLERANCE_DEG = 1e-9;
const MAX_ITERATIONS = 30;

/** The rectangle that GCJ-02 implementations treat as China (outside it no shift is applied). */
export function outOfChina(p: LatLonDeg): boolean {
  return p.lon < 72.004 || p.lon > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLon(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

export function wgs84ToGcj02(p: LatLonDeg): LatLonDeg {
  if (outOfChina(p)) return { lat: p.lat, lon: p.lon };
  let dLat = transformLat(p.lon - 105.0, p.lat - 35.0);
  let dLon = transformLon(p.lon - 105.0, p.lat - 35.0);
  const radLat = (p.lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: p.lat + dLat, lon: p.lon + dLon };
}

/** Solves forward(x) = target by fixed-point iteration on the offset (the shift varies slowly). */
function invert(forward: (p: LatLonDeg) => LatLonDeg, target: LatLonDeg, start: LatLonDeg): LatLonDeg {
  let guess = start;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const mapped = forward(guess);
    const dLat = target.lat - mapped.lat;
    const dLon = target.lon - mapped.lon;
    guess = { lat: guess.lat + dLat, lon: guess.lon + dLon };
    if (Math.abs(dLat) < INVERSE_TOLERANCE_DEG && Math.abs(dLon) < INVERSE_TOLERANCE_DEG) break;
  }
  return guess;
}

export function gcj02ToWgs84(p: LatLonDeg): LatLonDeg {
  if (outOfChina(p)) return { lat: p.lat, lon: p.lon };
  return invert(wgs84ToGcj02, p, p);
}

export function gcj02ToBd09(p: LatLonDeg): LatLonDeg {
  const x = p.lon;
  const y = p.lat;
  const z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
  return { lat: z * Math.sin(theta) + 0.006, lon: z * Math.cos(theta) + 0.0065 };
}

/** The published closed-form inverse (good to ~1e-6 degrees), refined by iteration. */
export function bd09ToGcj02(p: LatLonDeg): LatLonDeg {
  const x = p.lon - 0.0065;
  const y = p.lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  return invert(gcj02ToBd09, p, { lat: z * Math.sin(theta), lon: z * Math.cos(theta) });
}

export function wgs84ToBd09(p: LatLonDeg): LatLonDeg {
  if (outOfChina(p)) return { lat: p.lat, lon: p.lon };
  return gcj02ToBd09(wgs84ToGcj02(p));
}

export function bd09ToWgs84(p: LatLonDeg): LatLonDeg {
  if (outOfChina(p)) return { lat: p.lat, lon: p.lon };
  return gcj02ToWgs84(bd09ToGcj02(p));
}

/** Converts between any two of the three datums. */
export function convertDatum(p: LatLonDeg, from: Datum, to: Datum): LatLonDeg {
  if (from === to) return { lat: p.lat, lon: p.lon };
  const wgs = from === 'WGS84' ? p : from === 'GCJ02' ? gcj02ToWgs84(p) : bd09ToWgs84(p);
  if (to === 'WGS84') return { lat: wgs.lat, lon: wgs.lon };
  return to === 'GCJ02' ? wgs84ToGcj02(wgs) : wgs84ToBd09(wgs);
}
