// Separation between our drones and other aircraft, as pure functions of positions, velocities and
// time. Both aircraft are put in a local flat frame (metres east/north/up around the drone: over the
// few kilometres that matter the error is centimetres), projected along their velocities, and the
// time window in which BOTH the horizontal and the vertical minimum are infringed is found exactly
// (a quadratic for the horizontal distance, a line for the vertical one). A conflict is predicted
// when that window starts within the look-ahead, which is how TCAS-like conflict probes work, rather
// than sampling a few instants and missing a fast crossing between them.
import type { AircraftClass, EncounterKind, SeparationMinima, SeparationSettings, TrafficTrack } from '../../../shared/contract/ops-types';

const DEG = Math.PI / 180;
const M_PER_DEG_LAT = 111_320;

/**
 * Defaults, by the other aircraft's class (documented in README, "Separation"):
 * - helicopter 300 m / 60 m: police helicopters work low (150-300 m) over the same streets; 300 m is
 *   about 6 s at 100 kt, time for the pilot to act on an alert.
 * - fixedwing 1000 m / 150 m: faster (and CAAC's 150 m band between drones and manned aircraft).
 * - drone 50 m / 15 m: two of our multirotors beside each other on different tasks.
 * - unknown: the strictest manned values (a report whose type nobody gave).
 * Look-ahead 60 s; a track is stale after 10 s without a position and dropped after 60 s.
 */
export const DEFAULT_SEPARATION: SeparationSettings = {
  byClass: {
    helicopter: { horizontalM: 300, verticalM: 60 },
    fixedwing: { horizontalM: 1000, verticalM: 150 },
    drone: { horizontalM: 50, verticalM: 15 },
    unknown: { horizontalM: 1000, verticalM: 150 },
  },
  lookAheadS: 60,
  staleAfterMs: 10_000,
  dropAfterMs: 60_000,
};

/**
 * One aircraft's state for the check: last known position, velocity and when it was known. A null
 * altitude (a radio report without one) is judged horizontally only.
 */
export type Kinematics = Pick<TrafficTrack, 'lat' | 'lon' | 'altMslM' | 'headingDeg' | 'groundSpeedMps' | 'climbMps'> & { tMs: number };

export interface PairResult {
  /** Inside both minima at `nowMs`. */
  violation: boolean;
  /** Both minima will be infringed within the look-ahead (true too when already violated). */
  predicted: boolean;
  timeToConflictS: number;
  horizontalM: number;
  verticalM: number | null;
  encounter: EncounterKind;
  stale: boolean;
}

interface Local {
  x: number;
  y: number;
  z: number | null;
  vx: number;
  vy: number;
  vz: number;
}

function velocity(k: Kinematics): { vx: number; vy: number; vz: number } {
  const speed = k.groundSpeedMps ?? 0;
  const hdg = k.headingDeg ?? 0;
  return { vx: speed * Math.sin(hdg * DEG), vy: speed * Math.cos(hdg * DEG), vz: k.climbMps ?? 0 };
}

/** `k` in metres from `origin`, moved along its velocity to `nowMs` (unless stale: then held still). */
function toLocal(k: Kinematics, origin: { lat: number; lon: number }, nowMs: number, project: boolean): Local {
  const mPerDegLon = M_PER_DEG_LAT * Math.cos(origin.lat * DEG);
  const v = project ? velocity(k) : { vx: 0, vy: 0, vz: 0 };
  const ageS = Math.max(0, (nowMs - k.tMs) / 1000);
  return {
    x: (k.lon - origin.lon) * mPerDegLon + v.vx * ageS,
    y: (k.lat - origin.lat) * M_PER_DEG_LAT + v.vy * ageS,
    z: k.altMslM === null ? null : k.altMslM + v.vz * ageS,
    ...v,
  };
}

