// The altitude profile of a plan's route against the ground, for the Plan view's strip: where the
// vehicle will be (metres AMSL) every ~30 m along each leg, the ground under it, the ceiling above
// that ground, and the stretches that go below the ground or over the ceiling.
//
// How the altitude changes along a leg follows what ArduPilot does, so the picture is the flight:
//  - the target item's frame rules the leg: a terrain-frame target is flown at a height above the
//    ground (interpolated between the start's and the target's heights), anything else at an
//    altitude AMSL interpolated linearly;
//  - TAKEOFF climbs first, where the vehicle stands, then flies level;
//  - LAND flies level to the point, then comes down.
// Without ground data the profile is drawn in metres above home, with the ground taken as flat at
// home: the strip says so, as the checks do.
import { DEFAULT_CEILING_AGL_M } from '../planning/checks/context';
import { MAV_CMD } from '../plan/mav-enums';
import { routePoints, type RoutePoint } from '../plan/route';
import type { Plan } from '../plan/types';
import type { GroundElevationFn } from './model';
import { sampleLegs } from './profile';

/** Spacing of the ground samples along the legs, and their cap (plus one per vertex). */
export const PLAN_PROFILE_SPACING_M = 30;
export const PLAN_PROFILE_MAX_SAMPLES = 2000;

export type ProfileStatus = 'ok' | 'below' | 'above';

export interface PlanProfileSample {
  distanceM: number;
  lat: number;
  lon: number;
  /** Ground, in the profile's unit (m AMSL with terrain, m above home without); null: no data here. */
  groundM: number | null;
  /** The vehicle's altitude, same unit; null where it cannot be known (terrain item without ground). */
  altM: number | null;
  /** Ground + ceiling; null without ground. */
  ceilingM: number | null;
  status: ProfileStatus;
}

export interface PlanProfileItem {
  /** Index in plan.mission.items; the label is index + 1. */
  index: number;
  distanceM: number;
  altM: number | null;
  groundM: number | null;
  /** Height above the ground (above home without terrain). */
  aglM: number | null;
  status: ProfileStatus;
}

export interface ProfileRun {
  fromM: number;
  toM: number;
  status: Exclude<ProfileStatus, 'ok'>;
}

export interface PlanProfile {
  /** 'terrain': metres AMSL against the terrain model; 'home': metres above home, no ground data. */
  mode: 'terrain' | 'home';
  /** No planned home: relative altitudes were taken from the ground at the first route point. */
  homeAssumed: boolean;
  ceilingAglM: number;
  totalM: number;
  samples: PlanProfileSample[];
  items: PlanProfileItem[];
  /** Stretches below the ground or over the ceiling, in route order. */
  runs: ProfileRun[];
  /** Samples with no ground data in terrain mode (the route leaves the loaded tiles). */
  missing: number;
}

interface Vertex {
  lat: number;
  lon: number;
  altM: number;
  altRef: RoutePoint['altRef'];
  command: number;
  /** Index in plan.mission.items; -1 for the planned home. */
  index: number;
}

const isLand = (c: number): boolean => c === MAV_CMD.NAV_LAND || c === MAV_CMD.NAV_VTOL_LAND;
const isTakeoff = (c: number): boolean => c === MAV_CMD.NAV_TAKEOFF || c === MAV_CMD.NAV_VTOL_TAKEOFF;

/** The route as flown in the item list's order, starting on the ground at the planned home. */
function vertices(plan: Plan): Vertex[] {
  const home = plan.mission.plannedHome;
  const out: Vertex[] = home ? [{ lat: home.lat, lon: home.lon, altM: 0, altRef: 'relative', command: -1, index: -1 }] : [];
  for (const p of routePoints(plan)) out.push({ lat: p.lat, lon: p.lon, altM: p.altM, altRef: p.altRef, command: p.command, index: p.index });
  return out;
}

function samplesOf(vs: Vertex[]) {
  return sampleLegs(vs, PLAN_PROFILE_SPACING_M, PLAN_PROFILE_MAX_SAMPLES);
}

/** Every point the profile needs a ground height at: ask the terrain model for these, then call planProfile. */
export function planProfilePoints(plan: Plan): Array<{ lat: number; lon: number }> {
  const vs = vertices(plan);
  return vs.length < 2 ? vs.map(({ lat, lon }) => ({ lat, lon })) : samplesOf(vs).map(({ lat, lon }) => ({ lat, lon }));
}

