// Pattern spec -> the path it flies (points in order, holds, which part repeats). Pure geometry;
// compile.ts turns a path into mission items.

import type { LatLon } from '../plan/types';
import { destinationPoint } from '../geo/bearing';
import {
  centroidLatLon,
  closestOnRing,
  insideRings,
  localFrame,
  offsetRing,
  rotate,
  scanlineCrossings,
  signedAreaM2,
  type XY,
} from './geometry';
import { detourAround } from './detour';
import { spacingM, type LapMode, type PatternSpec, type ParallelTrackSpec, type OverwatchSpec } from './patterns';

export interface PathPoint extends LatLon {
  /** Orbit here for this long (LOITER_TIME) instead of passing through. */
  holdS?: number;
  orbitRadiusM?: number;
  altM: number;
}

export interface PatternPath {
  points: PathPoint[];
  /** Points from this index on are flown `laps` times in all. */
  repeat?: { fromPoint: number; laps: number; mode: LapMode };
  /** Camera target for the whole pattern. */
  roi?: LatLon;
}

const DEG = Math.PI / 180;

function at(points: LatLon[], altM: number): PathPoint[] {
  return points.map((p) => ({ lat: p.lat, lon: p.lon, altM }));
}

function lapsOf(n: number): number {
  return Math.max(1, Math.floor(n));
}

export function generatePath(spec: PatternSpec): PatternPath {
  switch (spec.kind) {
    case 'patrolLine': {
      const pts = spec.outAndBack ? [...spec.points, ...spec.points.slice(1, -1).reverse()] : spec.points;
      return { points: at(pts, spec.altM), repeat: { fromPoint: 0, laps: lapsOf(spec.laps), mode: spec.lapMode }, roi: spec.roi };
    }
    case 'patrolPerimeter': {
      const f = localFrame(centroidLatLon(spec.polygon));
      let ring = offsetRing(spec.polygon.map(f.toXY), spec.offsetM);
      const ccw = signedAreaM2(ring) > 0;
      if ((spec.direction === 'ccw') !== ccw) ring = ring.reverse();
      // Close the ring so each lap ends where the next begins.
      const pts = [...ring, ring[0]].map(f.toLatLon);
      return { points: at(pts, spec.altM), repeat: { fromPoint: 0, laps: lapsOf(spec.laps), mode: spec.lapMode }, roi: spec.roi };
    }
    case 'parallelTrack':
      return { points: at(parallelTrack(spec), spec.altM), roi: spec.roi };
    case 'creepingLine': {
      const side = spec.firstTurn === 'right' ? 90 : -90;
      const pts: LatLon[] = [spec.start];
      let cur = spec.start;
      let legDeg = spec.creepDeg + side;
      for (let i = 0; i < spec.legs; i++) {
        cur = destinationPoint(cur, legDeg, spec.legLengthM);
        pts.push(cur);
        if (i === spec.legs - 1) break;
        cur = destinationPoint(cur, spec.creepDeg, spec.spacingM);
        pts.push(cur);
        legDeg += 180;
      }
      return { points: at(pts, spec.altM), roi: spec.roi };
    }
    case 'expandingSquare': {
      // IAMSAR: legs of S, S, 2S, 2S, 3S, 3S ... each turned 90 degrees right.
      const pts: LatLon[] = [spec.datum];
      let cur = spec.datum;
      for (let i = 0; i < spec.legs; i++) {
        cur = destinationPoint(cur, spec.firstLegDeg + 90 * i, spec.spacingM * (Math.floor(i / 2) + 1));
        pts.push(cur);
      }
      return { points: at(pts, spec.altM), roi: spec.roi };
    }
    case 'sectorSearch': {
      // IAMSAR VS: out R, turn 120 right, across R, turn 120 right, back through the datum and straight
      // on into the next triangle; three triangles make one pass. A further pass is turned 30 right.
      const pts: LatLon[] = [spec.datum];
      for (let pass = 0; pass < Math.max(1, Math.floor(spec.passes)); pass++) {
        let heading = spec.firstLegDeg + 30 * pass;
        for (let tri = 0; tri < 3; tri++) {
          const a = destinationPoint(spec.datum, heading, spec.radiusM);
          const b = destinationPoint(a, heading + 120, spec.radiusM);
          pts.push(a, b, spec.datum);
          heading += 240;
        }
      }
      return { points: at(pts, spec.altM), roi: spec.roi };
    }
    case 'overwatch':
      return overwatchPath(spec);
  }
}

/** Minimum-width direction: tracks along it need the fewest lines, hence the fewest turns. */
function fewestTurnsDeg(rings: XY[][]): number {
  let best = 0;
  let bestWidth = Infinity;
  for (let deg = 0; deg < 180; deg++) {
    // Rotate so tracks at this heading lie along x; the y extent is how many lines we need.
    const a = (deg - 90) * DEG;
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of rings[0]) {
      const y = rotate(p, a).y;
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
    if (hi - lo < bestWidth - 1e-6) {
      bestWidth = hi - lo;
      best = deg;
    }
  }
  return best;
}

