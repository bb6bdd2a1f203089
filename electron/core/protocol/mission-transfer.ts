// One vehicle's mission, fence and rally transfers (MAV_MISSION_TYPE 0, 1, 2): one state machine per
// operation, parameterised by the mission type, as QGC's PlanManager. One transfer at a time per
// vehicle: MAVLink has a single mission-protocol conversation per GCS/vehicle pair, and a download
// interleaved with an upload would read a half-written list.
import { CommandEngine } from './command';
import { MissionClear } from './mission-clear';
import { MissionDownload } from './mission-download';
import type { ExchangeContext, MissionExchange, MissionTiming } from './mission-exchange';
import { QGC_TIMING } from './mission-exchange';
import { busyError, MissionTransferError, protocolError } from './mission-errors';
import { isMissionType, itemProblem, type ProtocolMissionItem } from './mission-item';
import { MissionSetCurrentLegacy } from './mission-set-current';
import { MissionUpload, UPLOAD_UNCONFIRMED, type UploadReport } from './mission-upload';
import { verifyMission, type AutopilotFamily } from './mission-verify';
import type { Clock, ProtocolIds, ProtocolPort } from './port';
import { MAV_CMD } from './vehicle-commands';

export type TransferOperation = 'upload' | 'download' | 'clear' | 'set_current';

export interface TransferProgress {
  operation: TransferOperation;
  missionType: number;
  /** Items done (upload: requested by the vehicle so far; download: received). */
  done: number;
  total: number;
}

export interface MissionTransferOptions {
  port: ProtocolPort;
  clock: Clock;
  ids: ProtocolIds;
  /** Decides which read-back differences are the autopilot's normalisation (see mission-verify). */
  autopilot?: AutopilotFamily;
  timing?: Partial<MissionTiming>;
  /** For setCurrent's MAV_CMD_DO_SET_MISSION_CURRENT; without it only the legacy message is used. */
  commands?: CommandEngine;
}

export interface UploadResult extends UploadReport {
  /** True when the final ACK was lost and a read-back proved the vehicle holds exactly these items. */
  verifiedByReadBack: boolean;
}

const OPERATION_NAMES: Record<TransferOperation, string> = {
  upload: 'upload',
  download: 'download',
  clear: 'clear',
  set_current: 'set-current request',
};

export class MissionTransfer {
  private active: { operation: TransferOperation; exchange: MissionExchange<unknown> } | undefined;
  private readonly listeners = new Set<(p: TransferProgress) => void>();
  private readonly timing: MissionTiming;

  constructor(private readonly opts: MissionTransferOptions) {
    this.timing = { ...QGC_TIMING, ...opts.timing };
  }

  get busy(): TransferOperation | undefined {
    return this.active?.operation;
  }

  onProgress(listener: (p: TransferProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves when the vehicle has accepted every item; rejects with a MissionTransferError otherwise.
   * If the final ACK is lost, the list is read back and compared before we call it done.
   */
  async upload(missionType: number, items: readonly ProtocolMissionItem[]): Promise<UploadResult> {
    checkType(missionType);
    items.forEach((item, seq) => {
      const problem = itemProblem(item);
      if (problem) {
        throw protocolError('mission_invalid_item', { en: `item ${seq} cannot be sent (${problem})`, zh: `第 ${seq} 项无法发送（${problem}）` }, missionType, seq);
      }
    });
    if (items.length > 0xffff) {
      throw protocolError('mission_too_long', { en: `${items.length} items is more than MAVLink can count`, zh: `${items.length} 项超过 MAVLink 上限` }, missionType);
    }
    try {
      const report = await this.exclusive('upload', (ctx) => new MissionUpload(ctx, items), missionType);
      return { ...report, verifiedByReadBack: false };
    } catch (err) {
      if (!(err instanceof MissionTransferError) || err.code !== UPLOAD_UNCONFIRMED) throw err;
      return this.confirmByReadBack(missionType, items, err);
    }
  }

  download(missionType: number): Promise<ProtocolMissionItem[]> {
    checkType(missionType);
    return this.exclusive('download', (ctx) => new MissionDownload(ctx), missionType);
  }

  clear(missionType: number): Promise<void> {
    checkType(missionType);
    return this.exclusive('clear', (ctx) => new MissionClear(ctx), missionType);
  }

  /**
   * Make `seq` the active mission item. MAV_CMD_DO_SET_MISSION_CURRENT first (it has a real ACK);
   * when the vehicle does not know that command (older firmware) or never answers it, the legacy
   * MISSION_SET_CURRENT, confirmed by MISSION_CURRENT.
   */
  async setCurrent(seq: number): Promise<void> {
    if (!Number.isInteger(seq) || seq < 0 || seq > 0xffff) {
      throw protocolError('mission_invalid_seq', { en: `item ${seq} does not exist`, zh: `第 ${seq} 项不存在` }, 0);
    }
    if (this.opts.commands) {
      const result = await this.opts.commands.sendLong(MAV_CMD.DO_SET_MISSION_CURRENT, [seq, 0]);
      if (result.ok) return;
      if (result.outcome !== 'unsupported' && result.outcome !== 'timed_out') {
        throw new MissionTransferError(`mission_set_current_${result.outcome}`, result.message, { missionType: 0, seq });
      }
    }
    await this.exclusive('set_current', (ctx) => new MissionSetCurrentLegacy(ctx, seq), 0);
  }

  /** Abort the running transfer (the vehicle is told for uploads). Its promise rejects as cancelled. */
  cancel(): void {
    this.active?.exchange.cancel();
  }

  private async confirmByReadBack(missionType: number, items: readonly ProtocolMissionItem[], unconfirmed: MissionTransferError): Promise<UploadResult> {
    let readBack: ProtocolMissionItem[];
    try {
      readBack = await this.download(missionType);
    } catch {
      throw unconfirmed;
    }
    const verdict = verifyMission(items, readBack, this.opts.autopilot ?? 'generic', missionType);
    if (!verdict.ok) throw new MissionTransferError(verdict.code, verdict.message, { missionType, seq: verdict.difference?.seq });
    return { restarts: 0, itemsSent: items.length, verifiedByReadBack: true };
  }

  private async exclusive<T>(operation: TransferOperation, make: (ctx: ExchangeContext) => MissionExchange<T>, missionType: number): Promise<T> {
    if (this.active) throw busyError(missionType, OPERATION_NAMES[this.active.operation]);
    const ctx: ExchangeContext = {
      port: this.opts.port,
      clock: this.opts.clock,
      ids: this.opts.ids,
      missionType,
      timing: this.timing,
      onProgress: (done, total) => {
        for (const l of this.listeners) l({ operation, missionType, done, total });
      },
    };
    const exchange = make(ctx);
    this.active = { operation, exchange: exchange as MissionExchange<unknown> };
    try {
      return await exchange.run();
    } finally {
      this.active = undefined;
    }
  }
}

function checkType(missionType: number): void {
  if (!isMissionType(missionType)) {
    throw protocolError('mission_invalid_type', { en: `unknown mission type ${missionType}`, zh: `未知任务类型 ${missionType}` }, missionType);
  }
}
