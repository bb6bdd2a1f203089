// COMMAND_LONG / COMMAND_INT with COMMAND_ACK: the one way the station asks a vehicle to do something.
//
// - ACKs are matched by command id (MAVLink has no per-request id) and, when the ACK carries target
//   ids, by ours: another ground station's ACK for the same command is not ours.
// - Two commands with the same id are therefore never in flight together: the second waits for the
//   first to finish. Different commands run side by side.
// - Retries re-send the same command; COMMAND_LONG's `confirmation` counts them (0 first, 1, 2 ...)
//   so the vehicle can tell a retry from a new request. COMMAND_INT has no such field.
// - MAV_RESULT_IN_PROGRESS means "started": we stop re-sending (that would start it again) and wait
//   for the final ACK, reporting progress; silence after that ends as timed_out.
import type { Message } from '../mavlink';
import { addressedTo, num, type Clock, type ProtocolIds, type ProtocolPort, type TimerHandle } from './port';
import { cancelledLocallyResult, resultFromAck, timedOutResult, type CommandResult } from './command-result';

const IN_PROGRESS = 5;

export interface CommandTiming {
  timeoutMs: number;
  maxTries: number;
  /** After an IN_PROGRESS, how long without another ACK before we call it timed out. */
  inProgressTimeoutMs: number;
}

export const DEFAULT_COMMAND_TIMING: CommandTiming = { timeoutMs: 1500, maxTries: 3, inProgressTimeoutMs: 10_000 };

export interface CommandIntArgs {
  /** MAV_FRAME; global frames carry x/y as degE7. */
  frame: number;
  param1?: number;
  param2?: number;
  param3?: number;
  param4?: number;
  /** Latitude in degrees (global frames). */
  latDeg: number;
  /** Longitude in degrees (global frames). */
  lonDeg: number;
  /** Altitude in metres (in `frame`'s reference). */
  altM: number;
}

export interface CommandOptions {
  onProgress?: (progressPct: number | undefined) => void;
  timing?: Partial<CommandTiming>;
}

interface Pending {
  command: number;
  message: 'COMMAND_LONG' | 'COMMAND_INT';
  fields: Record<string, number>;
  tries: number;
  inProgress: boolean;
  progressPct?: number;
  timing: CommandTiming;
  timer?: TimerHandle;
  opts: CommandOptions;
  resolve: (r: CommandResult) => void;
}

export class CommandEngine {
  private readonly pending = new Map<number, Pending>();
  /** Per command id, the tail of the queue of callers waiting for that id to be free. */
  private readonly queues = new Map<number, Promise<unknown>>();
  private readonly unsubscribe: () => void;
  private readonly timing: CommandTiming;

  constructor(
    private readonly port: ProtocolPort,
    private readonly clock: Clock,
    private readonly ids: ProtocolIds,
    timing: Partial<CommandTiming> = {},
  ) {
    this.timing = { ...DEFAULT_COMMAND_TIMING, ...timing };
    this.unsubscribe = port.onMessage((m) => this.onMessage(m));
  }

  /** COMMAND_LONG with up to seven params (missing ones are 0). */
  sendLong(command: number, params: readonly number[] = [], opts: CommandOptions = {}): Promise<CommandResult> {
    const fields: Record<string, number> = { command, confirmation: 0 };
    for (let i = 0; i < 7; i++) fields[`param${i + 1}`] = params[i] ?? 0;
    return this.enqueue(command, 'COMMAND_LONG', fields, opts);
  }

  /** COMMAND_INT: positions travel as degE7 integers, so no float32 rounding of lat/lon (~1 m). */
  sendInt(command: number, args: CommandIntArgs, opts: CommandOptions = {}): Promise<CommandResult> {
    const fields: Record<string, number> = {
      command,
      frame: args.frame,
      current: 0,
      autocontinue: 0,
      param1: args.param1 ?? 0,
      param2: args.param2 ?? 0,
      param3: args.param3 ?? 0,
      param4: args.param4 ?? 0,
      x: Math.round(args.latDeg * 1e7),
      y: Math.round(args.lonDeg * 1e7),
      z: args.altM,
    };
    return this.enqueue(command, 'COMMAND_INT', fields, opts);
  }

  /** Stop waiting for every command: each resolves as cancelled. For vehicle removal / shutdown. */
  dispose(): void {
    this.unsubscribe();
    for (const p of [...this.pending.values()]) this.finish(p, cancelledLocallyResult(p.command, p.tries));
  }

  private enqueue(command: number, message: Pending['message'], fields: Record<string, number>, opts: CommandOptions): Promise<CommandResult> {
    const previous = this.queues.get(command) ?? Promise.resolve();
    const run = previous.then(() => this.start(command, message, fields, opts));
    const tail = run.catch(() => undefined);
    this.queues.set(command, tail);
    void tail.then(() => {
      if (this.queues.get(command) === tail) this.queues.delete(command);
    });
    return run;
  }

  private start(command: number, message: Pending['message'], fields: Record<string, number>, opts: CommandOptions): Promise<CommandResult> {
    return new Promise((resolve) => {
      const p: Pending = { command, message, fields, tries: 0, inProgress: false, timing: { ...this.timing, ...opts.timing }, opts, resolve };
      this.pending.set(command, p);
      this.transmit(p);
    });
  }

  private transmit(p: Pending): void {
    p.tries++;
    if (p.message === 'COMMAND_LONG') p.fields.confirmation = Math.min(p.tries - 1, 255);
    this.port.send(p.message, { target_system: this.ids.targetSystem, target_component: this.ids.targetComponent, ...p.fields });
    this.arm(p, p.timing.timeoutMs);
  }

  private arm(p: Pending, ms: number): void {
    if (p.timer !== undefined) this.clock.clearTimeout(p.timer);
    p.timer = this.clock.setTimeout(() => this.onTimeout(p), ms);
  }

  private onTimeout(p: Pending): void {
    p.timer = undefined;
    if (this.pending.get(p.command) !== p) return;
    if (!p.inProgress && p.tries < p.timing.maxTries) {
      this.transmit(p);
      return;
    }
    this.finish(p, timedOutResult(p.command, p.tries, p.inProgress, p.progressPct));
  }

  private onMessage(m: Message): void {
    if (m.name !== 'COMMAND_ACK') return;
    if (!addressedTo(m.fields, this.ids.ownSystem, this.ids.ownComponent)) return;
    const p = this.pending.get(num(m.fields, 'command'));
    if (!p) return;
    const result = num(m.fields, 'result');
    const progress = num(m.fields, 'progress');
    if (result === IN_PROGRESS) {
      p.inProgress = true;
      // 255 is the spec's "progress unknown".
      p.progressPct = progress <= 100 ? progress : p.progressPct;
      p.opts.onProgress?.(progress <= 100 ? progress : undefined);
      this.arm(p, p.timing.inProgressTimeoutMs);
      return;
    }
    this.finish(p, resultFromAck(p.command, result, p.tries, { progressPct: p.progressPct, resultParam2: num(m.fields, 'result_param2') }));
  }

  private finish(p: Pending, result: CommandResult): void {
    if (p.timer !== undefined) this.clock.clearTimeout(p.timer);
    p.timer = undefined;
    if (this.pending.get(p.command) === p) this.pending.delete(p.command);
    p.resolve(result);
  }
}
