// What the plan checks need to know beyond the plan itself. Everything is optional: a check that
// lacks its input says so (severity 'info') rather than passing silently.

import type { LatLon } from '../../plan/types';
import type { AirspaceZone } from '../../airspace/zone';
import type { UserMessage } from '../../contract/types';

export interface CheckContext {
  /** Ground height, metres AMSL, or null where unknown. Without it altitudes are measured above home. */
  groundElevationMslM?(lat: number, lon: number): number | null;
  zones?: AirspaceZone[];
  /** Crowd outlines (overwatch patterns'): legs over them are named. */
  crowds?: LatLon[][];
  /** Height ceiling above ground, metres (120 m by default: the usual small-UAS limit). */
  ceilingAglM?: number;
  /** Furthest a waypoint may be from home, metres. */
  maxDistanceFromHomeM?: number;
  /** Speed used for the time budget when the mission sets none, m/s. */
  cruiseSpeedMps?: number;
  /** Flight time the battery gives, seconds; absent skips the budget check. */
  enduranceS?: number;
  /** Share of the endurance kept back for the return and landing, percent (default 20). */
  reservePct?: number;
}

export const DEFAULT_CEILING_AGL_M = 120;
export const DEFAULT_MAX_DISTANCE_M = 2000;
export const DEFAULT_CRUISE_MPS = 10;
export const DEFAULT_RESERVE_PCT = 20;

/** Every rule the checks have; overrides saved in a .plan are checked against this list. */
export const CHECK_RULES = [
  'no_items',
  'no_home',
  'ceiling',
  'ceiling_above_home',
  'below_ground',
  'leg_below_ground',
  'leg_over_ceiling',
  'outside_inclusion',
  'inside_exclusion',
  'leg_crosses_exclusion',
  'leg_over_crowd',
  'zone',
  'too_far',
  'flight_time',
  'bad_jump',
  'no_return',
] as const;

export type CheckRule = (typeof CHECK_RULES)[number];

export interface PlanIssue {
  rule: CheckRule;
  severity: 'error' | 'warning' | 'info';
  /** Index in plan.mission.items the issue belongs to; absent for the plan as a whole. */
  itemIndex?: number;
  message: UserMessage;
}
