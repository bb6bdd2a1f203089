// Is this item, as a vehicle reports it, the item we meant? Autopilots store missions in their own
// packed formats, so a byte-exact comparison would cry wolf on every ArduPilot read-back. Each rule
// below names one normalisation the autopilot is known to apply, and nothing wider, so real
// differences (a changed command, a moved waypoint, a wrong altitude) still show.
//
// Shared by the upload's read-back verification (electron/core/protocol/mission-verify) and the Plan
// view's "compare with vehicle", so both draw the line between normalisation and difference alike.
import { isGlobalFrame } from './mav-enums';

export type AutopilotFamily = 'ardupilot' | 'px4' | 'generic';

/** An item in the protocol's param1..7 form (param5/6 latitude/longitude in degrees for global frames). */
export interface ComparableItem {
  command: number;
  frame: number;
  /** 1: continue to the next item when this one is done. */
  autocontinue: number;
  param1: number;
  param2: number;
  param3: number;
  param4: number;
  /** x: latitude in degrees for global frames, else the raw param5. */
  param5: number;
  /** y: longitude in degrees for global frames, else the raw param6. */
  param6: number;
  /** z: altitude in metres for global frames (float on the wire, never scaled). */
  param7: number;
}

export type ComparableField = keyof ComparableItem;

export const COMPARED_FIELDS: ReadonlyArray<ComparableField> = ['command', 'frame', 'autocontinue', 'param1', 'param2', 'param3', 'param4', 'param5', 'param6', 'param7'];

const NAV_LOITER_TIME = 19;
const NAV_RETURN_TO_LAUNCH = 20;
const MAV_FRAME_GLOBAL = 0;

/** True when a difference in this field is the autopilot's normalisation, not a real difference. */
export function normalisedField(autopilot: AutopilotFamily, missionType: number, seq: number, field: ComparableField, sent: ComparableItem, got: ComparableItem): boolean {
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
export function sameWireValue(field: ComparableField, frame: number, a: number, b: number): boolean {
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

/** The fields of item `seq` that really differ (normalisations left out), in COMPARED_FIELDS order. */
export function differingFields(sent: ComparableItem, got: ComparableItem, autopilot: AutopilotFamily, missionType: number, seq: number): ComparableField[] {
  return COMPARED_FIELDS.filter((f) => !sameWireValue(f, sent.frame, sent[f], got[f]) && !normalisedField(autopilot, missionType, seq, f, sent, got));
}
