// Every reader of untrusted input (the station's MAVLink receive path with signing, .plan, WPL,
// KML/KMZ, GeoJSON, airspace zone files, tlog, GeoTIFF terrain), fed mutated real files and random bytes with a fixed seed: never an exception
// other than a clear bilingual refusal, never a hang. `npm run fuzz` runs the same targets for longer.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors';
import { fuzzTarget, fuzzTargets, mutateBytes, prng } from '../support/fuzz-targets';
import { damageTlog, tlogSeeds } from '../support/fuzz-tlog';
import { openReplayBytes } from '../../electron/core/recording/replay-session';

const CASES = 250;
const SEED = 20261129;
const targets = fuzzTargets(join(__dirname, '..', 'fixtures'));

describe('fuzzing (fixed seed, CI-sized)', () => {
  for (const t of targets) {
    it(`${t.name}: ${CASES} mutated inputs, each read or refused clearly`, () => {
      const report = fuzzTarget(t, SEED, CASES);
      expect(report.cases).toBe(CASES);
      // Refusals must happen, or the mutations are too weak to mean anything. (A strict format such as
      // JSON may refuse every mutated case; tolerant ones must still read some.)
      expect(report.refused, `${t.name} refused`).toBeGreaterThan(0);
      if (t.name === 'mavlink-pipeline' || t.name === 'wpl' || t.name === 'tlog') expect(report.ok, `${t.name} read`).toBeGreaterThan(0);
    });
  }

  it('every importer issue 8 names has a target, the tlog and terrain readers included', () => {
    expect(targets.map((t) => t.name)).toEqual(expect.arrayContaining(['mavlink-pipeline', 'qgc-plan', 'wpl', 'kml-kmz', 'geojson', 'tlog', 'terrain-geotiff']));
  });

  it('tlog: real logs read, random bytes refused with a bilingual ContractError', () => {
    const tlog = targets.find((t) => t.name === 'tlog')!;
    // The middle window of the long log starts inside a record: the reader resyncs.
    expect(tlog.seeds.length).toBeGreaterThan(3);
    for (const s of tlog.seeds) expect(tlog.run(s)).toBe('ok');
    const noise = new Uint8Array(5000).map((_, i) => (i * 37) & 0x7f);
    expect(tlog.run(noise)).toBe('refused');
    const err = (() => {
      try {
        openReplayBytes(noise, 'noise.tlog', null, [], {});
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ContractError);
    expect((err as ContractError).code).toBe('tlog_empty');
    expect((err as ContractError).userMessage.zh).toMatch(/MAVLink/);
  });

  it('tlog damage keeps most of a log readable (padding, little-endian stamps, swapped blocks)', () => {
    const seed = tlogSeeds(targets.find((t) => t.name === 'tlog')!.seeds).find((s) => s.length > 10_000)!;
    const frames = openReplayBytes(seed, 'x', null, [], {}).info.frames;
    const rand = prng(7);
    for (let c = 0; c < 30; c++) {
      const info = openReplayBytes(damageTlog(seed, rand), 'x', null, [], {}).info;
      expect(info.frames).toBeGreaterThan(frames * 0.9);
    }
  });

  it('inputs reproduce from seed and case', () => {
    const base = new TextEncoder().encode('{"a": [1, 2, 3]}');
    const a = mutateBytes(base, prng(5), [base]);
    const b = mutateBytes(base, prng(5), [base]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
