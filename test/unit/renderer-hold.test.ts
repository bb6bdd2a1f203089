// The clock a hold is measured on: the events' own stamps when they are on the page's clock, else the
// moment they are handled (never a Date.now() stamp, which would make every press look endless).
import { describe, expect, it } from 'vitest';
import { eventTime } from '../../renderer/views/fly/ops/HoldButton';

describe('hold-to-confirm event time', () => {
  it('takes a browser stamp as it is', () => {
    // Half of the page's age: a valid past stamp even when the test worker started a moment ago.
    const t = performance.now() / 2;
    expect(eventTime({ timeStamp: t })).toBe(t);
  });

  it('takes the handling moment for a missing, zero or Date.now() stamp', () => {
    for (const timeStamp of [0, Number.NaN, Date.now(), -5]) {
      const before = performance.now();
      const t = eventTime({ timeStamp });
      expect(t, String(timeStamp)).toBeGreaterThanOrEqual(before);
      expect(t, String(timeStamp)).toBeLessThanOrEqual(performance.now());
    }
  });
});
