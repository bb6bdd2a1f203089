// The data that crosses the contract between the station (either host) and the UI.
// Units are in the names; MAVLink's scaled integers never reach this far.

export type Autopilot = 'ardupilot' | 'px4' | 'generic' | 'unknown';
export type VehicleKind = 'multirotor' | 'fixedwing' | 'vtol' | 'helicopter' | 'rover' | 'boat' | 'other';
export type Role = 'pilot' | 'commander' | 'trainer' | 'observer';
export type HostKind = 'electron' | 'server';

export interface LatLonAlt {
  lat: number;
  lon: number;
  altMslM: number;
}

export interface StatusText {
  severity: number; // MAV_SEVERITY: 0 emergency .. 7 debug
  text: string;
  t: number; // ms since epoch, station clock
}

export interface VehicleSnapshot {
  /** `${sysid}:${compid}` */
  key: string;
  sysid: number;
  compid: number;
  autopilot: Autopilot;
  type: VehicleKind;
  mavType: number;
  mode: string;
  customMode: number;
  baseMode: number;
  armed: boolean;
  systemStatus: number;
  lat: number | null;
  lon: number | null;
  altMslM: number | null;
  altRelM: number | null;
  headingDeg: number | null;
  rollDeg: number | null;
  pitchDeg: number | null;
  groundSpeedMps: number | null;
  airSpeedMps: number | null;
  climbMps: number | null;
  throttlePct: number | null;
  batteryV: number | null;
  batteryA: number | null;
  batteryPct: number | null;
  /** GPS_FIX_TYPE: 0 no gps, 1 no fix, 2 2D, 3 3D, 4 DGPS, 5 RTK float, 6 RTK fixed */
  gpsFix: number | null;
  satellites: number | null;
  hdop: number | null;
  home: LatLonAlt | null;
  missionCurrent: number | null;
  missionCount: number | null;
  lastStatusText: StatusText | null;
  linkQualityPct: number | null;
  linkLost: boolean;
  lastHeartbeatMs: number;
  /** Link ids this vehicle was heard on, most recent first. */
  linkIds: string[];
  updatedMs: number;
}

export type LinkKind = 'udp' | 'udpout' | 'tcp' | 'serial';
export type LinkState = 'connecting' | 'open' | 'reconnecting' | 'closed' | 'error';

export interface LinkStats {
  bytesIn: number;
  bytesOut: number;
  framesOk: number;
  crcErrors: number;
  unknownIds: number;
  bytesSkipped: number;
  seqGaps: number;
  /** Frames received / frames expected from sequence numbers, over a recent window; null before any frame. */
  qualityPct: number | null;
}

export interface LinkInfo {
  id: string;
  spec: string;
  kind: LinkKind;
  state: LinkState;
  /** Why the link is in 'error' or 'reconnecting', as a pilot can act on it. */
  error: UserMessage | null;
  stats: LinkStats;
}

export interface SerialPortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

export interface SimulatorInfo {
  running: boolean;
  vehicles: number;
  /** Whether the simulated police helicopter flies too. */
  helicopter: boolean;
  /** The link spec the station opened to hear it, when running. */
  link: string | null;
  pid: number | null;
}

export interface StatusTextEvent extends StatusText {
  key: string;
  sysid: number;
  compid: number;
}

export interface HelloInfo {
  host: HostKind;
  role: Role;
  version: string;
  sysid: number;
}

/** A sentence for a person, in both UI languages. */
export interface UserMessage {
  en: string;
  zh: string;
}

export interface ContractErrorValue {
  code: string;
  message: UserMessage;
}

// --- Missions on the wire and vehicle commands (issue 3) ---

/** The three lists a vehicle stores: MAV_MISSION_TYPE mission (0), fence (1), rally (2). */
export type PlanPart = 'mission' | 'fence' | 'rally';

export interface PlanUploadResult {
  /** True when every uploaded list was read back from the vehicle and matched (false with verify: false). */
  verified: boolean;
  /** Items sent per list, in the vehicle's convention (an ArduPilot mission counts its home item 0). */
  counts: Partial<Record<PlanPart, number>>;
}

export interface MissionProgressEvent {
  /** Vehicle key `${sysid}:${compid}`. */
  key: string;
  type: PlanPart;
  /** A verifying read-back after an upload reports as 'download'. */
  direction: 'upload' | 'download';
  done: number;
  total: number;
}

export type CommandAction =
  | 'arm'
  | 'disarm'
  | 'forceDisarm'
  | 'takeoff'
  | 'setMode'
  | 'missionStart'
  | 'pause'
  | 'continue'
  | 'rtl'
  | 'land'
  | 'goto'
  | 'setRoi'
  | 'changeSpeed';

export type CommandOutcome = 'accepted' | 'temporarily_rejected' | 'denied' | 'unsupported' | 'failed' | 'timed_out' | 'cancelled';

/** How a command ended. Nothing is fire-and-forget: every command call resolves to exactly one of these. */
export interface VehicleCommandResult {
  ok: boolean;
  outcome: CommandOutcome;
  /** MAV_CMD number sent. */
  command: number;
  /** MAV_RESULT from the vehicle's COMMAND_ACK; null when it never answered (or nothing was sent). */
  mavResult: number | null;
  /** Times the command went out (0: refused at the station before sending). */
  tries: number;
  code: string;
  /** The result in both languages, with the vehicle's own reason appended when it gave one. */
  message: UserMessage;
  /** The vehicle's STATUSTEXT explaining a refusal ("Arm: Mode not armable"), if it sent one. */
  vehicleText: string | null;
}

// --- security area (issue 8): MAVLink 2 signing state of a vehicle. Optional so that snapshots built
// before the security area knew a vehicle (and older fakes) stay valid; absent means "unsigned".
/**
 * signed: its frames carry signatures that verify with its key. unsigned: plain frames (or no key).
 * bad_signature: a frame claiming to be it failed verification (wrong key, replay, forged) recently.
 * unverified: signed frames, but the station holds no key for it.
 */
export type VehicleSigningState = 'signed' | 'unsigned' | 'bad_signature' | 'unverified';
export interface VehicleSnapshot {
  signing?: VehicleSigningState;
}
