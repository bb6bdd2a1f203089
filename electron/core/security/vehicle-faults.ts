// Tells the pilot when a vehicle does something a pilot must know about at once, and in what state it
// left the vehicle: its link lost in the middle of an upload (the vehicle may hold half a mission), a
// reboot (uptime back to zero: disarmed, mode reset, in the air or not), or a vehicle coming back under
// another system id (the old one falls silent and a new one appears on the same link).
import type { VehicleFault } from '../../../shared/contract/areas/security';
import { msg } from '../../../shared/contract/errors';
import type { VehicleSnapshot } from '../../../shared/contract/types';
import type { Clock, TimerHandle } from '../protocol/port';
import type { OperationRecord } from '../station-parts/vehicle-operations';
import type { Fleet, Vehicle } from '../vehicle';

/** A new vehicle this soon after another fell silent on the same link (or the other way round) is the same one. */
export const SYSID_CHANGE_WINDOW_MS = 15_000;
const REMEMBER_MS = 1000;
const MAX_FAULTS = 50;

interface Before {
  mode: string;
  armed: boolean;
  missionCurrent: number | null;
  altRelM: number | null;
}

export class VehicleFaultWatcher {
  private readonly before = new Map<string, Before>();
  private readonly silentSince = new Map<string, number>();
  private readonly addedAt = new Map<string, number>();
  private readonly faults: VehicleFault[] = [];
  /** Failed uploads whose vehicle may still turn out to have lost its link (LINK_LOST_MS after the last heartbeat). */
  private readonly failedUploads = new Map<string, { record: OperationRecord & { kind: 'upload' }; untilMs: number }>();
  private timer: TimerHandle | null = null;
  private unlisten: (() => void) | null = null;

  constructor(
    private readonly fleet: Fleet,
    private readonly clock: Clock,
    private readonly emit: (f: VehicleFault) => void,
  ) {}

  start(): void {
    this.unlisten = this.fleet.listen({
      rebooted: (v) => this.rebooted(v),
      linkLost: (v) => this.linkLost(v),
      linkRecovered: (v) => this.silentSince.delete(v.key),
      vehicleAdded: (v) => this.added(v),
    });
    // What each vehicle was doing a moment ago: the state a reboot interrupted.
    const tick = () => {
      for (const v of this.fleet.all()) if (!v.snap.linkLost) this.before.set(v.key, pick(v.snap));
      for (const [key, f] of this.failedUploads) if (this.clock.now() > f.untilMs) this.failedUploads.delete(key);
      this.timer = this.clock.setTimeout(tick, REMEMBER_MS);
    };
    tick();
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.unlisten?.();
  }

  /** Most recent first. */
  list(): VehicleFault[] {
    return [...this.faults].reverse();
  }

  /**
   * An upload that failed: was the link lost under it? Often the upload gives up before the link is
   * declared lost (3 s without a heartbeat), so a failed upload waits a few seconds for that verdict.
   */
  operationEnded(r: OperationRecord): void {
    if (r.kind !== 'upload' || !r.error) return;
    const v = this.fleet.get(r.key);
    if (v?.snap.linkLost) return this.uploadLinkLost(r);
    this.failedUploads.set(r.key, { record: r, untilMs: this.clock.now() + 5000 });
  }

  private uploadLinkLost(r: OperationRecord & { kind: 'upload' }): void {
    if (!r.error) return;
    const parts = r.types.join('+');
    this.push({
      kind: 'link_lost_during_upload',
      key: r.key,
      previousKey: null,
      message: msg(
        `Link to vehicle ${r.key} lost during the ${parts} upload (${r.error.message}).`,
        `上传${partsZh(r.types)}时与飞行器 ${r.key} 的链路中断（${r.error.message}）。`,
      ),
      state: msg(
        `The vehicle may now hold a partial ${parts} or its previous one. Do not start the mission: when the link is back, upload again or download to check.`,
        `飞行器上现在可能是不完整的${partsZh(r.types)}或原有的任务。请勿开始任务：链路恢复后请重新上传，或下载核对。`,
      ),
    });
  }

  /** Frames claiming to be vehicle `key` fail their signature: someone may be spoofing it. Once a minute at most. */
  signatureRejected(key: string): void {
    const now = this.clock.now();
    const last = [...this.faults].reverse().find((f) => f.kind === 'signature_rejected' && f.key === key);
    if (last && now - last.atMs < 60_000) return;
    const known = this.fleet.get(key);
    this.push({
      kind: 'signature_rejected',
      key,
      previousKey: null,
      message: msg(
        `Frames claiming to be vehicle ${key} failed their signature check (wrong key, a replay or a forgery) and were dropped.`,
        `自称飞行器 ${key} 的数据帧未通过签名校验（密钥错误、重放或伪造），已丢弃。`,
      ),
      state: known
        ? msg(
            `Its correctly signed frames are still accepted. If this continues, someone may be imitating it: check the key and the radio.`,
            `其正确签名的数据帧仍被接受。如持续出现，可能有人冒充该飞行器：请检查密钥和电台。`,
          )
        : msg(
            `Nothing from it has been accepted yet: if this is your aircraft, its key differs from the station's. Set the same key on both.`,
            `尚未接受它的任何数据：如果这是你的飞行器，它的密钥与本站不同。请在两边设置相同的密钥。`,
          ),
    });
  }