export function planProfile(plan: Plan, ground: GroundElevationFn | null | undefined, ceilingAglM = DEFAULT_CEILING_AGL_M): PlanProfile {
  const vs = vertices(plan);
  const at = vs.length < 2 ? vs.map((v, i) => ({ distanceM: 0, lat: v.lat, lon: v.lon, leg: 0, t: 0, vertex: i })) : samplesOf(vs);
  const groundAt = at.map((s) => ground?.(s.lat, s.lon) ?? null);
  const mode: PlanProfile['mode'] = groundAt.some((g) => g !== null) ? 'terrain' : 'home';
  const home = plan.mission.plannedHome;
  // The profile's unit: metres AMSL in terrain mode; metres above home (ground flat at 0) without.
  const vGround: Array<number | null> = vs.map(() => (mode === 'home' ? 0 : null));
  if (mode === 'terrain') at.forEach((s, k) => s.vertex !== undefined && (vGround[s.vertex] = groundAt[k]!));
  const homeAssumed = mode === 'terrain' && !home;
  // Relative altitudes count from the planned home or, lacking one, the ground where the route starts.
  const homeM = mode === 'home' ? 0 : home ? home.altMslM : vGround[0]!;
  const mslBase = mode === 'home' ? (home?.altMslM ?? null) : 0;
  const valts = vs.map((v, i): number | null => {
    if (v.index === -1) return homeM; // standing at home
    if (v.altRef === 'relative') return homeM === null ? null : homeM + v.altM;
    if (v.altRef === 'msl') return mslBase === null ? null : v.altM - mslBase;
    return vGround[i] === null ? null : vGround[i]! + v.altM;
  });

  /** The altitude part-way along a leg (not at its ends). */
  const alongLeg = (leg: number, t: number, g: number | null): number | null => {
    const target = vs[leg + 1]!;
    const a = valts[leg]!;
    const b = valts[leg + 1]!;
    if (isTakeoff(target.command)) return b;
    if (isLand(target.command)) return a;
    if (a === null || b === null) return null;
    if (target.altRef === 'terrain' && mode === 'terrain') {
      const ga = vGround[leg]!;
      const gb = vGround[leg + 1]!;
      if (g === null || ga === null || gb === null) return null;
      return g + (a - ga) + (b - gb - (a - ga)) * t;
    }
    return a + (b - a) * t;
  };

  const samples: PlanProfileSample[] = [];
  let missing = 0;
  // Home and a landing's touchdown are meant to be on the ground; a DEM and a GPS home differ by
  // metres, so those two are never "below ground".
  const push = (s: { distanceM: number; lat: number; lon: number }, g: number | null, alt: number | null, contact: boolean): void => {
    let status: ProfileStatus = 'ok';
    if (alt !== null && g !== null) status = alt - g > ceilingAglM ? 'above' : alt < g && !contact ? 'below' : 'ok';
    samples.push({ distanceM: s.distanceM, lat: s.lat, lon: s.lon, groundM: g, altM: alt, ceilingM: g === null ? null : g + ceilingAglM, status });
  };
  at.forEach((s, k) => {
    const g = mode === 'home' ? 0 : groundAt[k]!;
    if (g === null) missing++;
    if (s.vertex === undefined) return push(s, g, alongLeg(s.leg, s.t, g), false);
    const v = vs[s.vertex]!;
    // Arriving at a landing: level at the previous altitude, then straight down (two samples, one place).
    if (s.vertex > 0 && isLand(v.command)) push(s, g, valts[s.vertex - 1]!, false);
    push(s, g, valts[s.vertex]!, v.index === -1 || isLand(v.command));
    // Leaving for a takeoff: straight up where the vehicle stands.
    const next = vs[s.vertex + 1];
    if (next && isTakeoff(next.command)) push(s, g, valts[s.vertex + 1]!, false);
  });

  const items: PlanProfileItem[] = [];
  at.forEach((s, k) => {
    if (s.vertex === undefined || vs[s.vertex]!.index < 0) return;
    const v = vs[s.vertex]!;
    const alt = valts[s.vertex]!;
    const g = mode === 'home' ? 0 : groundAt[k]!;
    const aglM = alt === null || g === null ? null : alt - g;
    const status: ProfileStatus = aglM === null ? 'ok' : aglM > ceilingAglM ? 'above' : aglM < 0 && !isLand(v.command) ? 'below' : 'ok';
    items.push({ index: v.index, distanceM: s.distanceM, altM: alt, groundM: g, aglM, status });
  });

  const totalM = at.length > 0 ? at[at.length - 1]!.distanceM : 0;
  return { mode, homeAssumed, ceilingAglM, totalM, samples, items, runs: runsOf(samples), missing: mode === 'terrain' ? missing : 0 };
}

/** Consecutive samples in violation as stretches of the route; a segment is bad when either end is. */
export function runsOf(samples: readonly PlanProfileSample[]): ProfileRun[] {
  const runs: ProfileRun[] = [];
  for (let k = 0; k < samples.length; k++) {
    const s = samples[k]!;
    if (s.status === 'ok') continue;
    const fromM = k > 0 ? samples[k - 1]!.distanceM : s.distanceM;
    const toM = k + 1 < samples.length ? samples[k + 1]!.distanceM : s.distanceM;
    const last = runs[runs.length - 1];
    if (last && last.status === s.status && last.toM >= fromM) last.toM = Math.max(last.toM, toM);
    else runs.push({ fromM, toM, status: s.status });
  }
  return runs;
}
