// A clock that only moves when told to: protocol engines and the vehicle side run on it in tests
// (and in fast-forwarded simulations), so every timeout and retry is reproducible.
import type { Clock, TimerHandle } from './port';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

export class FakeClock implements Clock {
  private t: number;
  private nextId = 1;
  private timers: Timer[] = [];

  constructor(startMs = 0) {
    this.t = startMs;
  }

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, at: this.t + Math.max(0, ms), fn };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  get pending(): number {
    return this.timers.length;
  }

  /** Run due timers in time order (ties in creation order) up to now + ms. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const next = this.earliest();
      if (!next || next.at > end) break;
      this.t = next.at;
      this.timers = this.timers.filter((t) => t !== next);
      next.fn();
    }
    this.t = end;
  }

  /** Jump to the next timer and run it; false when none is pending. */
  step(): boolean {
    const next = this.earliest();
    if (!next) return false;
    this.advance(next.at - this.t);
    return true;
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) if (!best || t.at < best.at || (t.at === best.at && t.id < best.id)) best = t;
    return best;
  }
}

/**
 * Drive the fake clock until the promise settles (promise callbacks get a turn after each timer).
 * Throws when no timer is left and the promise is still pending: an engine that would hang forever.
 */
export async function runUntilSettled<T>(clock: FakeClock, promise: Promise<T>, maxSteps = 5_000_000): Promise<T> {
  let settled = false;
  const tracked = promise.finally(() => {
    settled = true;
  });
  tracked.catch(() => undefined);
  for (let i = 0; i < maxSteps; i++) {
    await flushMicrotasks();
    if (settled) return tracked;
    if (!clock.step()) {
      await flushMicrotasks();
      if (settled) return tracked;
      throw new Error('deadlock: promise pending with no timers left');
    }
  }
  throw new Error('runUntilSettled: step limit reached');
}

async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
