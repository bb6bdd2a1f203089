// Everything the Plan view edits, as one document: the plan itself (items, fence, rally), the patterns
// that generated some of its items, the shapes the pilot drew or imported, the mission settings, the
// aircraft profile the checks budget against, and the check overrides with their stated reasons.
// Saved in a .plan file: items, fence and rally where QGroundControl reads them, the rest in the
// "policeGcs" section QGC ignores. A damaged extra is dropped with a reason; the items are the truth.

import { z } from 'zod';
import { msg } from '../contract/errors';
import type { LatLon, Plan } from '../plan/types';
import { emptyPlan } from '../plan/types';
import type { CheckRule } from './checks/context';
import { CHECK_RULES, DEFAULT_CRUISE_MPS, DEFAULT_RESERVE_PCT } from './checks/context';
import type { DroppedPattern } from './plan-file';
import { readPlanFile, writePlanFile } from './plan-file';
import type { PatternInstance } from './patterns';

/** A shape drawn on the map or imported from a map file: a search area, a patrol line, a crowd, a point of interest. */
export interface PlanShape {
  id: string;
  name?: string;
  kind: 'polygon' | 'line' | 'point';
  /** Polygon outer ring (open: first vertex not repeated), line vertices, or the single point. */
  points: LatLon[];
  /** Polygon holes (open rings). */
  holes?: LatLon[][];
}

export type EndAction = 'rtl' | 'land' | 'loiter';

export interface MissionSettings {
  /** Altitude of the takeoff item, metres above home. */
  takeoffAltM: number;
  /** Altitude given to a new waypoint, metres (frame: relative to home). */
  defaultAltM: number;
  /** Cruise speed the mission sets at its start and the time estimate uses, m/s. */
  defaultSpeedMps: number;
  /** What the mission ends with. */
  endAction: EndAction;
}

export interface AircraftProfile {
  name: string;
  cruiseSpeedMps: number;
  /** Flight time on a full battery, seconds. */
  enduranceS: number;
  /** Share of the endurance kept for return and landing, percent. */
  reservePct: number;
}

/** The pilot accepted a check error and said why; kept with the plan so the reason travels with it. */
export interface CheckOverride {
  rule: CheckRule;
  /** The item the error was about, if any. */
  itemIndex?: number;
  reason: string;
  /** ISO 8601 time of the override. */
  at: string;
}

export interface PlanDoc {
  plan: Plan;
  patterns: PatternInstance[];
  shapes: PlanShape[];
  settings: MissionSettings;
  aircraft: AircraftProfile;
  overrides: CheckOverride[];
}

export const DEFAULT_SETTINGS: MissionSettings = { takeoffAltM: 30, defaultAltM: 60, defaultSpeedMps: DEFAULT_CRUISE_MPS, endAction: 'rtl' };
/** A typical police quadcopter (DJI M300 class on one battery set): 30 min, 10 m/s cruise. */
export const DEFAULT_AIRCRAFT: AircraftProfile = { name: 'Quadcopter', cruiseSpeedMps: DEFAULT_CRUISE_MPS, enduranceS: 30 * 60, reservePct: DEFAULT_RESERVE_PCT };

export function emptyPlanDoc(): PlanDoc {
  return { plan: emptyPlan(), patterns: [], shapes: [], settings: { ...DEFAULT_SETTINGS }, aircraft: { ...DEFAULT_AIRCRAFT }, overrides: [] };
}

const latLon = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).transform((p) => ({ lat: p.lat, lon: p.lon }));
const shapeSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().max(200).optional(),
    kind: z.enum(['polygon', 'line', 'point']),
    points: z.array(latLon).min(1).max(10_000),
    holes: z.array(z.array(latLon).min(3).max(10_000)).max(1000).optional(),
  })
  .strict()
  .refine((s) => (s.kind === 'polygon' ? s.points.length >= 3 : s.kind === 'line' ? s.points.length >= 2 : s.points.length === 1), 'vertex count does not fit the kind');
const settingsSchema = z
  .object({
    takeoffAltM: z.number().min(1).max(10_000),
    defaultAltM: z.number().min(-500).max(10_000),
    defaultSpeedMps: z.number().min(0.1).max(100),
    endAction: z.enum(['rtl', 'land', 'loiter']),
  })
  .strict();
/** An aircraft profile as read from any store (a .plan, the station's list of types): checked field by field. */
export const aircraftSchema = z
  .object({
    name: z.string().min(1).max(100),
    cruiseSpeedMps: z.number().min(0.1).max(100),
    enduranceS: z.number().min(1).max(7 * 86_400),
    reservePct: z.number().min(0).max(90),
  })
  .strict();
const overrideSchema = z
  .object({
    rule: z.enum(CHECK_RULES),
    itemIndex: z.number().int().min(0).optional(),
    reason: z.string().trim().min(1).max(2000),
    at: z.string().max(40),
  })
  .strict();

export interface ReadPlanDoc {
  doc: PlanDoc;
  /** Patterns and extras that could not be kept, each with the reason. */
  dropped: DroppedPattern[];
}

function section(text: string): Record<string, unknown> | null {
  const root = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  const s = root.policeGcs;
  return typeof s === 'object' && s !== null && !Array.isArray(s) ? (s as Record<string, unknown>) : null;
}

const damaged = (what: string, zh: string): DroppedPattern => ({
  id: what,
  reason: msg(`The saved ${what} are damaged and were not loaded; the items are kept.`, `保存的${zh}已损坏，未载入；任务项已保留。`),
});

/** Reads a .plan file with everything the Plan view keeps. Throws a PlanFileError when the file itself is not a plan. */
export function readPlanDoc(text: string): ReadPlanDoc {
  const { plan, patterns, dropped } = readPlanFile(text);
  const doc: PlanDoc = { ...emptyPlanDoc(), plan, patterns };
  const s = section(text);
  if (!s) return { doc, dropped };
  const out = [...dropped];
  if (s.shapes !== undefined) {
    const r = z.array(shapeSchema).max(10_000).safeParse(s.shapes);
    if (r.success) doc.shapes = r.data;
    else out.push(damaged('shapes', '图形'));
  }
  if (s.settings !== undefined) {
    const r = settingsSchema.safeParse(s.settings);
    if (r.success) doc.settings = r.data;
    else out.push(damaged('mission settings', '任务设置'));
  }
  if (s.aircraft !== undefined) {
    const r = aircraftSchema.safeParse(s.aircraft);
    if (r.success) doc.aircraft = r.data;
    else out.push(damaged('aircraft profile', '机型参数'));
  }
  if (s.overrides !== undefined) {
    const r = z.array(overrideSchema).max(10_000).safeParse(s.overrides);
    if (r.success) doc.overrides = r.data;
    else out.push(damaged('check overrides', '检查豁免'));
  }
  return { doc, dropped: out };
}

/** Writes the document as a .plan QGroundControl opens, with our section for the rest. */
export function writePlanDoc(doc: PlanDoc): string {
  const root = JSON.parse(writePlanFile(doc.plan, doc.patterns)) as Record<string, unknown>;
  const base = (root.policeGcs as Record<string, unknown> | undefined) ?? { version: 1, patterns: [] };
  root.policeGcs = { ...base, shapes: doc.shapes, settings: doc.settings, aircraft: doc.aircraft, overrides: doc.overrides };
  return `${JSON.stringify(root, null, 4)}\n`;
}
