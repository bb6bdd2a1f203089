// Facts about a zone's horizontal outline that an importer needs before trusting it: does it enclose
// any area (a 3D drawing's vertical walls do not), does it cross itself (then "inside" means little),
// and which other polygons have the same footprint (the floor and the ceiling of one 3D volume).
import type { LatLon } from '../plan/types';
import { centroidLatLon, localFrame, segmentsIntersect, type XY } from '../planning/geometry';

/** Narrower than this a ring is a line, or a 3D drawing's vertical wall seen from above: no area to fly into. */
export const MIN_ZONE_WIDTH_M = 0.5;
/** Checking every pair of edges is quadratic: past this many vertices the check is skipped. */
const CROSSING_CHECK_MAX_VERTICES = 2000;

function toXY(ring: readonly LatLon[]): XY[] {
  const f = localFrame(centroidLatLon([...ring]));
  return ring.map((p) => f.toXY(p));
}

/**
 * How wide the outline is across its longest extent: zero for a wall (its corners are two points
 * twice over) or a line. Not the area: a bow-tie's two lobes cancel to zero area yet it is a zone.
 */
export function footprintWidthM(ring: readonly LatLon[]): number {
  if (ring.length < 3) return 0;
  const xy = toXY(ring);
  const a = xy[0]!;
  let b = a;
  for (const p of xy) if (Math.hypot(p.x - a.x, p.y - a.y) > Math.hypot(b.x - a.x, b.y - a.y)) b = p;
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  if (len === 0) return 0;
  let width = 0;
  for (const p of xy) width = Math.max(width, Math.abs((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)) / len);
  return width;
}

/** Whether two edges that do not share a vertex cross: a bow-tie, or a ring drawn back over itself. */
export function selfCrosses(ring: readonly LatLon[]): boolean {
  const n = ring.length;
  if (n < 4 || n > CROSSING_CHECK_MAX_VERTICES) return false;
  const xy = toXY(ring);
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // the closing edge meets the first one at vertex 0
      if (segmentsIntersect(xy[i]!, xy[(i + 1) % n]!, xy[j]!, xy[(j + 1) % n]!)) return true;
    }
  }
  return false;
}

/**
 * The same outline, whatever vertex it starts at and whichever way round it goes: the floor and
 * ceiling polygons of one volume are written from the same vertex list, sometimes reversed.
 * Coordinates are compared to 1e-6 degrees (about 0.1 m).
 */
export function footprintKey(ring: readonly LatLon[]): string {
  return ring
    .map((p) => `${Math.round(p.lon * 1e6)},${Math.round(p.lat * 1e6)}`)
    .sort()
    .join(' ');
}