/** Times t where |p + v t| < r, as [t1, t2] (or null when never). Handles v = 0. */
function horizontalWindow(px: number, py: number, vx: number, vy: number, r: number): [number, number] | null {
  const a = vx * vx + vy * vy;
  const c = px * px + py * py - r * r;
  if (a < 1e-9) return c < 0 ? [-Infinity, Infinity] : null;
  const b = 2 * (px * vx + py * vy);
  const disc = b * b - 4 * a * c;
  if (disc <= 0) return null;
  const s = Math.sqrt(disc);
  return [(-b - s) / (2 * a), (-b + s) / (2 * a)];
}

/** Times t where |dz + dvz t| < r. */
function verticalWindow(dz: number | null, dvz: number, r: number): [number, number] | null {
  if (dz === null) return [-Infinity, Infinity];
  if (Math.abs(dvz) < 1e-9) return Math.abs(dz) < r ? [-Infinity, Infinity] : null;
  const t1 = (-r - dz) / dvz;
  const t2 = (r - dz) / dvz;
  return [Math.min(t1, t2), Math.max(t1, t2)];
}

/** The geometry of the encounter, from the angle between the two tracks and who is moving. */
export function classifyEncounter(own: Kinematics, other: Kinematics, horizontalInside: boolean): EncounterKind {
  const sOwn = own.groundSpeedMps ?? 0;
  const sOther = other.groundSpeedMps ?? 0;
  const dvz = (other.climbMps ?? 0) - (own.climbMps ?? 0);
  if (horizontalInside && Math.abs(dvz) > 0.1) return 'vertical';
  if (sOwn < 0.5 && sOther < 0.5) return Math.abs(dvz) > 0.1 ? 'vertical' : 'static';
  // A hovering drone: the geometry is the other's heading against the line between them.
  const hOwn = sOwn < 0.5 ? bearingFromTo(own, other) : (own.headingDeg ?? 0);
  const hOther = sOther < 0.5 ? bearingFromTo(other, own) : (other.headingDeg ?? 0);
  const delta = Math.abs((((hOther - hOwn) % 360) + 540) % 360 - 180);
  if (delta >= 135) return 'headOn';
  if (delta <= 45) return 'overtaking';
  return 'crossing';
}

function bearingFromTo(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dx = (b.lon - a.lon) * Math.cos(a.lat * DEG);
  const dy = b.lat - a.lat;
  return ((Math.atan2(dx, dy) / DEG) + 360) % 360;
}

/**
 * Separation between our drone and another aircraft at `nowMs`. A stale other track is held at its
 * last position (no guessing where a silent aircraft went) and the result says so.
 */
export function checkPair(own: Kinematics, other: Kinematics, minima: SeparationMinima, settings: Pick<SeparationSettings, 'lookAheadS' | 'staleAfterMs'>, nowMs: number): PairResult {
  const stale = nowMs - other.tMs > settings.staleAfterMs;
  const a = toLocal(own, own, nowMs, true);
  const b = toLocal(other, own, nowMs, !stale);
  const px = b.x - a.x;
  const py = b.y - a.y;
  const dz = a.z === null || b.z === null ? null : b.z - a.z;
  const vx = b.vx - a.vx;
  const vy = b.vy - a.vy;
  const dvz = b.vz - a.vz;
  const horizontalM = Math.hypot(px, py);
  const verticalM = dz === null ? null : Math.abs(dz);
  const violation = horizontalM < minima.horizontalM && (verticalM === null || verticalM < minima.verticalM);

  const h = horizontalWindow(px, py, vx, vy, minima.horizontalM);
  const v = verticalWindow(dz, dvz, minima.verticalM);
  let timeToConflictS = Infinity;
  if (h && v) {
    const start = Math.max(h[0], v[0], 0);
    const end = Math.min(h[1], v[1]);
    if (start < end && start <= settings.lookAheadS) timeToConflictS = start;
  }
  const predicted = violation || Number.isFinite(timeToConflictS);
  return {
    violation,
    predicted,
    timeToConflictS: violation ? 0 : timeToConflictS,
    horizontalM,
    verticalM,
    encounter: classifyEncounter(own, other, horizontalM < minima.horizontalM),
    stale,
  };
}

export function minimaFor(cls: AircraftClass, settings: SeparationSettings): SeparationMinima {
  return settings.byClass[cls];
}
