// The ops area's part of the contract: its calls (schemas), who may make them, what they return,
// and its events. api.ts spreads these in, so each area grows here without touching the others.
import { z } from 'zod';
import type { Note } from '../notes';
import type { AltitudeBlock, MissionPicture, OpsAlert, TrafficFeedInfo, TrafficPicture, TrafficTrack, SeparationSettings, VehicleEstimate } from '../ops-types';
import type { Role } from '../types';

const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const vehicleKey = z.string().regex(/^\d{1,3}:\d{1,3}$/);
const callsign = z.string().trim().min(1).max(16);
export const NOTE_TEXT_MAX = 2000;

const aircraftClass = z.enum(['drone', 'helicopter', 'fixedwing', 'unknown']);
const altM = z.number().min(-1000).max(20_000);
export const ALTITUDE_BLOCKS_MAX = 20;
const minima = z.object({ horizontalM: z.number().min(10).max(20_000), verticalM: z.number().min(5).max(3000) }).strict();

export const noteCategorySchema = z.enum(['position', 'tasking', 'hazard', 'handover', 'other']);

export const opsCalls = {
  listNotes: z
    .object({
      fromMs: z.number().int().min(0).optional(),
      toMs: z.number().int().min(0).optional(),
      kind: z.enum(['crew', 'debrief']).optional(),
      vehicleKey: vehicleKey.optional(),
      limit: z.number().int().min(1).max(5000).default(500),
    })
    .strict(),
  addNote: z
    .object({
      category: noteCategorySchema,
      text: z.string().trim().min(1).max(NOTE_TEXT_MAX),
      /** The person's name as they gave it; the connection's name when absent. */
      author: z.string().trim().min(1).max(64).optional(),
      callsign: callsign.nullable().default(null),
      vehicleKey: vehicleKey.nullable().default(null),
      pos: z.object({ lat, lon }).nullable().default(null),
      /** Trainers add debrief notes about a past flight moment (tMs); crews write crew notes, now. */
      kind: z.enum(['crew', 'debrief']).default('crew'),
      tMs: z.number().int().min(0).optional(),
    })
    .strict(),
  /** The first read of the live picture: traffic, alerts, mission paths. */
  getOpsPicture: z.object({}).strict(),
  openTrafficFeed: z
    .object({
      host: z.string().trim().min(1).max(255).regex(/^[A-Za-z0-9.:_-]+$/, 'a host name or address'),
      port: z.number().int().min(1).max(65535).default(30003),
      aircraftClass: aircraftClass.default('unknown'),
    })
    .strict(),
  closeTrafficFeed: z.object({ id: z.string().min(1).max(32) }).strict(),
  /** A position report given by radio (a helicopter crew): typed or clicked on the map. */
  reportTraffic: z
    .object({
      callsign,
      lat,
      lon,
      altMslM: altM.nullable(),
      aircraftClass: aircraftClass.default('helicopter'),
      headingDeg: z.number().min(0).max(360).nullable().default(null),
      groundSpeedMps: z.number().min(0).max(400).nullable().default(null),
      /** When the crew was there; default now. */
      tMs: z.number().int().min(0).optional(),
    })
    .strict(),
  setAltitudeBlocks: z
    .object({
      blocks: z
        .array(
          z
            .object({
              id: z.string().min(1).max(32),
              appliesTo: z.string().trim().min(1).max(32),
              label: z.string().max(64).default(''),
              minAltM: altM.nullable(),
              maxAltM: altM.nullable(),
              datum: z.enum(['rel', 'msl']).default('rel'),
            })
            .strict()
            .refine((b) => b.minAltM !== null || b.maxAltM !== null, 'a block needs a floor or a ceiling')
            .refine((b) => b.minAltM === null || b.maxAltM === null || b.minAltM < b.maxAltM, 'the floor must be below the ceiling'),
        )
        .max(ALTITUDE_BLOCKS_MAX),
    })
    .strict(),
  /** Separation minima by class and the look-ahead (track ageing stays as documented). */
  setSeparation: z
    .object({
      byClass: z.object({ drone: minima, helicopter: minima, fixedwing: minima, unknown: minima }).strict(),
      lookAheadS: z.number().min(0).max(600),
    })
    .strict(),
} as const satisfies Record<string, z.ZodType>;

export type OpsMethod = keyof typeof opsCalls;

const ALL: readonly Role[] = ['pilot', 'commander', 'trainer', 'observer'];
const WRITERS: readonly Role[] = ['pilot', 'commander', 'trainer'];

export const opsPermissions: Record<OpsMethod, readonly Role[]> = {
  listNotes: ALL,
  addNote: WRITERS,
  getOpsPicture: ALL,
  openTrafficFeed: ['pilot', 'commander'],
  closeTrafficFeed: ['pilot', 'commander'],
  reportTraffic: WRITERS,
  setAltitudeBlocks: ['pilot', 'commander'],
  setSeparation: ['pilot', 'commander'],
};

export interface OpsPicture {
  traffic: TrafficPicture;
  alerts: OpsAlert[];
  missions: MissionPicture[];
  estimates: VehicleEstimate[];
}

export interface OpsCallResults {
  listNotes: Note[];
  /** Resolves only once the note is on disk. */
  addNote: Note;
  getOpsPicture: OpsPicture;
  openTrafficFeed: TrafficFeedInfo;
  closeTrafficFeed: null;
  reportTraffic: TrafficTrack;
  setAltitudeBlocks: AltitudeBlock[];
  setSeparation: SeparationSettings;
}

export interface OpsEvents {
  /** A note was saved (by anyone): every connection shows it at once. */
  note: Note;
  /** The traffic picture, about once a second while anything is known. */
  traffic: TrafficPicture;
  /** An alert raised or cleared (the UI keeps the list and speaks new ones). */
  alert: OpsAlert;
  /** A vehicle's mission/fence/rally changed through the station. */
  missionPicture: MissionPicture;
  /** Flight time and battery time left per drone, once a second. */
  estimates: { estimates: VehicleEstimate[] };
}
