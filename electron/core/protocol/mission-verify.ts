// Read-back verification: is what the vehicle holds what we uploaded? The rules that tell an
// autopilot's normalisation (ArduPilot's home at item 0, LOITER_TIME param3 as 0/1, RTL frame 0) from
// real corruption live in shared/plan/mission-compare, so the Plan view's comparison uses the same ones.
import { msg } from '../../../shared/contract/errors';
import type { UserMessage } from '../../../shared/contract/types';
import { kindEn, kindZh } from './mission-errors';
import { differingFields, type AutopilotFamily } from '../../../shared/plan/mission-compare';
import type { ProtocolMissionItem } from './mission-item';

export type { AutopilotFamily };

export interface MissionDifference {
  seq: number;
  field: keyof ProtocolMissionItem | 'count';
  sent: number;
  got: number;
}

export type VerifyResult =
  | { ok: true; status: 'verified' }
  | { ok: false; code: 'mission_verify_count' | 'mission_verify_mismatch'; difference: MissionDifference; message: UserMessage };

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
    const field = differingFields(s, g, autopilot, missionType, seq)[0];
    if (field !== undefined) {
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
