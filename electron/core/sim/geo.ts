// Flat-earth helpers for the simulator. Flights here span a few kilometres, where a local tangent
// plane is accurate to centimetres; the simulator only needs plausibility, not survey precision.

const EARTH_RADIUS_M = 6_378_137;
const DEG = Math.PI / 180;

export interface GeoPoint {
  lat: number;
  lon: number;
  altMslM: number;
}

/** North/east metres from a to b. */
export function offsetNeM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): { northM: number; eastM: number } {
  const northM = (b.lat - a.lat) * DEG * EARTH_RADIUS_M;
  const eastM = (b.lon - a.lon) * DEG * EARTH_RADIUS_M * Math.cos(a.lat * DEG);
  return { northM, eastM };
}

/** The point northM/eastM metres away from p. */
export function moveNe<T extends { lat: number; lon: number }>(p: T, northM: number, eastM: number): T {
  return {
    ...p,
    lat: p.lat + northM / EARTH_RADIUS_M / DEG,
    lon: p.lon + eastM / (EARTH_RADIUS_M * Math.cos(p.lat * DEG)) / DEG,
  };
}

export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const { northM, eastM } = offsetNeM(a, b);
  return Math.hypot(northM, eastM);
}

/** Bearing from a to b, degrees clockwise from north in [0, 360). */
export function bearingDeg(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const { northM, eastM } = offsetNeM(a, b);
  return wrap360(Math.atan2(eastM, northM) / DEG);
}

export function wrap360(deg: number): number {
  const d = deg % 360;
  return d < 0 ? d + 360 : d;
}

/** Signed smallest difference to - from, in (-180, 180]. */
export function angleDiffDeg(fromDeg: number, toDeg: number): number {
  let d = wrap360(toDeg - fromDeg);
  if (d > 180) d -= 360;
  return d;
}

export function isValidLatLon(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}
