import { describe, expect, it } from 'vitest';
import type { TimelineMark } from '../../shared/contract/flight-types';
import { replayFlightTimeS } from '../../renderer/views/replay/replayFlightTime';

const m = (tMs: number, kind: TimelineMark['kind'], vehicleKey: string | null = '1:1'): TimelineMark => ({ tMs, kind, vehicleKey, label: '' });

describe('flight time in a replay', () => {
  const marks = [m(1000, 'arm'), m(5000, 'mode'), m(61_000, 'disarm'), m(70_000, 'arm', '2:1'), m(90_000, 'arm')];
  it('counts from the last arming before the moment, per vehicle', () => {
    expect(replayFlightTimeS(marks, '1:1', 500)).toBeNull();
    expect(replayFlightTimeS(marks, '1:1', 31_000)).toBe(30);
    expect(replayFlightTimeS(marks, '1:1', 65_000)).toBeNull();
    expect(replayFlightTimeS(marks, '2:1', 80_000)).toBe(10);
    expect(replayFlightTimeS(marks, '1:1', 100_000)).toBe(10);
  });
});
