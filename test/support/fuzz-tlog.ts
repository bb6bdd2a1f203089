// The tlog reader as a fuzz target: the same path a pilot's "open a .tlog" takes (index, scan, replay
// player, summary) fed damaged recordings. A tlog reader is meant to be tolerant: it reads what it
// can and counts the rest, so most mutated logs are read; only a log with no readable frame at all is
// refused, and then with the station's bilingual ContractError. Anything else thrown, or an index that
// breaks its own promises (times never decreasing, frames inside the buffer), is a bug.
import { ContractError } from '../../shared/contract/errors';
import { openReplayBytes } from '../../electron/core/recording/replay-session';
import { summarizeTlog } from '../../electron/core/recording/tlog-summary';
import type { TlogIndex } from '../../electron/core/recording/tlog-index';
import type { FuzzTarget, Outcome } from './fuzz-targets';

/** A window this size keeps one case at a few milliseconds while holding hundreds of records. */
export const TLOG_WINDOW = 64 * 1024;

/**
 * Seeds: the start of each real log, and for a long log a window from its middle, which starts inside
 * a record (the reader must resync, as on a log cut out of a longer one).
 */
export function tlogSeeds(logs: readonly Uint8Array[]): Uint8Array[] {
  const seeds: Uint8Array[] = [];
  for (const log of logs) {
    seeds.push(log.subarray(0, TLOG_WINDOW));
    if (log.length > 2 * TLOG_WINDOW) {
      const mid = Math.floor(log.length / 2) + 3;
      seeds.push(log.subarray(mid, mid + TLOG_WINDOW));
    }
  }
  return seeds;
}

const STX = new Set([0xfd, 0xfe]);

/**
 * Damage real recorders do, on top of the generic mutations: zero padding at the end, a timestamp
 * written little-endian, and two blocks of records swapped (timestamps out of order).
 */
export function damageTlog(input: Uint8Array, rand: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(rand() * n);
  const b = input.slice();
  switch (pick(3)) {
    case 0: {
      const out = new Uint8Array(b.length + 1 + pick(4096));
      out.set(b);
      return out;
    }
    case 1: {
      // The stamp before a frame start found from a random place on.
      for (let p = 8 + pick(Math.max(1, b.length - 8)); p < b.length; p++) {
        if (STX.has(b[p]!)) {
          b.subarray(p - 8, p).reverse();
          break;
        }
      }
      return b;
    }
    default: {
      const len = 1 + pick(2048);
      if (b.length < 2 * len) return b;
      const a = pick(b.length - 2 * len);
      const c = a + len + pick(b.length - a - 2 * len + 1);
      const first = b.slice(a, a + len);
      b.copyWithin(a, c, c + len);
      b.set(first, c);
      return b;
    }
  }
}

/** The promises the index makes to replay and seek; a broken one is a bug even if nothing threw. */
export function checkIndex(index: TlogIndex): void {
  const n = index.buf.length;
  if (index.stats.frames !== index.count) throw new Error(`stats.frames ${index.stats.frames} != count ${index.count}`);
  if (index.stats.bytesSkipped > n) throw new Error(`skipped ${index.stats.bytesSkipped} of ${n} bytes`);
  for (let k = 0; k < index.count; k++) {
    if (index.offset[k]! + index.length[k]! > n) throw new Error(`frame ${k} runs past the end`);
    if (!Number.isFinite(index.timeUs[k]!)) throw new Error(`frame ${k} has no finite time`);
    if (k > 0 && index.timeUs[k]! < index.timeUs[k - 1]!) throw new Error(`time goes back at frame ${k}`);
  }
}

export function tlogReader(seeds: Uint8Array[]): FuzzTarget {
  return {
    name: 'tlog',
    seeds,
    mutate: (input, rand) => (rand() < 0.5 ? damageTlog(input, rand) : input),
    run(input): Outcome {
      let open;
      try {
        open = openReplayBytes(input, 'fuzz.tlog', null, [], {});
      } catch (err) {
        if (err instanceof ContractError && err.userMessage.en.length > 10 && err.userMessage.zh.length > 3) return 'refused';
        throw err;
      }
      const { player } = open;
      checkIndex(player.index);
      const summary = summarizeTlog(player.index);
      if (!(summary.durationS >= 0)) throw new Error(`duration ${summary.durationS} s`);
      // Seek as a trainer clicks the timeline: ends and middle, each rebuilding the fleet.
      for (const f of [0, 0.5, 1]) player.seek(player.startMs + f * (player.endMs - player.startMs));
      player.vehicles();
      player.close();
      return 'ok';
    },
  };
}