  private rebooted(v: Vehicle): void {
    const was = this.before.get(v.key);
    const s = v.snap;
    const wasText = was ? `${was.armed ? 'armed' : 'disarmed'}, ${was.mode || '?'}${was.missionCurrent !== null ? `, mission item ${was.missionCurrent}` : ''}${was.altRelM !== null ? `, ${was.altRelM.toFixed(0)} m above home` : ''}` : 'unknown';
    const wasZh = was ? `${was.armed ? '已解锁' : '未解锁'}，${was.mode || '?'}${was.missionCurrent !== null ? `，任务第 ${was.missionCurrent} 项` : ''}${was.altRelM !== null ? `，离家点高度 ${was.altRelM.toFixed(0)} 米` : ''}` : '未知';
    this.push({
      kind: 'rebooted',
      key: v.key,
      previousKey: null,
      message: msg(`Vehicle ${v.key} rebooted (its uptime went back to zero). Before: ${wasText}.`, `飞行器 ${v.key} 已重启（运行时间归零）。重启前：${wasZh}。`),
      state: msg(
        `Now ${s.armed ? 'armed' : 'disarmed'}, mode ${s.mode || '?'}. A running mission has stopped; check its mission and mode before flying on.`,
        `现在${s.armed ? '已解锁' : '未解锁'}，模式 ${s.mode || '?'}。正在执行的任务已中止；继续飞行前请检查任务和模式。`,
      ),
    });
  }

  private linkLost(v: Vehicle): void {
    const now = this.clock.now();
    const failed = this.failedUploads.get(v.key);
    if (failed) {
      this.failedUploads.delete(v.key);
      if (now <= failed.untilMs) this.uploadLinkLost(failed.record);
    }
    this.silentSince.set(v.key, now);
    // A vehicle that appeared just before on the same link may be this one under a new id.
    for (const [key, at] of this.addedAt) {
      const n = this.fleet.get(key);
      if (n && n.key !== v.key && now - at < SYSID_CHANGE_WINDOW_MS && sameAircraft(v, n)) return this.sysidChanged(v, n);
    }
  }

  private added(v: Vehicle): void {
    const now = this.clock.now();
    this.addedAt.set(v.key, now);
    for (const old of this.fleet.all()) {
      if (old.key === v.key || !sameAircraft(old, v)) continue;
      const since = this.silentSince.get(old.key);
      const silentMs = now - old.snap.lastHeartbeatMs;
      if ((since !== undefined && now - since < SYSID_CHANGE_WINDOW_MS) || (silentMs > 1500 && silentMs < SYSID_CHANGE_WINDOW_MS)) return this.sysidChanged(old, v);
    }
  }

  private sysidChanged(old: Vehicle, now: Vehicle): void {
    if (this.faults.some((f) => f.kind === 'sysid_changed' && f.key === now.key && f.previousKey === old.key)) return;
    this.push({
      kind: 'sysid_changed',
      key: now.key,
      previousKey: old.key,
      message: msg(
        `Vehicle ${old.key} fell silent and vehicle ${now.key} appeared on the same link: it looks like the same aircraft under a new system id.`,
        `飞行器 ${old.key} 失去信号，同一链路上出现了飞行器 ${now.key}：很可能是同一架飞机换了系统编号。`,
      ),
      state: msg(
        `Commands, plans and signing keys for ${old.key} do not reach ${now.key}. It is ${now.snap.armed ? 'armed' : 'disarmed'}, mode ${now.snap.mode || '?'}. Confirm which aircraft it is before commanding it.`,
        `发给 ${old.key} 的指令、任务和签名密钥不会作用于 ${now.key}。它现在${now.snap.armed ? '已解锁' : '未解锁'}，模式 ${now.snap.mode || '?'}。请先确认是哪架飞机再发指令。`,
      ),
    });
  }

  private push(f: Omit<VehicleFault, 'atMs' | 'id'>): void {
    const fault: VehicleFault = { ...f, id: (this.faults[this.faults.length - 1]?.id ?? 0) + 1, atMs: this.clock.now() };
    this.faults.push(fault);
    if (this.faults.length > MAX_FAULTS) this.faults.shift();
    this.emit(fault);
  }
}

function pick(s: Readonly<VehicleSnapshot>): Before {
  return { mode: s.mode, armed: s.armed, missionCurrent: s.missionCurrent, altRelM: s.altRelM };
}

function sameAircraft(a: Vehicle, b: Vehicle): boolean {
  const sa = a.snap;
  const sb = b.snap;
  return sa.compid === sb.compid && sa.autopilot === sb.autopilot && sa.mavType === sb.mavType && sa.linkIds[0] !== undefined && sb.linkIds.includes(sa.linkIds[0]);
}

function partsZh(types: readonly string[]): string {
  const zh: Record<string, string> = { mission: '航线', fence: '围栏', rally: '集结点' };
  return types.map((t) => zh[t] ?? t).join('+');
}
