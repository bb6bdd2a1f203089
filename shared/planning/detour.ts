// Transit legs that go around a crowd instead of over it. Overwatch stations sit outside the crowd's
// stand-off, but the straight leg from one station to the next can still cut across the market: a
// drone that loses power there falls on people. The detour follows the crowd's convex hull pushed out
// by the stand-off, taking the shorter way round (a shortest path in the visibility graph).

import { closestOnSegment, insideRings, offsetRing, segmentsIntersect, signedAreaM2, type XY } from './geometry';

/** Convex hull (Andrew's monotone chain), counter-clockwise, no repeated vertex. */
export function convexHull(points: XY[]): XY[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length < 3) return pts;
  const cross = (o: XY, a: XY, b: XY): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: XY[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: XY[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** Shortest distance from segment ab to the polygon's outline, 0 when it crosses it or lies inside. */
export function segmentToPolygonM(a: XY, b: XY, ring: XY[]): number {
  if (insideRings(a, [ring]) || insideRings(b, [ring])) return 0;
  let best = Infinity;
  for (let i = 0; i < ring.length; i++) {
    const c = ring[i];
    const d = ring[(i + 1) % ring.length];
    if (segmentsIntersect(a, b, c, d)) return 0;
    best = Math.min(best, closestOnSegment(c, a, b).distM, closestOnSegment(d, a, b).distM, closestOnSegment(a, c, d).distM, closestOnSegment(b, c, d).distM);
  }
  return best;
}

/**
 * The points to insert between `from` and `to` so that no leg comes closer than clearM to the
 * polygon (empty when the straight leg is already clear). Rounding errors aside, the hull corners
 * are pushed out a little more than clearM so the legs between them keep the clearance.
 */
export function detourAround(from: XY, to: XY, polygon: XY[], clearM: number): XY[] {
  if (polygon.length < 3 || segmentToPolygonM(from, to, polygon) >= clearM) return [];
  let hull = convexHull(polygon);
  if (hull.length < 3) return [];
  if (signedAreaM2(hull) < 0) hull = hull.reverse();
  // Miter corners lie further out than clearM; adding a small margin keeps the edges clear too.
  const ring = offsetRing(hull, clearM * 1.02 + 1);
  const nodes = [from, to, ...ring];
  const clear = (i: number, j: number): boolean => segmentToPolygonM(nodes[i], nodes[j], polygon) >= clearM;
  // Dijkstra over a complete visibility graph: a few dozen hull corners at most, so O(n^3) is fine.
  const n = nodes.length;
  const dist = new Array<number>(n).fill(Infinity);
  const prev = new Array<number>(n).fill(-1);
  const done = new Array<boolean>(n).fill(false);
  dist[0] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && dist[i] < Infinity && (u < 0 || dist[i] < dist[u])) u = i;
    if (u < 0 || u === 1) break;
    done[u] = true;
    for (let v = 0; v < n; v++) {
      if (done[v] || v === u) continue;
      const d = dist[u] + Math.hypot(nodes[u].x - nodes[v].x, nodes[u].y - nodes[v].y);
      if (d < dist[v] && clear(u, v)) {
        dist[v] = d;
        prev[v] = u;
      }
    }
  }
  // Unreachable (an endpoint inside the clearance): no detour can help; the checks flag the leg.
  if (prev[1] < 0) return [];
  const path: XY[] = [];
  for (let v = prev[1]; v > 0; v = prev[v]) path.unshift(nodes[v]);
  return path;
}
