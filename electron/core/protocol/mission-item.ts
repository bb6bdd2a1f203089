// Mission items as the protocol engines take and return them, and their wire form.
//
// ProtocolMissionItem follows QGC's MissionItem: param1..param7, with param5/param6 the latitude and
// longitude in DEGREES for global frames. The degE7 scaling of MISSION_ITEM_INT happens here, once,
// at the wire (DESIGN: scaled integers are converted once, where they enter or leave).
import type { ComparableItem } from '../../../shared/plan/mission-compare';
import type { Fields } from '../mavlink';
import { num } from './port';

export const MissionType = { MISSION: 0, FENCE: 1, RALLY: 2 } as const;
export type MissionTypeNumber = (typeof MissionType)[keyof typeof MissionType];

export function isMissionType(n: number): n is MissionTypeNumber {
  return n === 0 || n === 1 || n === 2;
}

/** The shared item form (shared/plan/mission-compare): the engines and the Plan view's comparison use one shape. */
export type ProtocolMissionItem = ComparableItem;

/** The item as MISSION_ITEM_INT carries it: x/y are int32 (degE7 for global frames). */
export interface WireMissionItem {
  seq: number;
  command: number;
  frame: number;
  current: number;
  autocontinue: number;
  param1: number;
  param2: number;
  param3: number;
  param4: number;
  x: number;
  y: number;
  z: number;
  mission_type: number;
}

// MAV_FRAME values whose x/y are latitude/longitude (the *_INT variants are deprecated but still sent).
const GLOBAL_FRAMES = new Set([0, 3, 5, 6, 10, 11]);
// MAV_FRAME_LOCAL_NED 1, LOCAL_ENU 4, LOCAL_OFFSET_NED 7, BODY_NED 8, BODY_OFFSET_NED 9, BODY_FRD 12,
// LOCAL_FRD 20, LOCAL_FLU 21: the spec scales local metres by 1e4 in MISSION_ITEM_INT.
const LOCAL_FRAMES = new Set([1, 4, 7, 8, 9, 12, 20, 21]);

export function isGlobalFrame(frame: number): boolean {
  return GLOBAL_FRAMES.has(frame);
}

/** How x/y are scaled into MISSION_ITEM_INT's int32 for this frame (MAV_FRAME_MISSION: not at all). */
export function xyScale(frame: number): number {
  if (GLOBAL_FRAMES.has(frame)) return 1e7;
  if (LOCAL_FRAMES.has(frame)) return 1e4;
  return 1;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * Why an item cannot go on the wire, or undefined when it can. Checked before MISSION_COUNT is sent,
 * so a bad plan never starts a transfer that would leave the vehicle with a half mission.
 */
export function itemProblem(item: ProtocolMissionItem): string | undefined {
  for (const key of ['command', 'frame', 'autocontinue'] as const) {
    const v = item[key];
    if (!Number.isInteger(v) || v < 0 || v > (key === 'command' ? 65535 : 255)) return `${key} ${String(v)}`;
  }
  const scale = xyScale(item.frame);
  for (const key of ['param5', 'param6'] as const) {
    const scaled = Math.round(item[key] * scale);
    if (!Number.isFinite(scaled) || scaled < INT32_MIN || scaled > INT32_MAX) return `${key} ${String(item[key])}`;
  }
  if (isGlobalFrame(item.frame)) {
    if (Math.abs(item.param5) > 90) return `latitude ${item.param5}`;
    if (Math.abs(item.param6) > 180) return `longitude ${item.param6}`;
  }
  return undefined;
}

export function toWire(item: ProtocolMissionItem, seq: number, missionType: number): WireMissionItem {
  const scale = xyScale(item.frame);
  return {
    seq,
    command: item.command,
    frame: item.frame,
    // Never 2 or 3: ArduPilot reads current=2 as a guided go-to and 3 as an altitude change.
    current: 0,
    autocontinue: item.autocontinue,
    param1: item.param1,
    param2: item.param2,
    param3: item.param3,
    param4: item.param4,
    x: Math.round(item.param5 * scale),
    y: Math.round(item.param6 * scale),
    z: item.param7,
    mission_type: missionType,
  };
}

/** From a received MISSION_ITEM_INT (intXY) or legacy MISSION_ITEM (float x/y, already in degrees). */
export function fromWireFields(fields: Fields, intXY: boolean): ProtocolMissionItem {
  const frame = num(fields, 'frame');
  const scale = intXY ? xyScale(frame) : 1;
  return {
    command: num(fields, 'command'),
    frame,
    autocontinue: num(fields, 'autocontinue'),
    param1: num(fields, 'param1'),
    param2: num(fields, 'param2'),
    param3: num(fields, 'param3'),
    param4: num(fields, 'param4'),
    param5: num(fields, 'x') / scale,
    param6: num(fields, 'y') / scale,
    param7: num(fields, 'z'),
  };
}
