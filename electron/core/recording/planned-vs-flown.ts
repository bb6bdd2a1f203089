// Planned against flown: the uploaded mission's navigation waypoints, and for each leg the cross-track
// error of the track points flown while the vehicle was heading for that leg's end (MISSION_CURRENT).
import type { LegError, PlannedWaypoint } from '../../../shared/contract/replay-picture';
import type { MissionItem } from '../../../shared/plan';
import type { TrackPoint } from './flight-scan';

/** NAV commands that are a place to fly to: WAYPOINT, LOITER_UNLIM/TURNS/TIME, LAND, LOITER_TO_ALT, SPLINE_WAYPOINT. */
const NAV_WITH_POSITION = new Set([16, 17, 18, 19, 21, 31, 82]);
const EARTH_RADIUS_M = 6_371_000;

/** seqOffset: 1 for ArduPilot, whose vehicle numbers the plan's items from 1 (home is seq 0). */
export function plannedWaypoints(items: readonly MissionItem[], seqOffset = 0): PlannedWaypoint[] {
  return items
    .map((it, i) => ({ it, seq: i + seqOffset }))
    .filter(({ it }) => NAV_WITH_POSITION.has(it.command) && Number.isFinite(it.x) && Number.isFinite(it.y) && !(it.x === 0 && it.y === 0))
    .map(({ it, seq }) => ({ seq, lat: it.x, lon: it.y, altM: Number.isFinite(it.z) ? it.z : 0 }));
}

/** Distance of p from the segment a-b on a local flat projection (legs are short against the Earth). */
export function crossTrackM(p: { lat: number; lon: number }, a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const k = (Math.PI / 180) * EARTH_RADIUS_M;
  const cos = Math.cos((a.lat * Math.PI) / 180);
  const bx = (b.lon - a.lon) * k * cos;
  const by = (b.lat - a.lat) * k;
  const px = (p.lon - a.lon) * k * cos;
  const py = (p.lat - a.lat) * k;
  const len2 = bx * bx + by * by;
  const u = len2 === 0 ? 0 : Math.min(1, Math.max(0, (px * bx + py * by) / len2));
  return Math.hypot(px - u * bx, py - u * by);
}

export function legErrors(waypoints: readonly PlannedWaypoint[], track: readonly TrackPoint[]): LegError[] {
  const legs: LegError[] = [];
  for (let i = 1; i < waypoints.length; i++) {
    const a = waypoints[i - 1]!;
    const b = waypoints[i]!;
    const errs = track.filter((p) => p.missionCurrent === b.seq && p.armed && /AUTO|MISSION/.test(p.mode)).map((p) => crossTrackM(p, a, b));
    legs.push({
      fromSeq: a.seq,
      toSeq: b.seq,
      maxM: errs.length ? Math.max(...errs) : 0,
      meanM: errs.length ? errs.reduce((s, e) => s + e, 0) / errs.length : 0,
      samples: errs.length,
    });
  }
  return legs;
}
