// Replay area: what the flight library, the replay player and the timeline look like across the contract.
import type { VehicleSnapshot } from './types';

export type FlightStatus = 'open' | 'closed' | 'recovered';

export interface FlightBbox {
  minLat: number;
  minLon: number;
  maxLat: number;
  maxLon: number;
}

export interface FlightRecord {
  id: string;
  vehicleKey: string;
  /** The aircraft's registration when the unit set one; else null (the UI shows the vehicle key). */
  registration: string | null;
  /** Who flew: the name of whoever last commanded this vehicle through the station, or set later. */
  pilot: string | null;
  startMs: number;
  endMs: number | null;
  durationS: number | null;
  maxAltRelM: number | null;
  distanceM: number;
  bbox: FlightBbox | null;
  missionName: string | null;
  noteCount: number;
  alertCount: number;
  tlogPath: string;
  /** SHA-256 of the flight's tlog, taken when it closed (or was recovered). */
  tlogSha256: string | null;
  /** 'recovered': the station stopped during the flight (a crash) and closed it at its next start. */
  status: FlightStatus;
}

export interface FlightFilter {
  fromMs?: number;
  toMs?: number;
  /** Registration or vehicle key, partial match. */
  aircraft?: string;
  pilot?: string;
  /** Flights whose area contains this point (with a margin). */
  near?: { lat: number; lon: number };
}

export interface LogbookRow {
  name: string;
  flights: number;
  hours: number;
}

export interface Logbook {
  perPilot: LogbookRow[];
  perAircraft: LogbookRow[];
  total: { flights: number; hours: number };
}

/** One thing the flight's record keeps that the station did: uploads, commands, with who and the outcome. */
export interface FlightOperation {
  kind: 'upload' | 'download' | 'clear' | 'command';
  atMs: number;
  caller: string | null;
  ok: boolean;
  /** A short human line: "arm", "setMode GUIDED", "upload mission (12 items)". */
  summary: string;
  error: string | null;
}

export type TimelineMarkKind = 'arm' | 'disarm' | 'mode' | 'waypoint' | 'alert' | 'note';

export interface TimelineMark {
  tMs: number;
  kind: TimelineMarkKind;
  vehicleKey: string | null;
  /** Mode name, waypoint number, alert text or note text. */
  label: string;
}

export interface ReplayInfo {
  /** The flight id when opened from the library, else null (an external file). */
  flightId: string | null;
  path: string;
  startMs: number;
  endMs: number;
  frames: number;
  /** What the reader had to skip, to show to the pilot. */
  skipped: { crcErrors: number; unknownIds: number; bytesSkipped: number; timestampsOutOfOrder: number; timestampsLittleEndian: number };
  /** Null for external files; false when the tlog no longer matches the hash taken at close. */
  hashOk: boolean | null;
  marks: TimelineMark[];
}

export interface ReplayState {
  open: boolean;
  playing: boolean;
  speed: number;
  tMs: number;
  startMs: number;
  endMs: number;
}

export interface ReplayVehiclesEvent {
  tMs: number;
  vehicles: VehicleSnapshot[];
}
