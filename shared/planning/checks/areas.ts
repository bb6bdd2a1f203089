// Fence and zone areas in the checks' local frame, and the two questions the checks ask of them:
// is a place inside, does a leg touch it.
import { closestOnSegment, insideRings, segmentsIntersect, type XY } from '../geometry';

export interface Area {
  inclusion: boolean;
  ring?: XY[];
  circle?: { c: XY; r: number };
}

export function areaContains(a: Area, p: XY): boolean {
  if (a.ring) return insideRings(p, [a.ring]);
  const c = a.circle as { c: XY; r: number };
  return Math.hypot(p.x - c.c.x, p.y - c.c.y) <= c.r;
}

export function legTouches(a: Area, p: XY, q: XY): boolean {
  if (areaContains(a, p) || areaContains(a, q)) return true;
  if (a.circle) return closestOnSegment(a.circle.c, p, q).distM <= a.circle.r;
  const ring = a.ring as XY[];
  for (let i = 0; i < ring.length; i++) if (segmentsIntersect(p, q, ring[i], ring[(i + 1) % ring.length])) return true;
  return false;
}
