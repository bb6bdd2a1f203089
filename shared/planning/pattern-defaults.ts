// Which patterns a drawn shape can make, and a first set of parameters for each: sensible for a
// police quadcopter at night (60 m above home, 40 m lanes, 5 minutes on station), so the pilot sees a
// pattern at once and adjusts from there rather than filling an empty form.
import { distanceM } from '../geo/distance';
import type { LatLon } from '../plan/types';
import type { PlanShape } from './plan-doc';
import type { PatternKind, PatternSpec } from './patterns';

export const KINDS_FOR_SHAPE: Record<PlanShape['kind'], readonly PatternKind[]> = {
  polygon: ['parallelTrack', 'patrolPerimeter', 'overwatch'],
  line: ['patrolLine'],
  point: ['expandingSquare', 'sectorSearch', 'creepingLine'],
};

export interface DefaultsContext {
  /** Altitude a new pattern flies at, metres above home. */
  altM: number;
  /** Overwatch stations to start with (the plan's point shapes); a polygon's corners when none. */
  stations: LatLon[];
  /** Where the drone arrives from (the plan's last place, or home): a patrol starts at its nearest point. */
  from?: LatLon;
}

/** The ring turned to start at its vertex nearest `from`: no leg cutting across the building to a far corner. */
function startNearest(ring: LatLon[], from: LatLon | undefined): LatLon[] {
  if (!from || ring.length === 0) return ring;
  let best = 0;
  ring.forEach((p, i) => {
    if (distanceM(from, p) < distanceM(from, ring[best])) best = i;
  });
  return [...ring.slice(best), ...ring.slice(0, best)];
}

/** A line flown from its nearer end. */
function nearerEndFirst(line: LatLon[], from: LatLon | undefined): LatLon[] {
  if (!from || line.length < 2) return line;
  return distanceM(from, line[line.length - 1]) < distanceM(from, line[0]) ? [...line].reverse() : line;
}

const plain = (p: LatLon): LatLon => ({ lat: p.lat, lon: p.lon });

/** Default spec of `kind` made from `shape`; null when the shape cannot make that kind. */
export function defaultSpec(kind: PatternKind, shape: PlanShape, ctx: DefaultsContext): PatternSpec | null {
  if (!KINDS_FOR_SHAPE[shape.kind].includes(kind)) return null;
  const altM = ctx.altM;
  const pts = shape.points.map(plain);
  const p0 = pts[0];
  switch (kind) {
    case 'parallelTrack':
      return { kind, altM, polygon: pts, holes: (shape.holes ?? []).map((h) => h.map(plain)), spacing: { mode: 'direct', spacingM: 40 } };
    case 'patrolPerimeter':
      return { kind, altM, polygon: startNearest(pts, ctx.from), offsetM: 0, direction: 'cw', laps: 1, lapMode: 'doJump' };
    case 'overwatch': {
      // A station at every other corner: stand-off pushes each out of the crowd, so corners are a fair start.
      const stations = ctx.stations.length > 0 ? ctx.stations.map(plain) : pts.filter((_, i) => i % 2 === 0).slice(0, 4);
      return { kind, altM: Math.max(altM, 80), crowd: pts, stations, orbitRadiusM: 40, standOffM: 50, minAltM: 80, timeOnStationS: 300, rotations: 1, lapMode: 'doJump' };
    }
    case 'patrolLine':
      return { kind, altM, points: nearerEndFirst(pts, ctx.from), laps: 1, lapMode: 'doJump', outAndBack: false };
    case 'expandingSquare':
      return { kind, altM, datum: p0, firstLegDeg: 0, spacingM: 50, legs: 12 };
    case 'sectorSearch':
      return { kind, altM, datum: p0, firstLegDeg: 0, radiusM: 300, passes: 1 };
    case 'creepingLine':
      return { kind, altM, start: p0, creepDeg: 0, legLengthM: 600, spacingM: 60, legs: 8, firstTurn: 'right' };
  }
}

/** The shape a pattern was made from, when the pattern's geometry is still exactly that shape's. */
export function patternShapeKind(spec: PatternSpec): PlanShape['kind'] {
  return (Object.keys(KINDS_FOR_SHAPE) as Array<PlanShape['kind']>).find((k) => KINDS_FOR_SHAPE[k].includes(spec.kind)) as PlanShape['kind'];
}
