// What every mission-protocol exchange (upload, download, clear, set-current) shares: one listener on
// the port, one timer, a retry counter, and exactly one way out (resolve or reject, then clean up).
// Subclasses only say what to send, what a message means, and what to do when the timer fires.
import type { Message } from '../mavlink';
import type { Clock, ProtocolIds, ProtocolPort, TimerHandle } from './port';
import { addressedTo, num } from './port';
import { cancelledError, type MissionTransferError } from './mission-errors';

/** QGC's PlanManager values. */
export interface MissionTiming {
  /** Waiting for MISSION_COUNT, the next MISSION_REQUEST, or a MISSION_ACK. */
  ackTimeoutMs: number;
  /** Waiting for an item we asked for during a download: short, because we drive that side. */
  itemTimeoutMs: number;
  /** Re-sends before giving up; reset whenever the vehicle shows it is still talking to us. */
  maxRetries: number;
}

export const QGC_TIMING: MissionTiming = { ackTimeoutMs: 1500, itemTimeoutMs: 250, maxRetries: 5 };

export interface ExchangeContext {
  port: ProtocolPort;
  clock: Clock;
  ids: ProtocolIds;
  missionType: number;
  timing: MissionTiming;
  onProgress?: (done: number, total: number) => void;
}

export abstract class MissionExchange<T> {
  protected retries = 0;
  private timer: TimerHandle | undefined;
  private unsubscribe: (() => void) | undefined;
  private settle: { resolve: (v: T) => void; reject: (e: MissionTransferError) => void } | undefined;
  private done = false;
  /** Messages that were for another mission type or another ground station: ignored, counted. */
  ignored = 0;

  constructor(protected readonly ctx: ExchangeContext) {}

  run(): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.settle = { resolve, reject };
      this.unsubscribe = this.ctx.port.onMessage((m) => {
        if (!this.done) this.receive(m);
      });
      this.begin();
    });
  }

  /** Stop now: tells the vehicle (MISSION_ACK OPERATION_CANCELLED) when the exchange has a vehicle side. */
  cancel(): void {
    if (this.done) return;
    this.onCancel();
    this.fail(cancelledError(this.ctx.missionType));
  }

  protected abstract begin(): void;
  protected abstract handle(m: Message): void;
  protected abstract onTimeout(): void;
  protected onCancel(): void {}

  private receive(m: Message): void {
    if (!addressedTo(m.fields, this.ctx.ids.ownSystem, this.ctx.ids.ownComponent)) {
      this.ignored++;
      return;
    }
    // MISSION_CURRENT has no mission_type; every other mission message does (0 when absent = MISSION).
    if (m.name.startsWith('MISSION_') && m.name !== 'MISSION_CURRENT' && num(m.fields, 'mission_type') !== this.ctx.missionType) {
      this.ignored++;
      return;
    }
    this.handle(m);
  }

  protected send(name: string, fields: Record<string, number>): void {
    this.ctx.port.send(name, {
      target_system: this.ctx.ids.targetSystem,
      target_component: this.ctx.ids.targetComponent,
      ...fields,
    });
  }

  protected arm(ms: number): void {
    this.disarm();
    this.timer = this.ctx.clock.setTimeout(() => {
      this.timer = undefined;
      if (!this.done) this.onTimeout();
    }, ms);
  }

  private disarm(): void {
    if (this.timer !== undefined) this.ctx.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Count a retry; true when we are out of them. */
  protected exhausted(): boolean {
    this.retries++;
    return this.retries > this.ctx.timing.maxRetries;
  }

  protected succeed(value: T): void {
    if (this.done) return;
    this.finish();
    this.settle?.resolve(value);
  }

  protected fail(err: MissionTransferError): void {
    if (this.done) return;
    this.finish();
    this.settle?.reject(err);
  }

  private finish(): void {
    this.done = true;
    this.disarm();
    this.unsubscribe?.();
  }
}
