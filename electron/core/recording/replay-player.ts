// A replay player: a tlog's index driven through the same Fleet and reducers as live, on a clock the
// player moves. Play at 0.1x-16x, pause, step, and seek anywhere at once: a seek rebuilds the state
// from the latest message of each kind per vehicle before the moment (found by binary search in
// per-kind lists built at open), then applies the last few seconds in order, so it costs the same at
// the start of a log as at its end.
import type { ReplayState } from '../../../shared/contract/flight-types';
import type { VehicleSnapshot } from '../../../shared/contract/types';
import type { Fleet } from '../vehicle';
import { messageAt, REPLAY_LINK, ReplayClock, replayFleet } from './flight-scan';
import { recordAt, type TlogIndex } from './tlog-index';

/** Messages in this window before a seek target are applied one by one, in order. */
const SEEK_TAIL_MS = 3000;
const TICK_MS = 50;
/** HEARTBEAT first: it is what makes a vehicle exist in a fleet. */
const HEARTBEAT_ID = 0;

export interface ReplayPlayerOptions {
  /** Called with the replay's vehicles after every change (the host coalesces). */
  onVehicles?: (tMs: number, vehicles: VehicleSnapshot[], immediate: boolean) => void;
  onState?: (state: ReplayState) => void;
}

export class ReplayPlayer {
  private readonly clock = new ReplayClock();
  private fleet: Fleet;
  /** Next record to apply. */
  private cursor = 0;
  private playing = false;
  private speed = 1;
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastTickMs = 0;
  /** Record indices of each (sysid, compid, msgid), in time order. */
  private readonly byKind = new Map<number, number[]>();
  readonly startMs: number;
  readonly endMs: number;

  constructor(
    readonly index: TlogIndex,
    private readonly opts: ReplayPlayerOptions = {},
  ) {
    this.startMs = index.startUs / 1000;
    this.endMs = index.endUs / 1000;
    for (let k = 0; k < index.count; k++) {
      const kind = kindOf(index, k);
      let list = this.byKind.get(kind);
      if (!list) this.byKind.set(kind, (list = []));
      list.push(k);
    }
    this.clock.t = this.startMs;
    this.fleet = replayFleet(this.clock);
  }

  get tMs(): number {
    return this.clock.t;
  }

  state(): ReplayState {
    return { open: true, playing: this.playing, speed: this.speed, tMs: this.clock.t, startMs: this.startMs, endMs: this.endMs };
  }

  vehicles(): VehicleSnapshot[] {
    return this.fleet.all().map((v) => v.snapshot());
  }

  play(speed?: number): ReplayState {
    if (speed !== undefined) this.speed = speed;
    if (this.clock.t >= this.endMs) this.seek(this.startMs);
    if (!this.playing) {
      this.playing = true;
      this.lastTickMs = performance.now();
      this.timer = setInterval(() => this.tick(), TICK_MS);
    }
    return this.changed();
  }

  pause(speed?: number): ReplayState {
    if (speed !== undefined) this.speed = speed;
    this.stopTimer();
    this.playing = false;
    return this.changed();
  }

  /** Moves the replay to tMs (clamped to the log) at once. */
  seek(tMs: number): ReplayState {
    const t = Math.min(Math.max(tMs, this.startMs), this.endMs);
    this.clock.t = t;
    this.fleet = replayFleet(this.clock);
    const tailFrom = recordAt(this.index, (t - SEEK_TAIL_MS) * 1000);
    // The latest of each kind before the tail, oldest first, heartbeats before all else.
    const picks: number[] = [];
    for (const list of this.byKind.values()) {
      const j = lastBefore(list, tailFrom);
      if (j >= 0) picks.push(list[j]!);
    }
    picks.sort((a, b) => {
      const ha = this.index.msgid[a] === HEARTBEAT_ID ? 0 : 1;
      const hb = this.index.msgid[b] === HEARTBEAT_ID ? 0 : 1;
      return ha - hb || a - b;
    });
    for (const k of picks) this.apply(k);
    this.cursor = tailFrom;
    this.advanceTo(t);
    this.changed();
    return this.state();
  }

  step(seconds: number): ReplayState {
    return this.seek(this.clock.t + seconds * 1000);
  }

  close(): void {
    this.stopTimer();
    this.playing = false;
  }

  private tick(): void {
    const now = performance.now();
    const elapsed = now - this.lastTickMs;
    this.lastTickMs = now;
    const t = Math.min(this.endMs, this.clock.t + elapsed * this.speed);
    this.advanceTo(t);
    if (t >= this.endMs) {
      this.pause();
      return;
    }
    this.opts.onVehicles?.(t, this.vehicles(), false);
  }

  /** Applies records up to and including time t, in order. */
  private advanceTo(tMs: number): void {
    const limitUs = tMs * 1000;
    const { index } = this;
    while (this.cursor < index.count && index.timeUs[this.cursor] <= limitUs) {
      this.clock.t = index.timeUs[this.cursor] / 1000;
      this.apply(this.cursor);
      this.cursor++;
    }
    this.clock.t = tMs;
    this.fleet.checkLinkLoss();
  }

  private apply(k: number): void {
    const message = messageAt(this.index, k);
    if (!message) return;
    const t = this.clock.t;
    this.clock.t = this.index.timeUs[k] / 1000;
    this.fleet.handle(message, REPLAY_LINK);
    this.clock.t = t;
  }

  private changed(): ReplayState {
    const s = this.state();
    this.opts.onState?.(s);
    this.opts.onVehicles?.(s.tMs, this.vehicles(), true);
    return s;
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

function kindOf(index: TlogIndex, k: number): number {
  return (index.sysid[k] * 256 + index.compid[k]) * 16777216 + index.msgid[k];
}

/** Position in a sorted list of the last value below limit, or -1. */
function lastBefore(list: number[], limit: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
