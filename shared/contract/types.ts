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
