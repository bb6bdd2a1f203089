// The contract's plan and command calls (uploadPlan, downloadPlan, clearPlan, command) over a live
// session: find the vehicle by key, refuse clearly when it is unknown or silent, run the protocol
// engines, and report item progress as 'missionProgress' events at a bounded rate. The station facade
// and the `gcs upload/download/clear/command` CLI both run this, so they behave the same.
import { ContractError, msg } from '../../../shared/contract/errors';
import type { MissionProgressEvent, PlanPart, PlanUploadResult, VehicleCommandResult } from '../../../shared/contract/types';
import type { Plan } from '../../../shared/plan';
import type { Caller } from '../../../shared/contract/api';
import type { Clock } from '../protocol/port';
import { clearParts, downloadPlan, runCommand, uploadPlan, VehicleProtocols, type CommandParams, type ProgressSink, type ProtocolTimings, type VehicleProtocol } from '../vehicle-protocol';
import type { LiveSession } from './live-session';

/**
 * One operation on a vehicle, after it ended: the audit log, the flight record (planned mission,
 * commands issued) and the commander's mission picture all listen to these.
 */
export type OperationRecord = {
  key: string;
  /** Who asked (role and name), when the call came through the contract; absent from the CLI. */
  caller?: Caller;
  startedMs: number;
  endedMs: number;
  /** The error's code and sentence when it threw. */
  error?: { code: string; message: string };
} & (
  | { kind: 'upload'; plan: Plan; types: PlanPart[]; result?: PlanUploadResult }
  | { kind: 'download'; types: PlanPart[]; result?: Plan }
  | { kind: 'clear'; types: PlanPart[] }
  | { kind: 'command'; params: CommandParams; result?: VehicleCommandResult }
);
/** A record before it ended (distributes over the kinds, which Omit alone would collapse). */
type OperationStart = OperationRecord extends infer R ? (R extends OperationRecord ? Omit<R, 'startedMs' | 'endedMs'> : never) : never;
export type OperationListener = (record: OperationRecord) => void;

/** At most this often per vehicle, list and direction; the first and the last count always go out. */
const PROGRESS_INTERVAL_MS = 100;

export interface VehicleOperationsOptions {
  session: LiveSession;
  clock: Clock;
  onProgress?: (e: MissionProgressEvent) => void;
  timings?: ProtocolTimings;
}

export class VehicleOperations {
  readonly protocols: VehicleProtocols;
  private readonly listeners = new Set<OperationListener>();

  constructor(private readonly opts: VehicleOperationsOptions) {
    this.protocols = new VehicleProtocols({ links: opts.session.links, fleet: opts.session.fleet, clock: opts.clock, timings: opts.timings });
  }

  /** Hear every operation once it ended (succeeded or threw). */
  onOperation(listener: OperationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  uploadPlan(p: { key: string; plan: Plan; types: readonly PlanPart[]; verify: boolean }, caller?: Caller): Promise<PlanUploadResult> {
    const types = dedupe(p.types);
    return this.tracked({ kind: 'upload', key: p.key, caller, plan: p.plan, types }, () =>
      uploadPlan(this.vehicle(p.key), p.plan, types, { verify: p.verify, onProgress: this.progressSink(p.key) }),
    );
  }

  downloadPlan(p: { key: string; types: readonly PlanPart[] }, caller?: Caller): Promise<Plan> {
    const types = dedupe(p.types);
    return this.tracked({ kind: 'download', key: p.key, caller, types }, () => downloadPlan(this.vehicle(p.key), types, this.progressSink(p.key)));
  }

  async clearPlan(p: { key: string; types: readonly PlanPart[] }, caller?: Caller): Promise<null> {
    const types = dedupe(p.types);
    await this.tracked({ kind: 'clear', key: p.key, caller, types }, () => clearParts(this.vehicle(p.key), types));
    return null;
  }

  command(p: { key: string } & CommandParams, caller?: Caller): Promise<VehicleCommandResult> {
    const { key, ...params } = p;
    return this.tracked({ kind: 'command', key, caller, params: params as CommandParams }, () => runCommand(this.vehicle(key), p, () => this.opts.clock.now()));
  }

  private async tracked<T>(base: OperationStart, run: () => Promise<T>): Promise<T> {
    const startedMs = this.opts.clock.now();
    const notify = (extra: object): void => {
      const record = { ...base, ...extra, startedMs, endedMs: this.opts.clock.now() } as OperationRecord;
      for (const l of this.listeners) {
        try {
          l(record);
        } catch (err) {
          process.emitWarning(`operation listener failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    };
    try {
      const result = await run();
      notify(base.kind === 'clear' ? {} : { result });
      return result;
    } catch (err) {
      const code = err instanceof ContractError ? err.code : 'error';
      const message = err instanceof ContractError ? err.userMessage.en : err instanceof Error ? err.message : String(err);
      notify({ error: { code, message } });
      throw err;
    }
  }

  close(): void {
    this.protocols.dispose();
  }

  private vehicle(key: string): VehicleProtocol {
    const vp = this.protocols.get(key);
    if (!vp) {
      const heard = this.opts.session.fleet.all().map((v) => v.key);
      const list = heard.length ? heard.join(', ') : 'none';
      throw new ContractError('no_such_vehicle', msg(`No vehicle ${key} has been heard (vehicles: ${list}).`, `未收到飞行器 ${key} 的信号（现有飞行器：${heard.length ? list : '无'}）。`));
    }
    if (vp.vehicle.snap.linkLost) {
      throw new ContractError(
        'vehicle_link_lost',
        msg(`Vehicle ${key} is not heard right now (no heartbeat for 3 s). Check the link, then try again.`, `当前收不到飞行器 ${key}（3 秒无心跳）。请检查链路后重试。`),
      );
    }
    return vp;
  }

  private progressSink(key: string): ProgressSink | undefined {
    const emit = this.opts.onProgress;
    if (!emit) return undefined;
    const last = new Map<string, number>();
    return (p) => {
      const id = `${p.type}/${p.direction}`;
      const now = this.opts.clock.now();
      const prev = last.get(id);
      if (prev !== undefined && p.done !== 0 && p.done !== p.total && now - prev < PROGRESS_INTERVAL_MS) return;
      last.set(id, now);
      emit({ key, ...p });
    };
  }
}

function dedupe(parts: readonly PlanPart[]): PlanPart[] {
  return [...new Set(parts)];
}