/**
 * Boustrophedon lanes over a polygon with holes. Each lane is clipped against every ring, so concave
 * bays and holes split a lane into several runs; each run is flown end to end and the lanes alternate.
 * Lanes sit half a spacing in from the edges so the camera footprint covers the edges exactly.
 */
export function parallelTrack(spec: ParallelTrackSpec): LatLon[] {
  if (spec.polygon.length < 3) return [];
  const f = localFrame(centroidLatLon(spec.polygon));
  const rings = [spec.polygon, ...spec.holes.filter((h) => h.length >= 3)].map((r) => r.map(f.toXY));
  const trackDeg = spec.trackDeg ?? fewestTurnsDeg(rings);
  // Track heading h (clockwise from north) is direction (sin h, cos h); rotating by (h - 90) maps it to +x.
  const a = (trackDeg - 90) * DEG;
  const rot = rings.map((r) => r.map((p) => rotate(p, a)));
  const step = spacingM(spec.spacing, spec.altM);
  if (!(step > 0.5)) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of rot[0]) {
    lo = Math.min(lo, p.y);
    hi = Math.max(hi, p.y);
  }
  // The small tolerance stops a few centimetres of rounding from adding a whole extra lane.
  const lanes = Math.max(1, Math.ceil((hi - lo) / step - 0.01));
  // Centre the lanes in the extent so both edges get the same margin.
  const first = lo + (hi - lo - (lanes - 1) * step) / 2;
  const out: XY[] = [];
  for (let i = 0; i < lanes; i++) {
    const y = first + i * step;
    const xs = scanlineCrossings(rot, y);
    const runs: Array<[number, number]> = [];
    for (let k = 0; k + 1 < xs.length; k += 2) if (xs[k + 1] - xs[k] > 0.01) runs.push([xs[k], xs[k + 1]]);
    if (i % 2 === 1) runs.reverse().forEach((r) => r.reverse());
    for (const [x0, x1] of runs) out.push({ x: x0, y }, { x: x1, y });
  }
  return out.map((p) => f.toLatLon(rotate(p, -a)));
}

/** Moves a station outward until its whole orbit keeps standOffM clear of the crowd polygon. */
export function standOffStation(crowd: XY[], station: XY, orbitRadiusM: number, standOffM: number): XY {
  const need = orbitRadiusM + standOffM;
  const inside = insideRings(station, [crowd]);
  const near = closestOnRing(station, crowd);
  if (!inside && near.distM >= need) return station;
  const c = crowd.reduce((s, p) => ({ x: s.x + p.x / crowd.length, y: s.y + p.y / crowd.length }), { x: 0, y: 0 });
  // Outward: from the crowd towards the station (or from the crowd centre if the station is on the edge).
  let dx = inside ? near.point.x - station.x : station.x - near.point.x;
  let dy = inside ? near.point.y - station.y : station.y - near.point.y;
  if (Math.hypot(dx, dy) < 1e-6) {
    dx = station.x - c.x;
    dy = station.y - c.y;
  }
  const len = Math.hypot(dx, dy) || 1;
  let p = { x: near.point.x + (dx / len) * need, y: near.point.y + (dy / len) * need };
  // A concave crowd outline can still be close on another side: push on until clear.
  for (let i = 0; i < 20; i++) {
    const again = closestOnRing(p, crowd);
    if (!insideRings(p, [crowd]) && again.distM >= need - 0.01) break;
    p = { x: p.x + (dx / len) * need * 0.25, y: p.y + (dy / len) * need * 0.25 };
  }
  return p;
}

function overwatchPath(spec: OverwatchSpec): PatternPath {
  const altM = Math.max(spec.altM, spec.minAltM);
  if (spec.crowd.length < 3) return { points: [] };
  const f = localFrame(centroidLatLon(spec.crowd));
  const crowd = spec.crowd.map(f.toXY);
  const stations = spec.stations.map((s) => standOffStation(crowd, f.toXY(s), spec.orbitRadiusM, spec.standOffM));
  const laps = lapsOf(spec.rotations);
  const points: PathPoint[] = [];
  const transit = (a: XY, b: XY) => {
    for (const p of detourAround(a, b, crowd, spec.standOffM)) points.push({ ...f.toLatLon(p), altM });
  };
  stations.forEach((s, i) => {
    if (i > 0) transit(stations[i - 1], s);
    points.push({ ...f.toLatLon(s), altM, holdS: spec.timeOnStationS, orbitRadiusM: spec.orbitRadiusM });
  });
  // The jump back to the first station is a leg too: go round the crowd before it.
  if (laps > 1 && stations.length > 1) transit(stations[stations.length - 1], stations[0]);
  return {
    points,
    repeat: { fromPoint: 0, laps, mode: spec.lapMode },
    roi: spec.roi ?? centroidLatLon(spec.crowd),
  };
}
