import { describe, expect, it } from 'vitest';
import { AlertBook, ONE_OFF_ACTIVE_MS } from '../../electron/core/ops/alerts';
import { vehicleConditions } from '../../electron/core/ops/vehicle-alerts';
import { MissionPictures } from '../../electron/core/ops/mission-pictures';
import type { OpsAlert } from '../../shared/contract/ops-types';
import type { VehicleSnapshot } from '../../shared/contract/types';
import { emptyPlan } from '../../shared/plan';

function snap(over: Partial<VehicleSnapshot>): VehicleSnapshot {
  return {
    key: '1:1', sysid: 1, compid: 1, autopilot: 'ardupilot', type: 'multirotor', mavType: 2, mode: 'AUTO', customMode: 3, baseMode: 0, armed: true, systemStatus: 4,
    lat: 46, lon: 122, altMslM: 380, altRelM: 100, headingDeg: 0, rollDeg: 0, pitchDeg: 0, groundSpeedMps: 5, airSpeedMps: 5, climbMps: 0, throttlePct: 50,
    batteryV: 15, batteryA: 10, batteryPct: 80, gpsFix: 3, satellites: 12, hdop: 0.8, home: null, missionCurrent: 1, missionCount: 5, lastStatusText: null,
    linkQualityPct: 100, linkLost: false, lastHeartbeatMs: 0, linkIds: ['l1'], updatedMs: 0, ...over,
  };
}
const facts = { hadFix: true, fenceBreached: false };
const kinds = (v: VehicleSnapshot, f = facts) => vehicleConditions(v, f, 'UAV1').map((c) => c.spec.kind);

describe('vehicle alert conditions', () => {
  it('battery: nothing above 30 %, warning at 30 %, critical (only) at 15 %', () => {
    expect(kinds(snap({ batteryPct: 31 }))).toEqual([]);
    expect(kinds(snap({ batteryPct: 30 }))).toEqual(['batteryLow']);
    expect(kinds(snap({ batteryPct: 15 }))).toEqual(['batteryCritical']);
  });
  it('GPS lost only after a fix was had; fence breach; link lost hides stale battery', () => {
    expect(kinds(snap({ gpsFix: 1 }))).toEqual(['gpsLost']);
    expect(kinds(snap({ gpsFix: 1 }), { hadFix: false, fenceBreached: false })).toEqual([]);
    expect(kinds(snap({}), { hadFix: true, fenceBreached: true })).toEqual(['fenceBreach']);
    expect(kinds(snap({ linkLost: true, batteryPct: 5 }))).toEqual(['linkLost']);
  });
  it('speaks both languages', () => {
    const [c] = vehicleConditions(snap({ batteryPct: 10 }), facts, 'UAV1');
    expect(c.spec.message).toEqual({ en: 'UAV1: battery critical, 10 percent', zh: 'UAV1：电量严重不足，10%' });
  });
});

describe('AlertBook', () => {
  it('raises a condition once, clears it when it ends, keeps the list', () => {
    const seen: OpsAlert[] = [];
    const book = new AlertBook((a) => seen.push(a));
    const spec = { kind: 'linkLost' as const, severity: 'critical' as const, subject: '1:1', message: { en: 'x', zh: 'x' } };
    expect(book.raise('veh:1:1:link', spec, 1)).toBe(true);
    expect(book.raise('veh:1:1:link', spec, 2)).toBe(false);
    book.reconcile('veh:', new Set(['veh:1:1:link']), 3);
    expect(book.isActive('veh:1:1:link')).toBe(true);
    book.reconcile('veh:', new Set(), 4);
    expect(seen.map((a) => a.active)).toEqual([true, false]);
    expect(book.all()).toHaveLength(1);
    expect(book.raise('veh:1:1:link', spec, 5)).toBe(true);
    expect(book.all()).toHaveLength(2);
  });
  it('one-off events each alert, and go inactive after a while', () => {
    const book = new AlertBook(() => undefined);
    const spec = { kind: 'statustext' as const, severity: 'warning' as const, subject: '1:1', message: { en: 'EKF variance', zh: 'EKF variance' } };
    book.event(spec, 0);
    book.event(spec, 10);
    expect(book.all().filter((a) => a.active)).toHaveLength(2);
    book.expireOneOffs(ONE_OFF_ACTIVE_MS);
    expect(book.all().filter((a) => a.active)).toHaveLength(1);
  });
});

describe('MissionPictures', () => {
  it('keeps each vehicle\'s uploaded route with ArduPilot sequence numbers, and clears it', () => {
    const pics = new MissionPictures();
    const plan = emptyPlan();
    plan.mission.items = [16, 16].map((command, i) => ({ frame: 3, command, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: 46 + i / 100, y: 122, z: 50 }));
    const up = pics.apply({ kind: 'upload', key: '1:1', plan, types: ['mission'], startedMs: 0, endedMs: 1 }, 1, 5);
    expect(up?.points.map((p) => p.seq)).toEqual([1, 2]);
    expect(pics.apply({ kind: 'upload', key: '1:1', plan, types: ['mission'], startedMs: 0, endedMs: 1, error: { code: 'x', message: 'x' } }, 1, 6)).toBeNull();
    const cleared = pics.apply({ kind: 'clear', key: '1:1', types: ['mission'], startedMs: 0, endedMs: 1 }, 1, 7);
    expect(cleared?.points).toEqual([]);
  });
});
