// Every vehicle heard, by (sysid, compid). Vehicles are born from autopilot HEARTBEATs only (not from
// a GCS, a camera or our own echo), fed every later message from the same ids, and watched for
// silence: no HEARTBEAT for 3 s means the link is lost; the next one means it is back.
import type { StatusText } from '../../../shared/contract/types';
import type { Message } from '../mavlink';
import type { Clock, TimerHandle } from '../protocol/port';
import { isAutopilotHeartbeat } from './identity';
import { Vehicle, vehicleKey } from './vehicle';

export const LINK_LOST_MS = 3000;
const CHECK_INTERVAL_MS = 250;

export interface FleetListener {
  vehicleAdded?(v: Vehicle): void;
  linkLost?(v: Vehicle): void;
  linkRecovered?(v: Vehicle): void;
  rebooted?(v: Vehicle): void;
  statusText?(v: Vehicle, text: StatusText): void;
}

export interface FleetOptions {
  /** Our own system id: our echo (or another GCS using it) is never a vehicle. */
  ownSysid: number;
  clock: Clock;
  /** Link quality of the link a message arrived on. */
  qualityOf?: (linkId: string) => number | null;
  linkLostMs?: number;
  /** Only track this vehicle system id (a monitor told to watch one vehicle). */
  onlySysid?: number;
}

export class Fleet {
  private readonly vehicles = new Map<string, Vehicle>();
  private readonly listeners = new Set<FleetListener>();
  private timer: TimerHandle | null = null;
  private readonly linkLostMs: number;

  constructor(private readonly opts: FleetOptions) {
    this.linkLostMs = opts.linkLostMs ?? LINK_LOST_MS;
  }

  listen(listener: FleetListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(key: string): Vehicle | undefined {
    return this.vehicles.get(key);
  }

  all(): Vehicle[] {
    return [...this.vehicles.values()];
  }

  get size(): number {
    return this.vehicles.size;
  }

  handle(message: Message, linkId: string): void {
    if (message.sysid === this.opts.ownSysid) return;
    if (this.opts.onlySysid !== undefined && message.sysid !== this.opts.onlySysid) return;
    const key = vehicleKey(message.sysid, message.compid);
    let v = this.vehicles.get(key);
    const now = this.opts.clock.now();
    const isHeartbeat = message.name === 'HEARTBEAT';
    if (!v) {
      if (!isHeartbeat) return;
      if (!isAutopilotHeartbeat(num(message, 'autopilot'), num(message, 'type'))) return;
      v = new Vehicle(message.sysid, message.compid, now);
      this.vehicles.set(key, v);
      v.apply(message, linkId, now, this.opts.qualityOf?.(linkId) ?? null);
      this.emit((l) => l.vehicleAdded?.(v!));
      return;
    }
    // A component that shares an autopilot's ids but sends a GCS/INVALID heartbeat is not it.
    if (isHeartbeat && !isAutopilotHeartbeat(num(message, 'autopilot'), num(message, 'type'))) return;
    const result = v.apply(message, linkId, now, this.opts.qualityOf?.(linkId) ?? null);
    if (isHeartbeat && v.snap.linkLost) {
      v.setLinkLost(false, now);
      this.emit((l) => l.linkRecovered?.(v!));
    }
    if (result.rebooted) this.emit((l) => l.rebooted?.(v!));
    if (result.statusText) this.emit((l) => l.statusText?.(v!, result.statusText!));
  }

  /** Start watching for silence on the injected clock. */
  start(): void {
    if (this.timer !== null) return;
    const tick = () => {
      this.checkLinkLoss();
      this.timer = this.opts.clock.setTimeout(tick, CHECK_INTERVAL_MS);
    };
    this.timer = this.opts.clock.setTimeout(tick, CHECK_INTERVAL_MS);
  }

  stop(): void {
    if (this.timer !== null) this.opts.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  checkLinkLoss(): void {
    const now = this.opts.clock.now();
    for (const v of this.vehicles.values()) {
      if (!v.snap.linkLost && now - v.snap.lastHeartbeatMs > this.linkLostMs) {
        v.setLinkLost(true, now);
        this.emit((l) => l.linkLost?.(v));
      }
    }
  }

  private emit(fn: (l: FleetListener) => void): void {
    for (const l of this.listeners) fn(l);
  }
}

function num(m: Message, name: string): number {
  const v = m.fields[name];
  return typeof v === 'number' ? v : -1;
}
