// Every reader of untrusted input (the station's MAVLink receive path with signing, .plan, WPL,
// KML/KMZ, GeoJSON, airspace zone files), fed mutated real files and random bytes with a fixed seed: never an exception
// other than a clear bilingual refusal, never a hang. `npm run fuzz` runs the same targets for longer.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzTarget, fuzzTargets, mutateBytes, prng } from '../support/fuzz-targets';

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
      if (t.name === 'mavlink-pipeline' || t.name === 'wpl') expect(report.ok, `${t.name} read`).toBeGreaterThan(0);
    });
  }

  it('inputs reproduce from seed and case', () => {
    const base = new TextEncoder().encode('{"a": [1, 2, 3]}');
    const a = mutateBytes(base, prng(5), [base]);
    const b = mutateBytes(base, prng(5), [base]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
