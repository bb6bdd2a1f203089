import { describe, expect, it } from 'vitest';
import type { LinkInfo, VehicleSnapshot } from '../../shared/contract/types';
import { backoffMs, connected, connecting, initialConnection, lost } from '../../renderer/stores/connection';
import { initialLanguage } from '../../renderer/stores/language';
import { normaliseLinks, upsertLink } from '../../renderer/stores/links';
import { autoSelect } from '../../renderer/stores/selection';
import { appendTrails, approxDistanceM } from '../../renderer/stores/trails';
import { applyStatusText, mergeVehicles, sortedVehicles } from '../../renderer/stores/vehicles';
import type { StationClient } from '../../shared/contract/client';

function snapshot(over: Partial<VehicleSnapshot> = {}): VehicleSnapshot {
  const sysid = over.sysid ?? 1;
  return {
    key: `${sysid}:1`, sysid, compid: 1, autopilot: 'ardupilot', type: 'multirotor', mavType: 2, mode: 'LOITER', customMode: 5,
    baseMode: 81, armed: false, systemStatus: 3, lat: 46.07, lon: 122.09, altMslM: 280, altRelM: 0, headingDeg: 0, rollDeg: 0,
    pitchDeg: 0, groundSpeedMps: 0, airSpeedMps: 0, climbMps: 0, throttlePct: 0, batteryV: 16, batteryA: 0, batteryPct: 100,
    gpsFix: 3, satellites: 12, hdop: 0.9, home: null, missionCurrent: null, missionCount: null, lastStatusText: null,
    linkQualityPct: 100, linkLost: false, lastHeartbeatMs: 0, linkIds: [], updatedMs: 0, ...over,
  };
}

describe('vehicles store reducers', () => {
  it('merges changed vehicles by key and keeps the others', () => {
    const a = snapshot({ sysid: 1 });
    const b = snapshot({ sysid: 2 });
    const m1 = mergeVehicles({}, [a, b]);
    const a2 = { ...a, mode: 'AUTO' };
    const m2 = mergeVehicles(m1, [a2]);
    expect(m2['1:1'].mode).toBe('AUTO');
    expect(m2['2:1']).toBe(b);
    expect(m1['1:1'].mode).toBe('LOITER'); // not mutated
  });

  it('ignores malformed entries and returns the same map when nothing valid arrived', () => {
    const m1 = mergeVehicles({}, [snapshot()]);
    expect(mergeVehicles(m1, [null, 42, { key: 3 }, {}])).toBe(m1);
  });

  it('sorts by sysid then compid', () => {
    const m = mergeVehicles({}, [snapshot({ sysid: 9 }), snapshot({ sysid: 2 }), { ...snapshot({ sysid: 2 }), key: '2:0', compid: 0 }]);
    expect(sortedVehicles(m).map((v) => v.key)).toEqual(['2:0', '2:1', '9:1']);
  });

  it('a STATUSTEXT event lands on its vehicle, older ones do not replace newer', () => {
    const m = mergeVehicles({}, [snapshot({ lastStatusText: { severity: 6, text: 'old', t: 100 } })]);
    const m2 = applyStatusText(m, { key: '1:1', sysid: 1, compid: 1, severity: 2, text: 'PreArm: GPS', t: 200 });
    expect(m2['1:1'].lastStatusText).toEqual({ severity: 2, text: 'PreArm: GPS', t: 200 });
    expect(applyStatusText(m2, { key: '1:1', sysid: 1, compid: 1, severity: 6, text: 'stale', t: 150 })).toBe(m2);
    expect(applyStatusText(m2, { key: '7:1', sysid: 7, compid: 1, severity: 6, text: 'nobody', t: 300 })).toBe(m2);
  });

  it('a later snapshot without (or with an older) message keeps the newer one', () => {
    const m = applyStatusText(mergeVehicles({}, [snapshot()]), { key: '1:1', sysid: 1, compid: 1, severity: 2, text: 'EKF variance', t: 500 });
    const m2 = mergeVehicles(m, [snapshot({ mode: 'RTL', lastStatusText: { severity: 6, text: 'older', t: 400 } })]);
    expect(m2['1:1'].mode).toBe('RTL');
    expect(m2['1:1'].lastStatusText?.text).toBe('EKF variance');
    const m3 = mergeVehicles(m2, [snapshot({ lastStatusText: { severity: 6, text: 'newer', t: 600 } })]);
    expect(m3['1:1'].lastStatusText?.text).toBe('newer');
  });
});

