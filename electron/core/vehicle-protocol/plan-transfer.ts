// Upload, download and clear of whole plans (any of mission, fence, rally) with one vehicle, as one
// exclusive conversation. An upload is only "verified" when the list was read back and compared
// under the vehicle's own normalisation rules; anything else ends in a typed MissionTransferError,
// so a caller can never mistake a half-written list for a finished one.
import type { MissionProgressEvent, PlanUploadResult } from '../../../shared/contract/types';
import type { Plan } from '../../../shared/plan';
import { MissionTransferError } from '../protocol/mission-errors';
import type { ProtocolMissionItem } from '../protocol/mission-item';
import type { TransferProgress } from '../protocol/mission-transfer';
import { verifyMission } from '../protocol/mission-verify';
import { MISSION_TYPE_OF, PLAN_PARTS, planFromProtocolLists, planToProtocolLists, verifyFamilyOf, type PlanPart, type ProtocolLists } from './item-mapping';
import type { VehicleProtocol } from './vehicle-protocol';

export type ProgressSink = (p: Omit<MissionProgressEvent, 'key'>) => void;

// Mission, then fence, then rally, as QGC does, whatever order the caller named them in.
function ordered(parts: readonly PlanPart[]): PlanPart[] {
  return PLAN_PARTS.filter((p) => parts.includes(p));
}

function forward(vp: VehicleProtocol, part: PlanPart, sink: ProgressSink | undefined): () => void {
  if (!sink) return () => undefined;
  return vp.transfer(part).onProgress((p: TransferProgress) => {
    if (p.operation === 'upload' || p.operation === 'download') sink({ type: part, direction: p.operation, done: p.done, total: p.total });
  });
}

export interface UploadOptions {
  verify: boolean;
  onProgress?: ProgressSink;
}

export async function uploadLists(vp: VehicleProtocol, lists: ProtocolLists, opts: UploadOptions): Promise<PlanUploadResult> {
  const parts = ordered(Object.keys(lists) as PlanPart[]);
  if (parts.length === 0) return { verified: false, counts: {} };
  return vp.exclusive('upload', parts[0], async () => {
    const counts: PlanUploadResult['counts'] = {};
    let verified = true;
    for (const part of parts) {
      const items = lists[part]!;
      const type = MISSION_TYPE_OF[part];
      const stop = forward(vp, part, opts.onProgress);
      try {
        const t = vp.transfer(part);
        const report = await t.upload(type, items);
        if (opts.verify && !report.verifiedByReadBack) await readBackAndCompare(vp, part, items);
        verified &&= opts.verify || report.verifiedByReadBack;
        counts[part] = items.length;
      } finally {
        stop();
      }
    }
    return { verified, counts };
  });
}

export function uploadPlan(vp: VehicleProtocol, plan: Plan, parts: readonly PlanPart[], opts: UploadOptions): Promise<PlanUploadResult> {
  return uploadLists(vp, planToProtocolLists(plan, parts, vp.autopilot), opts);
}

async function readBackAndCompare(vp: VehicleProtocol, part: PlanPart, sent: readonly ProtocolMissionItem[]): Promise<void> {
  const type = MISSION_TYPE_OF[part];
  const readBack = await vp.transfer(part).download(type);
  const verdict = verifyMission(sent, readBack, verifyFamilyOf(vp.autopilot), type);
  if (!verdict.ok) throw new MissionTransferError(verdict.code, verdict.message, { missionType: type, seq: verdict.difference.seq });
}

export async function downloadLists(vp: VehicleProtocol, parts: readonly PlanPart[], onProgress?: ProgressSink): Promise<ProtocolLists> {
  const want = ordered(parts);
  if (want.length === 0) return {};
  return vp.exclusive('download', want[0], async () => {
    const lists: ProtocolLists = {};
    for (const part of want) {
      const stop = forward(vp, part, onProgress);
      try {
        lists[part] = await vp.transfer(part).download(MISSION_TYPE_OF[part]);
      } finally {
        stop();
      }
    }
    return lists;
  });
}

export async function downloadPlan(vp: VehicleProtocol, parts: readonly PlanPart[], onProgress?: ProgressSink): Promise<Plan> {
  return planFromProtocolLists(await downloadLists(vp, parts, onProgress), vp.autopilot).plan;
}

export async function clearParts(vp: VehicleProtocol, parts: readonly PlanPart[]): Promise<void> {
  const want = ordered(parts);
  if (want.length === 0) return;
  await vp.exclusive('clear', want[0], async () => {
    for (const part of want) await vp.transfer(part).clear(MISSION_TYPE_OF[part]);
  });
}
