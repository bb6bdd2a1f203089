// The contract's plan and command calls (uploadPlan, downloadPlan, clearPlan, command) over a live
// session: find the vehicle by key, refuse clearly when it is unknown or silent, run the protocol
// engines, and report item progress as 'missionProgress' events at a bounded rate. The station facade
// and the `gcs upload/download/clear/command` CLI both run this, so they behave the same.
import { ContractError, msg } from '../../../shared/contract/errors';
import type { MissionProgressEvent, PlanPart, PlanUploadResult, VehicleCommandResult } from '../../../shared/contract/types';
import type { Plan } from '../../../shared/plan';
import type { Clock } from '../protocol/port';
import { clearParts, downloadPlan, runCommand, uploadPlan, VehicleProtocols, type CommandParams, type ProgressSink, type ProtocolTimings, type VehicleProtocol } from '../vehicle-protocol';
import type { LiveSession } from './live-session';

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

  constructor(private readonly opts: VehicleOperationsOptions) {
    this.protocols = new VehicleProtocols({ links: opts.session.links, fleet: opts.session.fleet, clock: opts.clock, timings: opts.timings });
  }

  uploadPlan(p: { key: string; plan: Plan; types: readonly PlanPart[]; verify: boolean }): Promise<PlanUploadResult> {
    const vp = this.vehicle(p.key);
    return uploadPlan(vp, p.plan, dedupe(p.types), { verify: p.verify, onProgress: this.progressSink(p.key) });
  }

  downloadPlan(p: { key: string; types: readonly PlanPart[] }): Promise<Plan> {
    return downloadPlan(this.vehicle(p.key), dedupe(p.types), this.progressSink(p.key));
  }

  async clearPlan(p: { key: string; types: readonly PlanPart[] }): Promise<null> {
    await clearParts(this.vehicle(p.key), dedupe(p.types));
    return null;
  }

  command(p: { key: string } & CommandParams): Promise<VehicleCommandResult> {
    return runCommand(this.vehicle(p.key), p, () => this.opts.clock.now());
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
