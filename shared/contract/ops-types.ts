// The ops area's data that crosses the contract: manned traffic, separation, altitude blocks, alerts.
// Units are in the names; altitudes are metres above mean sea level unless the name says otherwise.

/** What kind of aircraft a track is: it picks the separation thresholds (see separation defaults). */
export type AircraftClass = 'drone' | 'helicopter' | 'fixedwing' | 'unknown';

/** Where a manned track came from: a drone's ADS-B receiver, an SBS-1 feed, or a crew's radio report. */
export type TrafficSource = 'adsb' | 'sbs' | 'manual';

export interface TrafficTrack {
  /** `icao:780A1B` for transponder tracks; `manual:CALLSIGN` for radio reports. */
  id: string;
  source: TrafficSource;
  icao: string | null;
  callsign: string | null;
  aircraftClass: AircraftClass;
  lat: number;
  lon: number;
  altMslM: number | null;
  /** Track over ground (where it is going), degrees true. */
  headingDeg: number | null;
  groundSpeedMps: number | null;
  climbMps: number | null;
  squawk: string | null;
  /** Station time of the last position (ms since the epoch). */
  lastSeenMs: number;
  /** True once older than the stale age: still shown (greyed), then dropped at the drop age. */
  stale: boolean;
}

/** Minimum distances one aircraft class must keep from our drones. */
export interface SeparationMinima {
  horizontalM: number;
  verticalM: number;
}

export interface SeparationSettings {
  byClass: Record<AircraftClass, SeparationMinima>;
  /** How far ahead both velocities are projected to predict a conflict. */
  lookAheadS: number;
  /** A track this old is stale: no longer projected along its velocity. */
  staleAfterMs: number;
  /** A track this old is dropped from the picture. */
  dropAfterMs: number;
}

export type EncounterKind = 'headOn' | 'crossing' | 'overtaking' | 'vertical' | 'static';

export interface Conflict {
  /** Our drone (vehicle key). */
  vehicleKey: string;
  /** The other aircraft: a traffic track id or another drone's key. */
  otherId: string;
  otherCallsign: string | null;
  otherClass: AircraftClass;
  /** 'violation': inside both minima now; 'predicted': will be within the look-ahead. */
  level: 'violation' | 'predicted';
  encounter: EncounterKind;
  horizontalM: number;
  verticalM: number | null;
  /** Seconds until both minima are infringed (0 when already). */
  timeToConflictS: number;
  /** The other track was stale: its position is a last known one, not a prediction. */
  stale: boolean;
}

/**
 * An altitude block set by the commander: who it applies to and the band they must stay in.
 * 'drones' means every vehicle of ours; 'manned' every traffic track; otherwise a callsign or key.
 */
export interface AltitudeBlock {
  id: string;
  appliesTo: 'drones' | 'manned' | string;
  label: string;
  minAltM: number | null;
  maxAltM: number | null;
  /** 'rel': above the reference ground (the first home position); 'msl': above mean sea level. */
  datum: 'rel' | 'msl';
}

export interface AltitudeBlockBreach {
  blockId: string;
  aircraftId: string;
  callsign: string | null;
  altM: number;
  /** Which side was left. */
  side: 'below' | 'above';
}

export type AlertKind =
  | 'batteryLow'
  | 'batteryCritical'
  | 'linkLost'
  | 'gpsLost'
  | 'fenceBreach'
  | 'statustext'
  | 'separation'
  | 'separationPredicted'
  | 'altitudeBlock';

export interface OpsAlert {
  id: string;
  kind: AlertKind;
  /** 'critical' speaks and stays red; 'warning' speaks once; both are kept in the list. */
  severity: 'critical' | 'warning';
  tMs: number;
  /** The vehicle or aircraft it concerns. */
  subject: string;
  message: { en: string; zh: string };
  /** Cleared: the condition ended (kept in the list, no longer active). */
  active: boolean;
}

/** Our drones' callsign on the map, in notes and in spoken alerts (the UI's vehicle.callsign). */
export function droneCallsign(sysid: number): string {
  return `UAV-${sysid}`;
}

export interface TrafficFeedInfo {
  id: string;
  host: string;
  port: number;
  /** The class assumed for its tracks (SBS-1 does not say what an aircraft is). */
  aircraftClass: AircraftClass;
  state: 'connecting' | 'open' | 'reconnecting' | 'closed';
  error: { en: string; zh: string } | null;
  lines: number;
  rejected: number;
}

/** The manned-traffic picture, published about once a second. */
export interface TrafficPicture {
  tracks: TrafficTrack[];
  conflicts: Conflict[];
  breaches: AltitudeBlockBreach[];
  feeds: TrafficFeedInfo[];
  blocks: AltitudeBlock[];
  settings: SeparationSettings;
}

/** One vehicle's lists as last uploaded or downloaded through the station, for every role's map. */
export interface MissionPicture {
  key: string;
  /** Positioned mission items, with the vehicle's sequence number (what MISSION_CURRENT names). */
  points: Array<{ seq: number; lat: number; lon: number; altM: number; command: number }>;
  fence: {
    polygons: Array<{ inclusion: boolean; vertices: Array<{ lat: number; lon: number }> }>;
    circles: Array<{ inclusion: boolean; center: { lat: number; lon: number }; radiusM: number }>;
  } | null;
  rally: Array<{ lat: number; lon: number; altM: number }>;
  updatedMs: number;
}

/** What the station works out about each drone for the instruments, the same for every browser. */
export interface VehicleEstimate {
  key: string;
  /** When the station saw it arm; null while disarmed. */
  armedSinceMs: number | null;
  /** At the recent drain rate, seconds until the battery is empty; null when not yet known. */
  batteryTimeLeftS: number | null;
}
