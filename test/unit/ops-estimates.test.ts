import { describe, expect, it } from 'vitest';
import { FlightEstimates, timeLeftS } from '../../electron/core/ops/estimates';
import { durationText } from '../../renderer/views/fly/ops/OpsInstruments';
import type { VehicleSnapshot } from '../../shared/contract/types';

describe('flight estimates', () => {
  it('battery time left from the recent drain rate; unknown until 20 s of samples or when not draining', () => {
    // 1 % per 10 s from 80 %: at 70 % after 100 s, 700 s left.
    const drain = Array.from({ length: 11 }, (_, i) => ({ tMs: i * 10_000, pct: 80 - i }));
    expect(timeLeftS(drain)).toBe(700);
    expect(timeLeftS(drain.slice(0, 2))).toBeNull();
    expect(timeLeftS([{ tMs: 0, pct: 50 }, { tMs: 10_000, pct: 50 }, { tMs: 30_000, pct: 50 }])).toBeNull();
  });

  it('flight time counts from arming and resets on disarm', () => {
    const est = new FlightEstimates();
    const v = { key: '1:1', armed: false, batteryPct: 90, linkLost: false } as VehicleSnapshot;
    expect(est.update([v], 1000)[0].armedSinceMs).toBeNull();
    expect(est.update([{ ...v, armed: true }], 2000)[0].armedSinceMs).toBe(2000);
    expect(est.update([{ ...v, armed: true }], 9000)[0].armedSinceMs).toBe(2000);
    expect(est.update([v], 10_000)[0].armedSinceMs).toBeNull();
  });

  it('formats durations as a crew reads them', () => {
    expect(durationText(65)).toBe('01:05');
    expect(durationText(3725)).toBe('1:02:05');
    expect(durationText(null)).toBeNull();
  });
});
