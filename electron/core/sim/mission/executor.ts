// AUTO: flies the stored mission item by item, as ArduCopter's AP_Mission + ModeAuto do. Item 0 is
// home and never flown; the executor walks forward from item 1, running DO items as it passes them
// (DO_JUMP here, the rest in do-commands.ts) and starting each NAV item (nav-commands.ts). When the
// walk runs off the end the mission is complete and the vehicle holds where it is, unless the last
// NAV item landed it. Time only moves through update(dtS), called by the vehicle while in AUTO.
import { common } from 'mavlink-mappings';
import type { GeoPoint } from '../geo';
import { stoppingPoint } from '../navigation';
import type { NavState } from '../state';
import { isNavCommand, MAV_CMD } from './item-location';
import { DO_COMMANDS } from './do-commands';
import { NAV_COMMANDS, type NavContext, type RunningNav } from './nav-commands';

/** What the vehicle gives the executor; `arrived` is the executor's own. */
export type ExecutorVehicle = Omit<NavContext, 'arrived'>;
import type { VehicleMissionStore } from './vehicle-mission-store';

const { MavSeverity, MissionState } = common;

/**
 * idle: not started since boot or since the mission changed; active: flying an item; paused:
 * DO_PAUSE_CONTINUE holds it; interrupted: AUTO was left mid-mission (re-entering resumes, as with
 * MIS_RESTART = 0); complete: ran off the end.
 */
export type MissionRunState = 'idle' | 'active' | 'paused' | 'interrupted' | 'complete';

export interface ExecutorEvents {
  /** MISSION_CURRENT's seq or mission_state changed. */
  currentChanged(): void;
  /** A NAV item completed (MISSION_ITEM_REACHED). */
  itemReached(seq: number): void;
  text(severity: number, text: string): void;
}

const FIRST_ITEM = 1; // AP_MISSION_FIRST_REAL_COMMAND: 0 is home
const TAKEOFF_SEARCH_ITEMS = 16; // AP_Mission::starts_with_takeoff_cmd looks this far
const MAX_JUMPS_PER_WALK = 64; // a DO_JUMP loop without a NAV item must not hang the vehicle

export class MissionExecutor {
  private run: MissionRunState = 'idle';
  /** The NAV item flown (or to resume); MISSION_CURRENT.seq. */
  private navSeq = 0;
  private nav: RunningNav | null = null;
  /** MISSION_ITEM_REACHED already sent for the current item (on arrival, before its hold ended). */
  private reachedSent = false;
  private readonly navCtx: NavContext;
  private navBeforePause: NavState | null = null;
  /** Times each DO_JUMP (by its seq) has jumped since the mission (re)started. */
  private readonly jumpsDone = new Map<number, number>();
  /** DO_SET_ROI_LOCATION's point: the nose turns to it while the mission runs. */
  roi: GeoPoint | null = null;

  constructor(
    private readonly store: VehicleMissionStore,
    private readonly ctx: ExecutorVehicle,
    private readonly events: ExecutorEvents,
  ) {
    this.navCtx = { ...ctx, arrived: () => this.announceReached() };
  }

  get runState(): MissionRunState {
    return this.run;
  }

  /** MISSION_CURRENT.mission_state. */
  get missionState(): number {
    if (this.store.count(0) <= FIRST_ITEM) return MissionState.NO_MISSION;
    switch (this.run) {
      case 'active':
        return MissionState.ACTIVE;
      case 'paused':
      case 'interrupted':
        return MissionState.PAUSED;
      case 'complete':
        return MissionState.COMPLETE;
      default:
        return MissionState.NOT_STARTED;
    }
  }

  /** Why AUTO may not be entered now (ModeAuto::init), or null when it may. */
  refusal(armed: boolean, landed: boolean): { severity: number; text: string } | null {
    if (this.store.count(0) <= FIRST_ITEM) return { severity: MavSeverity.WARNING, text: 'Mode change to AUTO failed: init failed' };
    if (armed && landed && !this.startsWithTakeoff()) return { severity: MavSeverity.CRITICAL, text: 'Auto: Missing Takeoff Cmd' };
    return null;
  }

  /** Entering AUTO or MISSION_START: ArduPilot's start_or_resume(). */
  start(): void {
    if (this.run === 'active' || this.run === 'paused') return;
    if (this.run === 'interrupted') {
      this.advanceFrom(this.navSeq);
      return;
    }
    const from = this.run === 'idle' && this.navSeq >= FIRST_ITEM ? this.navSeq : FIRST_ITEM;
    this.jumpsDone.clear();
    this.roi = null;
    this.advanceFrom(from);
  }

  /** Leaving AUTO: the mission keeps its place for a later resume. The vehicle reports the change. */
  stop(): void {
    if (this.run === 'active' || this.run === 'paused') this.run = 'interrupted';
    this.nav = null;
    this.navBeforePause = null;
    this.roi = null;
  }

  /** MAV_CMD_DO_PAUSE_CONTINUE param1 = 0: brake and hold, the item's clock stopped. */
  pause(): boolean {
    const s = this.ctx.state;
    if (this.run !== 'active' || s.landed) return false;
    this.navBeforePause = s.nav;
    s.nav = { kind: 'hold', target: stoppingPoint(s, this.ctx.params) };
    this.setRun('paused');
    return true;
  }

