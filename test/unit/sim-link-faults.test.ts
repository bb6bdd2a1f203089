// The simulator's bad radio: each fault at its configured rate (within binomial error), reproducible
// from the seed, and frames that survive arrive intact unless corrupted on purpose.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../electron/core/protocol/fake-clock';
import { describeFaults, LinkFaults, NO_FAULTS, type FaultOptions } from '../../electron/core/sim/link-faults';

const N = 20_000;

function frame(i: number): Uint8Array {
  const b = new Uint8Array(20);
  new DataView(b.buffer).setUint32(0, i);
  b.fill(0xaa, 4);
  return b;
}
const idOf = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset).getUint32(0);

function run(opts: Partial<FaultOptions>, seed = 1) {
  const clock = new FakeClock();
  const f = LinkFaults.seeded({ ...NO_FAULTS, ...opts }, seed, clock);
  const got: Array<{ id: number; at: number; bytes: Uint8Array }> = [];
  for (let i = 0; i < N; i++) {
    f.pass(frame(i), (bytes) => got.push({ id: idOf(bytes), at: clock.now(), bytes }));
    clock.advance(1);
  }
  clock.advance(60_000);
  return { f, got };
}

/** |observed - expected| within 4.5 standard deviations of a binomial count. */
function expectRate(count: number, trials: number, p: number): void {
  const sd = Math.sqrt(trials * p * (1 - p));
  expect(Math.abs(count - trials * p)).toBeLessThan(4.5 * sd + 1);
}

describe('sim link faults', () => {
  it('without faults every frame passes at once, unchanged and in order', () => {
    const clock = new FakeClock();
    const f = new LinkFaults(NO_FAULTS, Math.random, clock);
    const got: Uint8Array[] = [];
    for (let i = 0; i < 100; i++) f.pass(frame(i), (b) => got.push(b));
    expect(got.map(idOf)).toEqual([...Array(100).keys()]);
    expect(clock.pending).toBe(0);
  });

  it('--loss drops frames at its rate', () => {
    const { f, got } = run({ loss: 0.2 });
    expectRate(f.stats.lost, N, 0.2);
    expect(got.length).toBe(N - f.stats.lost);
  });

  it('--dup delivers copies at its rate', () => {
    const { f, got } = run({ dup: 0.1 });
    expectRate(f.stats.duplicated, N, 0.1);
    expect(got.length).toBe(N + f.stats.duplicated);
  });

  it('--corrupt flips exactly one byte of a frame at its rate', () => {
    const { f, got } = run({ corrupt: 0.05 });
    expectRate(f.stats.corrupted, N, 0.05);
    let damaged = 0;
    for (const g of got) {
      const want = frame(g.id);
      const diff = g.bytes.reduce((n, b, k) => n + (b !== want[k] ? 1 : 0), 0);
      expect(diff).toBeLessThanOrEqual(1);
      damaged += diff;
    }
    // A flip of the id bytes shows up as another id with no byte "different": count at least most.
    expect(damaged).toBeGreaterThan(f.stats.corrupted * 0.7);
  });

  it('--reorder holds a frame back until the next one has gone', () => {
    const { f, got } = run({ reorder: 0.1 });
    expectRate(f.stats.reordered, N, 0.1 * 0.9); // a frame that releases a held one is not held itself
    expect(got.length).toBe(N);
    let inversions = 0;
    for (let k = 1; k < got.length; k++) if (got[k].id < got[k - 1].id) inversions++;
    expect(inversions).toBe(f.stats.reordered);
    expect(new Set(got.map((g) => g.id)).size).toBe(N);
  });

  it('--delay and --jitter add latency within the bounds', () => {
    const clock = new FakeClock();
    const f = LinkFaults.seeded({ ...NO_FAULTS, delayMs: 40, jitterMs: 20 }, 3, clock);
    const lat: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const sent = clock.now();
      f.pass(frame(i), () => lat.push(clock.now() - sent));
      clock.advance(100);
    }
    expect(lat.length).toBe(2000);
    expect(Math.min(...lat)).toBeGreaterThanOrEqual(40);
    expect(Math.max(...lat)).toBeLessThan(60);
    expect(lat.reduce((a, b) => a + b, 0) / lat.length).toBeGreaterThan(48);
    expect(lat.reduce((a, b) => a + b, 0) / lat.length).toBeLessThan(52);
  });

  it('the same seed gives the same faults; another seed, others', () => {
    const opts = { loss: 0.1, dup: 0.05, reorder: 0.05, corrupt: 0.05 };
    const a = run(opts, 7).got.map((g) => g.id);
    const b = run(opts, 7).got.map((g) => g.id);
    const c = run(opts, 8).got.map((g) => g.id);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('describes the faults for the start line', () => {
    expect(describeFaults(NO_FAULTS, 1)).toBe('none');
    expect(describeFaults({ ...NO_FAULTS, loss: 0.2, corrupt: 0.01, delayMs: 30, jitterMs: 5 }, 9)).toBe('loss 0.2, corrupt 0.01, delay 30+0..5 ms (both directions, seed 9)');
  });
});
