// Flat-Earth geometry for pattern generation. Patterns span a few kilometres, so a local
// equirectangular projection about one origin is accurate to well under a metre there, and it keeps
// clipping and offsetting simple linear algebra instead of spherical trigonometry.

import type { LatLon } from '../plan/types';
import { EARTH_RADIUS_M } from '../geo/distance';

export interface XY {
  /** Metres east of the origin. */
  x: number;
  /** Metres north of the origin. */
  y: number;
}

const DEG = Math.PI / 180;

export interface LocalFrame {
  origin: LatLon;
  toXY(p: LatLon): XY;
  toLatLon(p: XY): LatLon;
}

export function localFrame(origin: LatLon): LocalFrame {
  const mPerDegLat = EARTH_RADIUS_M * DEG;
  // Longitude degrees shrink with cos(lat): at 53 N a degree is ~60 % of one at the equator.
  const mPerDegLon = mPerDegLat * Math.cos(origin.lat * DEG);
  return {
    origin,
    toXY: (p) => ({ x: (p.lon - origin.lon) * mPerDegLon, y: (p.lat - origin.lat) * mPerDegLat }),
    toLatLon: (p) => ({ lat: origin.lat + p.y / mPerDegLat, lon: origin.lon + p.x / mPerDegLon }),
  };
}

export function centroidLatLon(points: LatLon[]): LatLon {
  let lat = 0;
  let lon = 0;
  for (const p of points) {
    lat += p.lat;
    lon += p.lon;
  }
  return { lat: lat / points.length, lon: lon / points.length };
}

/** Signed shoelace area (positive when counter-clockwise in x-east/y-north). */
export function signedAreaM2(ring: XY[]): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % ring.length];
    a += p.x * q.y - q.x * p.y;
  }
  return a / 2;
}

export function polygonAreaM2(outer: LatLon[], holes: LatLon[][] = []): number {
  if (outer.length < 3) return 0;
  const f = localFrame(centroidLatLon(outer));
  let a = Math.abs(signedAreaM2(outer.map(f.toXY)));
  for (const h of holes) if (h.length >= 3) a -= Math.abs(signedAreaM2(h.map(f.toXY)));
  return Math.max(0, a);
}

export function rotate(p: XY, angleRad: number): XY {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  return { x: p.x * c - p.y * s, y: p.x * s + p.y * c };
}

/** Even-odd point-in-polygon over all rings (outer and holes alike). */
export function insideRings(p: XY, rings: XY[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
    }
  }
  return inside;
}

/** Where the horizontal line at y crosses the rings, sorted west to east (even-odd pairs are inside). */
export function scanlineCrossings(rings: XY[][], y: number): number[] {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      // Half-open rule so a vertex exactly on the line is counted once.
      if (a.y > y !== b.y > y) xs.push(a.x + ((y - a.y) * (b.x - a.x)) / (b.y - a.y));
    }
  }
  return xs.sort((m, n) => m - n);
}

/** Distance from p to the segment ab, and the closest point on it. */
export function closestOnSegment(p: XY, a: XY, b: XY): { point: XY; distM: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  const point = { x: a.x + t * dx, y: a.y + t * dy };
  return { point, distM: Math.hypot(p.x - point.x, p.y - point.y) };
}

export function closestOnRing(p: XY, ring: XY[]): { point: XY; distM: number } {
  let best = { point: ring[0], distM: Infinity };
  for (let i = 0; i < ring.length; i++) {
    const c = closestOnSegment(p, ring[i], ring[(i + 1) % ring.length]);
    if (c.distM < best.distM) best = c;
  }
  return best;
}

/** True when segments ab and cd cross (touching counts). */
export function segmentsIntersect(a: XY, b: XY, c: XY, d: XY): boolean {
  const o = (p: XY, q: XY, r: XY): number => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  const o1 = o(a, b, c);
  const o2 = o(a, b, d);
  const o3 = o(c, d, a);
  const o4 = o(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  const on = (p: XY, q: XY, r: XY): boolean =>
    Math.min(p.x, q.x) <= r.x && r.x <= Math.max(p.x, q.x) && Math.min(p.y, q.y) <= r.y && r.y <= Math.max(p.y, q.y);
  return (o1 === 0 && on(a, b, c)) || (o2 === 0 && on(a, b, d)) || (o3 === 0 && on(c, d, a)) || (o4 === 0 && on(c, d, b));
}

/**
 * Moves every edge of a ring outward by offsetM (negative = inward) and joins the moved edges at their
 * intersections (miter). Good for the simple, mostly convex outlines a patrol perimeter follows; a
 * very spiky outline inset by more than its narrowest width folds over, which the checks then flag.
 */
export function offsetRing(ring: XY[], offsetM: number): XY[] {
  const n = ring.length;
  if (n < 3 || offsetM === 0) return ring.slice();
  // Outward normal depends on winding: for CCW rings the outside is to the right of each edge.
  const sign = signedAreaM2(ring) > 0 ? 1 : -1;
  const lines = ring.map((a, i) => {
    const b = ring[(i + 1) % n];
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const nx = (sign * (b.y - a.y)) / len;
    const ny = (sign * -(b.x - a.x)) / len;
    return { a: { x: a.x + nx * offsetM, y: a.y + ny * offsetM }, d: { x: b.x - a.x, y: b.y - a.y } };
  });
  return lines.map((cur, i) => {
    const prev = lines[(i - 1 + n) % n];
    const den = prev.d.x * cur.d.y - prev.d.y * cur.d.x;
    // Collinear neighbours: the moved vertex is just the moved start of this edge.
    if (Math.abs(den) < 1e-9) return cur.a;
    const t = ((cur.a.x - prev.a.x) * cur.d.y - (cur.a.y - prev.a.y) * cur.d.x) / den;
    return { x: prev.a.x + t * prev.d.x, y: prev.a.y + t * prev.d.y };
  });
}
