// The framer and decoder fed random and mutated real bytes: no exception, no hang, bounded memory,
// and every good frame that survives a mutation is still found. Fixed seed; CI-sized.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFrame, Framer } from '../../electron/core/mavlink';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const MAX_FRAME = 10 + 255 + 2 + 13;

describe('framer fuzzing', () => {
  it('survives 4 MB of random bytes rich in STX, never holding back more than one frame', () => {
    const rand = rng(2024);
    const framer = new Framer();
    let frames = 0;
    for (let chunk = 0; chunk < 4096; chunk++) {
      const n = 1 + Math.floor(rand() * 2048);
      const bytes = new Uint8Array(n);
      for (let i = 0; i < n; i++) bytes[i] = rand() < 0.05 ? 0xfd : rand() < 0.05 ? 0xfe : Math.floor(rand() * 256);
      framer.push(bytes, (f) => {
        frames++;
        decodeFrame(f);
      });
      expect(framer.pendingBytes).toBeLessThanOrEqual(MAX_FRAME);
    }
    framer.flush(() => frames++);
    expect(framer.stats.bytesIn).toBeGreaterThan(1_000_000);
    // Random bytes pass a CRC-16 about once in 65536 candidates: a handful at most.
    expect(frames).toBeLessThan(50);
  });

  it('mutated real logs: no exception, and most frames are still found', () => {
    const original = new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'tlog', 'flocked-tlog_data_0.tlog')));
    const clean = new Framer();
    let cleanFrames = 0;
    clean.push(original, () => cleanFrames++);
    const rand = rng(99);
    for (let trial = 0; trial < 30; trial++) {
      const bytes = original.slice();
      const flips = 1 + Math.floor(rand() * 200);
      for (let k = 0; k < flips; k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
      const framer = new Framer();
      let found = 0;
      for (let i = 0; i < bytes.length; ) {
        const n = 1 + Math.floor(rand() * 600);
        framer.push(bytes.subarray(i, i + n), (f) => {
          found++;
          decodeFrame(f);
        });
        i += n;
      }
      framer.flush(() => found++);
      // Each flipped byte can spoil at most the frame it lands in.
      expect(found).toBeGreaterThanOrEqual(cleanFrames - flips);
    }
  });
});