describe('trails', () => {
  const opts = { minStepM: 1, maxPoints: 5 };
  it('appends [lon, lat] only after a move of more than the minimum step', () => {
    const v = snapshot();
    let t = appendTrails({}, [v], opts);
    expect(t['1:1']).toEqual([[122.09, 46.07]]);
    const same = appendTrails(t, [{ ...v, lat: 46.07 + 0.000003 }], opts); // ~0.3 m
    expect(same).toBe(t);
    t = appendTrails(t, [{ ...v, lat: 46.07 + 0.00002 }], opts); // ~2.2 m
    expect(t['1:1']).toHaveLength(2);
  });

  it('caps the length, dropping the oldest points', () => {
    let t = {};
    for (let i = 0; i < 12; i++) t = appendTrails(t, [snapshot({ lat: 46 + i * 0.001 })], opts);
    const trail = (t as Record<string, Array<[number, number]>>)['1:1'];
    expect(trail).toHaveLength(5);
    expect(trail[0][1]).toBeCloseTo(46.007, 6);
    expect(trail[4][1]).toBeCloseTo(46.011, 6);
  });

  it('skips unknown or impossible positions', () => {
    expect(appendTrails({}, [snapshot({ lat: null }), snapshot({ lat: Number.NaN }), snapshot({ lat: 95 })], opts)).toEqual({});
  });

  it('measures metres roughly right', () => {
    expect(approxDistanceM([122, 46], [122, 46.001])).toBeCloseTo(111.2, 0);
    expect(approxDistanceM([122, 46], [122.001, 46])).toBeCloseTo(77.2, 0);
  });
});

describe('selection', () => {
  it('selects the first vehicle to appear and never overrides a choice', () => {
    const list = [snapshot({ sysid: 1 }), snapshot({ sysid: 2 })];
    expect(autoSelect(null, [])).toBeNull();
    expect(autoSelect(null, list)).toBe('1:1');
    expect(autoSelect('2:1', list)).toBe('2:1');
  });
});

describe('links', () => {
  const link = (id: string, state: LinkInfo['state'] = 'open'): LinkInfo => ({
    id, spec: 'udp:0.0.0.0:14550', kind: 'udp', state, error: null,
    stats: { bytesIn: 0, bytesOut: 0, framesOk: 0, crcErrors: 0, unknownIds: 0, bytesSkipped: 0, seqGaps: 0, qualityPct: null },
  });
  it('keeps only well-formed links from an event', () => {
    expect(normaliseLinks([link('a'), null, { id: 1 }])).toEqual([link('a')]);
    expect(normaliseLinks('nope')).toEqual([]);
  });
  it('upserts by id', () => {
    const l = [link('a')];
    expect(upsertLink(l, link('b')).map((x) => x.id)).toEqual(['a', 'b']);
    expect(upsertLink(l, link('a', 'error'))[0].state).toBe('error');
  });
});

describe('connection state', () => {
  const client = {} as StationClient;
  it('moves connecting -> connected -> lost, counting failures and resetting on success', () => {
    let s = connecting(initialConnection);
    s = lost(s, 1000);
    s = lost(s, 2000);
    expect(s).toMatchObject({ status: 'lost', failures: 2, retryAtMs: 2000, client: null });
    s = connected(connecting(s), client, 'server');
    expect(s).toMatchObject({ status: 'connected', failures: 0, retryAtMs: null, host: 'server' });
    expect(s.client).toBe(client);
  });
  it('backs off exponentially up to 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 20, 1e9].map(backoffMs)).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000, 10000]);
    expect(backoffMs(-3)).toBe(500);
  });
});

describe('language', () => {
  it('a saved choice wins over the browser, a bad saved value is ignored', () => {
    expect(initialLanguage('en', ['zh-CN'])).toBe('en');
    expect(initialLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(initialLanguage('klingon', ['zh-HK'])).toBe('zh-CN');
    expect(initialLanguage(null, ['en-US'])).toBe('en');
  });
});
