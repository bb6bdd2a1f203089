// One vehicle's protocol engines, bound to its link: a MissionTransfer per mission type (mission,
// fence, rally), one CommandEngine, and the rule that only ONE mission-protocol conversation runs
// with a vehicle at a time, whatever its type (MAVLink has one mission conversation per GCS/vehicle
// pair: a fence download interleaved with a mission upload would read a half-written list).
import type { Autopilot } from '../../../shared/contract/types';
import type { LinkManager } from '../links';
import type { Message } from '../mavlink';
import { CommandEngine, type CommandTiming } from '../protocol/command';
import { busyError } from '../protocol/mission-errors';
import type { MissionTiming } from '../protocol/mission-exchange';
import { MissionTransfer } from '../protocol/mission-transfer';
import type { Clock } from '../protocol/port';
import { VehicleCommands } from '../protocol/vehicle-commands';
import { num } from '../protocol/port';
import type { Vehicle } from '../vehicle';
import { MISSION_TYPE_OF, verifyFamilyOf, type PlanPart } from './item-mapping';
import { VehicleLinkPort } from './link-port';

export interface ProtocolTimings {
  mission?: Partial<MissionTiming>;
  command?: Partial<CommandTiming>;
}

export interface VehicleProtocolOptions {
  links: LinkManager;
  vehicle: Vehicle;
  clock: Clock;
  timings?: ProtocolTimings;
}

export interface HeardText {
  t: number;
  severity: number;
  text: string;
}

const TEXTS_KEPT = 20;

export class VehicleProtocol {
  readonly port: VehicleLinkPort;
  readonly commandEngine: CommandEngine;
  readonly commands: VehicleCommands;
  private readonly transfers = new Map<PlanPart, MissionTransfer>();
  private running: string | undefined;
  private readonly texts: HeardText[] = [];
  private readonly textWaiters = new Set<() => void>();
  private readonly unsubscribeTexts: () => void;

  constructor(private readonly opts: VehicleProtocolOptions) {
    const v = opts.vehicle;
    this.port = new VehicleLinkPort(opts.links, { sysid: v.sysid, compid: v.compid }, () => v.snap.linkIds[0]);
    this.commandEngine = new CommandEngine(this.port, opts.clock, this.ids, opts.timings?.command);
    this.commands = new VehicleCommands(this.commandEngine);
    this.unsubscribeTexts = this.port.onMessage((m) => this.hear(m));
  }

  get vehicle(): Vehicle {
    return this.opts.vehicle;
  }

  get autopilot(): Autopilot {
    return this.opts.vehicle.snap.autopilot;
  }

  private get ids() {
    const v = this.opts.vehicle;
    return { targetSystem: v.sysid, targetComponent: v.compid, ownSystem: this.opts.links.sysid, ownComponent: this.opts.links.compid };
  }

  /** The engine for one mission type, made on first use (the autopilot is known by then: vehicles are born from heartbeats). */
  transfer(part: PlanPart): MissionTransfer {
    let t = this.transfers.get(part);
    if (!t) {
      t = new MissionTransfer({
        port: this.port,
        clock: this.opts.clock,
        ids: this.ids,
        autopilot: verifyFamilyOf(this.autopilot),
        timing: this.opts.timings?.mission,
        commands: part === 'mission' ? this.commandEngine : undefined,
      });
      this.transfers.set(part, t);
    }
    return t;
  }

  get busy(): string | undefined {
    return this.running;
  }

  /** Run a (possibly multi-type) transfer with this vehicle alone; refused with mission_busy while another runs. */
  async exclusive<T>(what: string, part: PlanPart, fn: () => Promise<T>): Promise<T> {
    if (this.running) throw busyError(MISSION_TYPE_OF[part], this.running);
    this.running = what;
    try {
      return await fn();
    } finally {
      this.running = undefined;
    }
  }

  /** Abort whatever transfer is running; its promise rejects as cancelled. */
  cancel(): void {
    for (const t of this.transfers.values()) t.cancel();
  }

  /** STATUSTEXTs heard at or after `sinceMs` (station clock): the vehicle's own words for a refusal. */
  textsSince(sinceMs: number): HeardText[] {
    return this.texts.filter((x) => x.t >= sinceMs);
  }

  /** Resolves at the next STATUSTEXT or after ms, whichever comes first. */
  nextText(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.textWaiters.delete(done);
        this.opts.clock.clearTimeout(timer);
        resolve();
      };
      const timer = this.opts.clock.setTimeout(done, ms);
      this.textWaiters.add(done);
    });
  }

  dispose(): void {
    this.cancel();
    this.commandEngine.dispose();
    this.unsubscribeTexts();
    this.port.dispose();
    for (const w of [...this.textWaiters]) w();
  }

  private hear(m: Message): void {
    if (m.name !== 'STATUSTEXT') return;
    const raw = m.fields.text;
    const text = typeof raw === 'string' ? raw.replace(/\0+$/, '').trim() : '';
    if (!text) return;
    this.texts.push({ t: this.opts.clock.now(), severity: num(m.fields, 'severity'), text });
    if (this.texts.length > TEXTS_KEPT) this.texts.shift();
    for (const w of [...this.textWaiters]) w();
  }
}