  /** param1 = 1: carry on with the same item. */
  resume(): boolean {
    if (this.run !== 'paused' || !this.navBeforePause) return false;
    this.ctx.state.nav = this.navBeforePause;
    this.navBeforePause = null;
    this.setRun('active');
    return true;
  }

  /** MISSION_SET_CURRENT / DO_SET_MISSION_CURRENT: fly `seq` now if running, else start there later. */
  setCurrent(seq: number, inAuto: boolean): boolean {
    if (!Number.isInteger(seq) || seq < 0 || seq >= this.store.count(0)) return false;
    const target = Math.max(FIRST_ITEM, seq);
    if (inAuto && (this.run === 'active' || this.run === 'paused')) {
      this.navBeforePause = null;
      this.advanceFrom(target);
      return true;
    }
    if (this.run === 'complete') this.jumpsDone.clear();
    this.navSeq = target;
    this.store.currentSeq = seq; // report what was asked (a GCS waits for that seq); 0 starts at 1
    if (this.run !== 'idle') this.run = 'interrupted';
    this.events.currentChanged();
    return true;
  }

  /** The stored mission was replaced or cleared (an upload finished). */
  missionChanged(): void {
    this.jumpsDone.clear();
    const running = this.run === 'active' || this.run === 'paused';
    if (!running) {
      this.run = 'idle';
      this.navSeq = 0;
      this.nav = null;
      this.events.currentChanged();
      return;
    }
    // ArduPilot re-starts the item it was flying from the new list when that item still exists.
    this.navBeforePause = null;
    if (this.navSeq < this.store.count(0)) this.advanceFrom(this.navSeq);
    else this.finish();
  }

  /** One step in AUTO. */
  update(dtS: number): void {
    if (this.run !== 'active' || !this.nav) return;
    if (!this.nav.update(dtS)) return;
    this.announceReached();
    // Landed and disarmed by the item (LAND, RTL): nothing more can fly.
    if (!this.ctx.state.armed) this.finish();
    else this.advanceFrom(this.navSeq + 1);
  }

  private startsWithTakeoff(): boolean {
    const items = this.store.raw(0);
    const from = this.run === 'interrupted' || (this.run === 'idle' && this.navSeq >= FIRST_ITEM) ? this.navSeq : FIRST_ITEM;
    for (let i = from; i < items.length && i < from + TAKEOFF_SEARCH_ITEMS; i++) {
      const command = items[i].command;
      if (command === MAV_CMD.NAV_TAKEOFF) return true;
      if (command === MAV_CMD.NAV_DELAY || !isNavCommand(command)) continue;
      return false;
    }
    return false;
  }

  /** Walk from item `seq`: run DO items, follow DO_JUMPs, start the first NAV item found. */
  private advanceFrom(seq: number): void {
    const items = this.store.raw(0);
    let i = seq;
    let jumps = 0;
    while (i < items.length) {
      const item = items[i];
      if (item.command === MAV_CMD.DO_JUMP) {
        const next = this.jump(i, item.param1, item.param2, items.length);
        if (next !== i + 1 && ++jumps > MAX_JUMPS_PER_WALK) {
          this.events.text(MavSeverity.WARNING, 'Mission: DO_JUMP loop without a NAV item');
          break;
        }
        i = next;
        continue;
      }
      if (isNavCommand(item.command)) {
        const starter = NAV_COMMANDS[item.command];
        if (starter) {
          this.navSeq = i;
          this.store.currentSeq = i;
          this.reachedSent = false;
          this.nav = starter(this.navCtx, item);
          this.setRun('active', true);
          return;
        }
        this.events.text(MavSeverity.WARNING, `Mission: skipping unsupported command ${item.command}`);
      } else {
        DO_COMMANDS[item.command]?.({ state: this.ctx.state, setRoi: (p) => (this.roi = p) }, item);
      }
      i++;
    }
    this.finish();
  }

  /** Where a DO_JUMP sends the walk: its target while repeats remain (-1: forever), else onwards. */
  private jump(seq: number, targetParam: number, repeatParam: number, count: number): number {
    const target = Math.trunc(targetParam);
    const repeats = Math.trunc(repeatParam);
    if (!(target >= FIRST_ITEM && target < count)) return seq + 1;
    const done = this.jumpsDone.get(seq) ?? 0;
    if (repeats >= 0 && done >= repeats) return seq + 1;
    this.jumpsDone.set(seq, done + 1);
    return target;
  }

  private announceReached(): void {
    if (this.reachedSent) return;
    this.reachedSent = true;
    this.events.text(MavSeverity.INFO, `Reached command #${this.navSeq}`);
    this.events.itemReached(this.navSeq);
  }

  /**
   * Off the end: hold (ArduCopter's loiter) unless the last item put it on the ground. A waypoint
   * counts as reached 2 m out; ArduCopter's last leg stops exactly on the point, so hold there.
   */
  private finish(): void {
    const s = this.ctx.state;
    this.nav = null;
    this.navBeforePause = null;
    if (!s.landed) s.nav = { kind: 'hold', target: s.nav.kind === 'goto' ? { ...s.nav.target } : stoppingPoint(s, this.ctx.params) };
    this.setRun('complete');
  }

  private setRun(run: MissionRunState, force = false): void {
    if (this.run === run && !force) return;
    this.run = run;
    this.events.currentChanged();
  }
}
