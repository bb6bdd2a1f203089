// Pattern -> mission items, and the statistics the plan view shows (area, track length, time).

import { distanceM } from '../geo/distance';
import { MAV_CMD, MAV_FRAME } from '../plan/mav-enums';
import { planItem, type LatLon, type MissionItem } from '../plan/types';
import { generatePath, type PatternPath } from './generate';
import { polygonAreaM2 } from './geometry';
import type { PatternSpec } from './patterns';

export interface CompileOptions {
  /**
   * Wire sequence number of the pattern's first item, for DO_JUMP targets. On ArduPilot the home item
   * is seq 0, so a pattern starting at plan index i starts at seq i + 1; on PX4 at seq i.
   */
  firstSeq: number;
}

function item(command: number, p: Partial<Pick<MissionItem, 'param1' | 'param2' | 'param3' | 'param4' | 'x' | 'y' | 'z'>> = {}): MissionItem {
  return planItem({
    frame: MAV_FRAME.GLOBAL_RELATIVE_ALT,
    command,
    current: 0,
    autocontinue: 1,
    param1: p.param1 ?? 0,
    param2: p.param2 ?? 0,
    param3: p.param3 ?? 0,
    param4: p.param4 ?? 0,
    x: p.x ?? 0,
    y: p.y ?? 0,
    z: p.z ?? 0,
  });
}

export function compilePath(path: PatternPath, speedMps: number | undefined, opts: CompileOptions): MissionItem[] {
  const head: MissionItem[] = [];
  // DO_CHANGE_SPEED param1 1 = ground speed; param3 -1 = leave throttle alone.
  if (speedMps !== undefined) head.push(item(MAV_CMD.DO_CHANGE_SPEED, { param1: 1, param2: speedMps, param3: -1 }));
  if (path.roi) head.push(item(MAV_CMD.DO_SET_ROI_LOCATION, { x: path.roi.lat, y: path.roi.lon, z: 0 }));
  const nav = path.points.map((p) =>
    p.holdS !== undefined
      ? // LOITER_TIME: param1 seconds, param3 radius (positive = clockwise).
        item(MAV_CMD.NAV_LOITER_TIME, { param1: p.holdS, param3: p.orbitRadiusM ?? 0, x: p.lat, y: p.lon, z: p.altM })
      : item(MAV_CMD.NAV_WAYPOINT, { x: p.lat, y: p.lon, z: p.altM }),
  );
  const out = [...head, ...nav];
  const rep = path.repeat;
  if (rep && rep.laps > 1 && nav.length > 0) {
    const loop = nav.slice(rep.fromPoint);
    if (rep.mode === 'doJump') {
      // DO_JUMP param1 = target seq, param2 = how many more times to run the loop.
      out.push(item(MAV_CMD.DO_JUMP, { param1: opts.firstSeq + head.length + rep.fromPoint, param2: rep.laps - 1 }));
    } else {
      for (let lap = 1; lap < rep.laps; lap++) out.push(...loop.map((i) => ({ ...i })));
    }
  }
  if (path.roi) out.push(item(MAV_CMD.DO_SET_ROI_NONE));
  return out;
}

export function compilePattern(spec: PatternSpec, opts: CompileOptions): MissionItem[] {
  return compilePath(generatePath(spec), spec.speedMps, opts);
}

export interface PatternStats {
  /** Searched or enclosed area, m2 (0 for line patterns). */
  areaM2: number;
  /** Length of the flown track including every lap, m. */
  trackM: number;
  /** Time at the given speed plus time on station, s. */
  timeS: number;
  waypoints: number;
}

function pathLengthM(points: LatLon[]): number {
  let m = 0;
  for (let i = 1; i < points.length; i++) m += distanceM(points[i - 1], points[i]);
  return m;
}

export function patternStats(spec: PatternSpec, speedMps: number): PatternStats {
  const path = generatePath(spec);
  const laps = path.repeat?.laps ?? 1;
  const from = path.repeat?.fromPoint ?? 0;
  const loop = path.points.slice(from);
  const once = pathLengthM(path.points);
  // Each further lap flies the loop plus the leg from its end back to its start.
  const lapM = loop.length > 1 ? pathLengthM(loop) + distanceM(loop[loop.length - 1], loop[0]) : 0;
  const trackM = once + (laps - 1) * lapM;
  const holdOnceS = path.points.reduce((s, p) => s + (p.holdS ?? 0), 0);
  const holdLoopS = loop.reduce((s, p) => s + (p.holdS ?? 0), 0);
  let areaM2 = 0;
  if (spec.kind === 'parallelTrack') areaM2 = polygonAreaM2(spec.polygon, spec.holes);
  else if (spec.kind === 'patrolPerimeter') areaM2 = polygonAreaM2(spec.polygon);
  else if (spec.kind === 'overwatch') areaM2 = polygonAreaM2(spec.crowd);
  const speed = spec.speedMps ?? speedMps;
  return {
    areaM2,
    trackM,
    timeS: (speed > 0 ? trackM / speed : 0) + holdOnceS + (laps - 1) * holdLoopS,
    waypoints: path.points.length,
  };
}
