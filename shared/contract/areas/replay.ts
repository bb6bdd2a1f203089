// The replay area's part of the contract: its calls (schemas), who may make them, what they return,
// and its events. api.ts spreads these in, so each area grows here without touching the others.
import { z } from 'zod';
import type { Role } from '../types';
import type { Note } from '../notes';
import type { FlightRecord, Logbook, ReplayInfo, ReplayState, ReplayVehiclesEvent } from '../flight-types';
import type { ReplayPicture } from '../replay-picture';

const vehicleKey = z.string().regex(/^\d{1,3}:\d{1,3}$/);
const timeMs = z.number().min(0).max(8.64e15);
const flightId = z.string().min(1).max(64);

export const flightFilterSchema = z
  .object({
    fromMs: timeMs.optional(),
    toMs: timeMs.optional(),
    aircraft: z.string().max(64).optional(),
    pilot: z.string().max(64).optional(),
    near: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  })
  .strict();

export const REPLAY_SPEED_MIN = 0.1;
export const REPLAY_SPEED_MAX = 16;

export const replayCalls = {
  listFlights: flightFilterSchema,
  flightLogbook: flightFilterSchema,
  setAircraftRegistration: z.object({ vehicleKey, registration: z.string().trim().min(1).max(32) }).strict(),
  setFlightDetails: z
    .object({ id: flightId, pilot: z.string().trim().max(64).optional(), missionName: z.string().trim().max(120).optional(), registration: z.string().trim().max(32).optional() })
    .strict(),
  openFlight: z.object({ id: flightId }).strict(),
  /** An external .tlog chosen by a pilot or trainer: a regular file, read-only. */
  openTlog: z.object({ path: z.string().min(1).max(4096) }).strict(),
  closeReplay: z.object({}).strict(),
  getReplay: z.object({}).strict(),
  replayControl: z.object({ action: z.enum(['play', 'pause']), speed: z.number().min(REPLAY_SPEED_MIN).max(REPLAY_SPEED_MAX).optional() }).strict(),
  replaySeek: z.object({ tMs: timeMs }).strict(),
  replayStep: z.object({ seconds: z.number().min(-3600).max(3600) }).strict(),
  /** Notes of the open flight (crew and debrief), in time order. */
  replayNotes: z.object({}).strict(),
  addDebriefNote: z
    .object({
      tMs: timeMs,
      text: z.string().trim().min(1).max(2000),
      category: z.enum(['position', 'tasking', 'hazard', 'handover', 'other']).default('other'),
      vehicleKey: vehicleKey.optional(),
    })
    .strict(),
  /** Flown tracks, the uploaded mission and cross-track error per leg, for the open replay. */
  replayPicture: z.object({}).strict(),
  /** The open replay's track (KML/KMZ 3D, GPX, CSV at 1 Hz) or its notes (CSV), as a file to save. */
  exportReplay: z.object({ format: z.enum(['kml', 'kmz', 'gpx', 'csv', 'notes-csv']) }).strict(),
} as const satisfies Record<string, z.ZodType>;

export type ReplayMethod = keyof typeof replayCalls;

const everyone: readonly Role[] = ['pilot', 'commander', 'trainer', 'observer'];
export const replayPermissions: Record<ReplayMethod, readonly Role[]> = {
  listFlights: everyone,
  flightLogbook: everyone,
  setAircraftRegistration: ['pilot', 'commander'],
  setFlightDetails: ['pilot', 'commander', 'trainer'],
  openFlight: everyone,
  openTlog: ['pilot', 'trainer'],
  closeReplay: everyone,
  getReplay: everyone,
  replayControl: everyone,
  replaySeek: everyone,
  replayStep: everyone,
  replayNotes: everyone,
  addDebriefNote: ['trainer'],
  replayPicture: everyone,
  exportReplay: everyone,
};

export interface ReplayCallResults {
  listFlights: FlightRecord[];
  flightLogbook: Logbook;
  setAircraftRegistration: null;
  setFlightDetails: FlightRecord;
  openFlight: ReplayInfo;
  openTlog: ReplayInfo;
  closeReplay: null;
  getReplay: ReplayState;
  replayControl: ReplayState;
  replaySeek: ReplayState;
  replayStep: ReplayState;
  replayNotes: Note[];
  addDebriefNote: Note;
  replayPicture: ReplayPicture;
  exportReplay: ReplayExport;
}

export interface ReplayExport {
  fileName: string;
  mime: string;
  /** The file's bytes, base64 (KMZ is binary; the others are UTF-8 text). */
  base64: string;
}

export interface ReplayEvents {
  /** The replay's vehicles, as the live 'vehicles' event carries them, at the replay's moment. */
  replayVehicles: ReplayVehiclesEvent;
  /** Play/pause/speed/position changed (and a few times a second while playing). */
  replayState: ReplayState;
  /** A flight was opened, closed or recovered: the library changed. */
  flightsChanged: { id: string };
}
