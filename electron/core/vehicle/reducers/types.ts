// Shared shapes of the telemetry reducers: each reducer reads one message group's raw fields and
// writes the snapshot's converted fields (units in names), once, here and nowhere else.
import type { StatusText, VehicleSnapshot } from '../../../../shared/contract/types';
import type { Fields } from '../../mavlink';

export interface VehicleModel {
  snap: VehicleSnapshot;
  /** GLOBAL_POSITION_INT.hdg is the navigation heading; ATTITUDE yaw only stands in when it is unknown. */
  headingFromPosition: boolean;
  /** STATUSTEXT chunks of one long message being reassembled. */
  statusChunks: { id: number; severity: number; parts: string[]; startedMs: number } | null;
  /** Last time_boot_ms seen: a jump backwards means the autopilot rebooted. */
  bootMs: number | null;
  /** Station time of the last ATTITUDE / GLOBAL_POSITION_INT: streams running or not. */
  lastStreamMs: number | null;
  lastHomeMs: number | null;
}

export interface ReduceContext {
  nowMs: number;
}

export interface ReduceResult {
  statusText?: StatusText;
  rebooted?: boolean;
}

export type Reducer = (model: VehicleModel, fields: Fields, ctx: ReduceContext) => ReduceResult | void;

export function num(fields: Fields, name: string): number {
  const v = fields[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
}

export const UINT16_MAX = 65535;
export const UINT8_MAX = 255;
const RAD_TO_DEG = 180 / Math.PI;

export function radToDeg(rad: number): number {
  return rad * RAD_TO_DEG;
}

/** 0 <= deg < 360. */
export function wrap360(deg: number): number {
  const d = deg % 360;
  return d < 0 ? d + 360 : d;
}

/** Record time_boot_ms; true when it went backwards by more than a couple of seconds (a reboot). */
export function noteBootTime(model: VehicleModel, timeBootMs: number): boolean {
  if (!Number.isFinite(timeBootMs) || timeBootMs <= 0) return false;
  const prev = model.bootMs;
  model.bootMs = timeBootMs;
  return prev !== null && timeBootMs + 2000 < prev;
}
