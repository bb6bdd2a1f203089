// Initial bearing and the point reached along a great circle (spherical Earth, as distance.ts).

import { EARTH_RADIUS_M } from './distance';

const toRad = (deg: number): number => (deg * Math.PI) / 180;
const toDeg = (rad: number): number => (rad * 180) / Math.PI;

/** Initial bearing from a to b, degrees clockwise from true north in [0, 360). */
export function bearingDeg(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const φ1 = toRad(a.lat);
  const φ2 = toRad(b.lat);
  const dλ = toRad(b.lon - a.lon);
  const y = Math.sin(dλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(dλ);
  return (toDeg(Math.atan2(y, x)) + 360) % 360;
}

export function destinationPoint(from: { lat: number; lon: number }, headingDeg: number, distanceM: number): { lat: number; lon: number } {
  const δ = distanceM / EARTH_RADIUS_M;
  const θ = toRad(headingDeg);
  const φ1 = toRad(from.lat);
  const λ1 = toRad(from.lon);
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
  const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
  return { lat: toDeg(φ2), lon: ((toDeg(λ2) + 540) % 360) - 180 };
}

/** A circle as a closed-enough polygon (vertices only, not repeated), e.g. for map files that lack circles. */
export function circleVertices(center: { lat: number; lon: number }, radiusM: number, segments = 64): Array<{ lat: number; lon: number }> {
  const out: Array<{ lat: number; lon: number }> = [];
  for (let i = 0; i < segments; i++) out.push(destinationPoint(center, (360 * i) / segments, radiusM));
  return out;
}
