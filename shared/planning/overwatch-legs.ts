// An overwatch pattern keeps its orbits clear of the crowd (stand-off), but the straight legs between
// stations are not routed around it: a leg from one side of a night market to the other flies over
// the people. This names those legs so the pattern form can say so before the pilot adds it.
import { centroidLatLon, closestOnSegment, insideRings, localFrame, segmentsIntersect, type XY } from './geometry';
import { generatePath } from './generate';
import type { OverwatchSpec } from './patterns';

/** A transit leg between two stations (1-based station numbers, in flown order) that passes over or too near the crowd. */
export interface CrowdLeg {
  from: number;
  to: number;
}

function legTouches(crowd: XY[], a: XY, b: XY, clearM: number): boolean {
  if (insideRings(a, [crowd]) || insideRings(b, [crowd])) return true;
  for (let i = 0; i < crowd.length; i++) {
    const c = crowd[i];
    const d = crowd[(i + 1) % crowd.length];
    if (segmentsIntersect(a, b, c, d)) return true;
    // Within clearM of a crowd corner is as bad as over it (the stand-off the pilot asked for).
    if (clearM > 0 && closestOnSegment(c, a, b).distM < clearM) return true;
  }
  return false;
}

/** Legs between stations (including the one back to the first for a further rotation) that cross the crowd or its stand-off. */
export function overwatchLegsOverCrowd(spec: OverwatchSpec): CrowdLeg[] {
  const path = generatePath(spec);
  if (spec.crowd.length < 3 || path.points.length < 2) return [];
  const f = localFrame(centroidLatLon(spec.crowd));
  const crowd = spec.crowd.map(f.toXY);
  const pts = path.points.map(f.toXY);
  const legs: Array<[number, number]> = pts.slice(1).map((_, i) => [i, i + 1]);
  if ((path.repeat?.laps ?? 1) > 1 && pts.length > 2) legs.push([pts.length - 1, 0]);
  return legs.filter(([i, j]) => legTouches(crowd, pts[i], pts[j], spec.standOffM)).map(([i, j]) => ({ from: i + 1, to: j + 1 }));
}
