// Read-back verification: is what the vehicle holds what we uploaded? Autopilots store missions in
// their own packed formats, so a byte-exact comparison would cry wolf on every ArduPilot upload.
// Each rule below names one normalisation the autopilot is known to apply, and nothing wider, so
// real corruption (a changed command, a moved waypoint, a wrong altitude) is still caught.
import { msg } from '../../../shared/contract/errors';
import type { UserMessage } from '../../../shared/contract/types';
import { kindEn, kindZh } from './mission-errors';
import { isGlobalFrame, type ProtocolMissionItem } from './mission-item';

export type AutopilotFamily = 'ardupilot' | 'px4' | 'generic';

export interface MissionDifference {
  seq: number;
  field: keyof ProtocolMissionItem | 'count';
  sent: number;
  got: number;
}

export type VerifyResult =
  | { ok: true; status: 'verified' }
  | { ok: false; code: 'mission_verify_count' | 'mission_verify_mismatch'; difference: MissionDifference; message: UserMessage };

const NAV_LOITER_TIME = 19;
const NAV_RETURN_TO_LAUNCH = 20;
const MAV_FRAME_GLOBAL = 0;

const FIELDS: ReadonlyArray<keyof ProtocolMissionItem> = ['command', 'frame', 'autocontinue', 'param1', 'param2', 'param3', 'param4', 'param5', 'param6', 'param7'];

/** True when a difference in this field is the autopilot's normalisation, not corruption. */
function normalised(autopilot: AutopilotFamily, missionType: number, seq: number, field: keyof ProtocolMissionItem, sent: ProtocolMissionItem, got: ProtocolMissionItem): boolean {
  if (autopilot !== 'ardupilot') return false;
  // Item 0 of an ArduPilot mission IS the home position: the vehicle answers with its current home
  // whatever was uploaded there (QGC uploads a placeholder home for exactly this reason).
  if (missionType === 0 && seq === 0) return true;
  // ArduPilot's storage has no autocontinue bit; it always continues and reads back 1.
  if (field === 'autocontinue' && got.autocontinue === 1) return true;
  // LOITER_TIME param3 (loiter radius / direction) is kept only as a direction flag, so it comes back
  // as 0 or 1 (sent 0 -> 0, anything else -> 1).
  if (missionType === 0 && sent.command === NAV_LOITER_TIME && field === 'param3') {
    return got.param3 === (sent.param3 === 0 || Number.isNaN(sent.param3) ? 0 : 1);
  }
  // RTL has no position, so ArduPilot does not store its frame and reports MAV_FRAME_GLOBAL (0).
  if (missionType === 0 && sent.command === NAV_RETURN_TO_LAUNCH && field === 'frame') return got.frame === MAV_FRAME_GLOBAL;
  return false;
}

/** Values equal as the wire can carry them. */
function sameValue(field: keyof ProtocolMissionItem, frame: number, a: number, b: number): boolean {
  if (field === 'command' || field === 'frame' || field === 'autocontinue') return a === b;
  // NaN marks an unused param ("no change"); autopilots that cannot store NaN give back 0. Both mean
  // "not set", so NaN vs 0 is equal. NaN vs any other number is a real difference.
  const aUnset = Number.isNaN(a) || a === 0;
  const bUnset = Number.isNaN(b) || b === 0;
  if (aUnset && bUnset) return true;
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  if ((field === 'param5' || field === 'param6') && isGlobalFrame(frame)) {
    // Latitude/longitude travel as degE7 int32: 1e-7 degree (~1 cm) is the resolution; allow one
    // step for rounding on either side.
    return Math.abs(Math.round(a * 1e7) - Math.round(b * 1e7)) <= 1;
  }
  // Everything else is a float32 on the wire: equal if they are the same float32, or within float32's
  // relative precision (a value that went through a double on one side).
  return Math.fround(a) === Math.fround(b) || Math.abs(a - b) <= 2 ** -23 * Math.max(Math.abs(a), Math.abs(b));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function describe(v: number): string {
  return Number.isNaN(v) ? 'NaN' : String(v);
}

export function verifyMission(sent: readonly ProtocolMissionItem[], readBack: readonly ProtocolMissionItem[], autopilot: AutopilotFamily, missionType = 0): VerifyResult {
  if (sent.length !== readBack.length) {
    const difference: MissionDifference = { seq: Math.min(sent.length, readBack.length), field: 'count', sent: sent.length, got: readBack.length };
    return {
      ok: false,
      code: 'mission_verify_count',
      difference,
      message: msg(
        `The vehicle holds ${readBack.length} ${kindEn(missionType)} items, but ${sent.length} were uploaded. Upload again before flying.`,
        `飞行器上有 ${readBack.length} 项${kindZh(missionType)}，但上传了 ${sent.length} 项。飞行前请重新上传。`,
      ),
    };
  }
  for (let seq = 0; seq < sent.length; seq++) {
    const s = sent[seq];
    const g = readBack[seq];
    for (const field of FIELDS) {
      if (sameValue(field, s.frame, s[field], g[field])) continue;
      if (normalised(autopilot, missionType, seq, field, s, g)) continue;
      const difference: MissionDifference = { seq, field, sent: s[field], got: g[field] };
      return {
        ok: false,
        code: 'mission_verify_mismatch',
        difference,
        message: msg(
          `${capitalise(kindEn(missionType))} item ${seq} differs on the vehicle: ${field} was sent as ${describe(s[field])} but reads back as ${describe(g[field])}. Upload again before flying.`,
          `${kindZh(missionType)}第 ${seq} 项与飞行器上不一致：${field} 发送值为 ${describe(s[field])}，回读值为 ${describe(g[field])}。飞行前请重新上传。`,
        ),
      };
    }
  }
  return { ok: true, status: 'verified' };
}
