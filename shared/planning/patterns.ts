// Search and patrol patterns as data: a kind, its parameters and its shapes. A pattern is stored in
// the plan beside the items it generated, so it can be edited and regenerated after save and reload.

import type { LatLon } from '../plan/types';

export type LapMode = 'doJump' | 'repeat';

interface PatternCommon {
  /** Altitude above home, metres. */
  altM: number;
  /** Ground speed to set at the start of the pattern; absent keeps the mission's cruise speed. */
  speedMps?: number;
  /** Point the camera here for the whole pattern (DO_SET_ROI_LOCATION). */
  roi?: LatLon;
}

export interface PatrolLineSpec extends PatternCommon {
  kind: 'patrolLine';
  points: LatLon[];
  laps: number;
  /** DO_JUMP keeps the mission short; repeat writes every lap out (for firmware without jumps). */
  lapMode: LapMode;
  /** Fly back along the line instead of jumping from its end to its start. */
  outAndBack: boolean;
}

export interface PatrolPerimeterSpec extends PatternCommon {
  kind: 'patrolPerimeter';
  polygon: LatLon[];
  /** Positive moves the track outside the outline (e.g. keep off a roof), negative inside. */
  offsetM: number;
  direction: 'cw' | 'ccw';
  laps: number;
  lapMode: LapMode;
}

/** Track spacing either given directly or from the camera footprint and the wanted side overlap. */
export type TrackSpacing =
  | { mode: 'direct'; spacingM: number }
  | { mode: 'camera'; sensorWidthMm: number; focalLengthMm: number; sideOverlapPct: number };

export interface ParallelTrackSpec extends PatternCommon {
  kind: 'parallelTrack';
  polygon: LatLon[];
  holes: LatLon[][];
  spacing: TrackSpacing;
  /** Track direction, degrees true; absent picks the one with the fewest turns. */
  trackDeg?: number;
}

export interface CreepingLineSpec extends PatternCommon {
  kind: 'creepingLine';
  /** Commence search point: the first leg starts here. */
  start: LatLon;
  /** Direction of creep along the major axis, degrees true. Legs run at right angles to it. */
  creepDeg: number;
  legLengthM: number;
  spacingM: number;
  legs: number;
  /** Which side of the major axis the first leg goes. */
  firstTurn: 'left' | 'right';
}

export interface ExpandingSquareSpec extends PatternCommon {
  kind: 'expandingSquare';
  datum: LatLon;
  firstLegDeg: number;
  spacingM: number;
  legs: number;
}

export interface SectorSearchSpec extends PatternCommon {
  kind: 'sectorSearch';
  datum: LatLon;
  firstLegDeg: number;
  radiusM: number;
  /** Each pass is the full three-triangle pattern; each further pass is turned 30 degrees right. */
  passes: number;
}

export interface OverwatchSpec extends PatternCommon {
  kind: 'overwatch';
  /** The crowd area (e.g. a night market): nothing may orbit over it. */
  crowd: LatLon[];
  /** Wanted orbit centres; moved outward if the orbit would come within standOffM of the crowd. */
  stations: LatLon[];
  orbitRadiusM: number;
  standOffM: number;
  minAltM: number;
  timeOnStationS: number;
  /** How many times to go round all the stations. */
  rotations: number;
  lapMode: LapMode;
}

export type PatternSpec =
  | PatrolLineSpec
  | PatrolPerimeterSpec
  | ParallelTrackSpec
  | CreepingLineSpec
  | ExpandingSquareSpec
  | SectorSearchSpec
  | OverwatchSpec;

export type PatternKind = PatternSpec['kind'];

/** A pattern placed in a plan: its spec and which mission items it generated. */
export interface PatternInstance {
  id: string;
  spec: PatternSpec;
  /** Index of its first item in plan.mission.items. */
  firstIndex: number;
  itemCount: number;
}

export const PATTERN_KINDS: readonly PatternKind[] = [
  'patrolLine',
  'patrolPerimeter',
  'parallelTrack',
  'creepingLine',
  'expandingSquare',
  'sectorSearch',
  'overwatch',
];

export function spacingM(s: TrackSpacing, altM: number): number {
  if (s.mode === 'direct') return s.spacingM;
  // Ground footprint across track = altitude * sensor width / focal length (pinhole camera).
  const footprintM = (altM * s.sensorWidthMm) / s.focalLengthMm;
  return footprintM * (1 - s.sideOverlapPct / 100);
}
