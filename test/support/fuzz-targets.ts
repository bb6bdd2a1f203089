// Fuzz targets shared by the CI-sized test (test/unit/security-fuzz.test.ts, fixed seed) and the long
// run (`npm run fuzz`, scripts/fuzz.ts): every reader of untrusted input (the tlog reader's target is
// in fuzz-tlog.ts, the GeoTIFF terrain reader's in fuzz-terrain.ts), fed mutations of real files
// (test/fixtures) and random bytes. A target returns 'ok' or 'refused'; anything it throws is a bug.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { importZones } from '../../shared/airspace/import';
import { ContractError } from '../../shared/contract/errors';
import { parseGeoJson, parseKmlOrKmz, parseQgcPlan, parseWplPlan, PlanFileError, writeMissionGeoJson } from '../../shared/plan';
import { decodeFrame, Framer } from '../../electron/core/mavlink';
import { keyFromPassphrase } from '../../electron/core/mavlink/signing';
import { FakeClock } from '../../electron/core/protocol/fake-clock';
import { seededRandom } from '../../electron/core/protocol/lossy-link';
import { Fleet } from '../../electron/core/vehicle';
import { SigningGuard } from '../../electron/core/security/signing-guard';
import { terrainGeoTiff, terrainSeeds } from './fuzz-terrain';
import { tlogReader, tlogSeeds } from './fuzz-tlog';

export type Outcome = 'ok' | 'refused';

export interface FuzzTarget {
  name: string;
  /** Real inputs the mutations start from. */
  seeds: Uint8Array[];
  /** Damage particular to the format, applied after the generic mutations. */
  mutate?(input: Uint8Array, rand: () => number): Uint8Array;
  run(input: Uint8Array): Outcome;
}

/** Deterministic PRNG (mulberry32): a seed and a case number reproduce an input exactly. */
export const prng = seededRandom;

const TOKENS = ['<', '>', '</', '"', "'", '{', '}', '[', ']', ':', ',', '\n', '\t', '-', 'NaN', 'Infinity', '1e308', '-0', '0x10', '&amp;', '<![CDATA[', '\u0000', '\uFFFF', '𝄞'];

/** One to four of: truncate, flip bits, overwrite, insert a token, duplicate a slice, splice another seed, nest deeply. */
export function mutateBytes(input: Uint8Array, rand: () => number, others: readonly Uint8Array[]): Uint8Array {
  const pick = (n: number) => Math.floor(rand() * n);
  let b = input;
  for (let k = 1 + pick(4); k > 0; k--) {
    const at = pick(b.length + 1);
    switch (pick(7)) {
      case 0:
        b = b.slice(0, at);
        break;
      case 1: {
        b = b.slice();
        for (let n = 1 + pick(8); n > 0 && b.length; n--) b[pick(b.length)] ^= 1 << pick(8);
        break;
      }
      case 2: {
        b = b.slice();
        for (let n = 1 + pick(16); n > 0 && b.length; n--) b[pick(b.length)] = pick(256);
        break;
      }
      case 3:
        b = concat(b.subarray(0, at), new TextEncoder().encode(TOKENS[pick(TOKENS.length)]), b.subarray(at));
        break;
      case 4: {
        const len = pick(Math.min(4096, b.length - at) + 1);
        b = concat(b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at + len));
        break;
      }
      case 5: {
        const other = others.length ? others[pick(others.length)] : b;
        const from = pick(other.length + 1);
        b = concat(b.subarray(0, at), other.subarray(from, from + pick(2048)), b.subarray(at));
        break;
      }
      default: {
        const depth = 1 + pick(3000);
        const open = rand() < 0.5 ? '[' : '<a>';
        b = concat(b.subarray(0, at), new TextEncoder().encode(open.repeat(depth)), b.subarray(at));
      }
    }
  }
  return b;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const utf8 = new TextDecoder('utf-8');

/** A refusal must be a PlanFileError (the zone importer's: any ContractError) that a pilot can read, in both languages. */
function importer(name: string, seeds: Uint8Array[], read: (b: Uint8Array) => unknown, refusal: typeof ContractError = PlanFileError): FuzzTarget {
  return {
    name,
    seeds,
    run(input) {
      try {
        read(input);
        return 'ok';
      } catch (err) {
        if (err instanceof refusal && err.userMessage.en.length > 10 && err.userMessage.zh.length > 3) return 'refused';
        throw err;
      }
    },
  };
}

function files(dir: string): Uint8Array[] {
  return readdirSync(dir).sort().map((f) => new Uint8Array(readFileSync(join(dir, f))));
}

/**
 * The station's receive path for one link: framer, signing guard (one aircraft keyed, so signed and
 * unsigned paths both run), decoder and fleet. Memory must stay bounded whatever arrives.
 */
function mavlinkPipeline(seeds: Uint8Array[]): FuzzTarget {
  const clock = new FakeClock();
  const fleet = new Fleet({ ownSysid: 255, clock });
  const guard = new SigningGuard({ now: () => clock.now() });
  guard.setKey(1, keyFromPassphrase('fuzz key'), false);
  return {
    name: 'mavlink-pipeline',
    seeds,
    run(input) {
      const framer = new Framer();
      let refused = false;
      const onFrame = (f: Parameters<Parameters<Framer['push']>[1]>[0]) => {
        if (!guard.accept(f, 'link-1')) {
          refused = true;
          return;
        }
        try {
          const m = decodeFrame(f);
          if (m) fleet.handle(m, 'link-1');
        } catch (err) {
          // The decoder may refuse a frame with a ContractError; nothing else is acceptable.
          if (!(err instanceof ContractError)) throw err;
          refused = true;
        }
      };
      // Uneven chunks, as a serial port delivers them.
      for (let i = 0; i < input.length; ) {
        const n = 1 + ((input[i] * 7 + i) % 700);
        framer.push(input.subarray(i, i + n), onFrame);
        i += n;
      }
      framer.flush(onFrame);
      clock.advance(250);
      fleet.checkLinkLoss();
      if (framer.pendingBytes > 0) throw new Error('framer holds bytes after flush');
      return refused ? 'refused' : 'ok';
    },
  };
}

export function fuzzTargets(fixturesDir: string): FuzzTarget[] {
  const plans = files(join(fixturesDir, 'plan'));
  const kml = files(join(fixturesDir, 'kml'));
  const logs = files(join(fixturesDir, 'tlog'));
  const tlogs = logs.map((b) => b.subarray(0, 64 * 1024));
  const airspace = files(join(fixturesDir, 'airspace'));
  const geo = [new TextEncoder().encode(writeMissionGeoJson(parseQgcPlan(utf8.decode(plans[plans.length - 1]))))];
  return [
    mavlinkPipeline(tlogs),
    importer('qgc-plan', plans, (b) => parseQgcPlan(utf8.decode(b))),
    importer('wpl', files(join(fixturesDir, 'wpl')), (b) => parseWplPlan(utf8.decode(b))),
    importer('kml-kmz', kml, (b) => parseKmlOrKmz(b)),
    importer('geojson', geo, (b) => parseGeoJson(utf8.decode(b))),
    // Airspace files as published (KML, GeoJSON) and one zipped, under both kinds of name: the zone
    // importer tells them apart by their bytes, and by the name only for broken ones.
    importer('airspace-zones', [...airspace, zipSync({ 'zones/doc.kml': airspace[0]! })], (b) => importZones(b, b[0] === 0x7b ? 'z.geojson' : 'z.kmz', 'noFly', () => 280), ContractError),
    tlogReader(tlogSeeds(logs)),
    terrainGeoTiff(terrainSeeds()),
  ];
}

export interface FuzzReport {
  target: string;
  cases: number;
  ok: number;
  refused: number;
  slowestMs: number;
}

/** Runs cases of one target from a seed; throws with the case number and seed on the first bug. */
export function fuzzTarget(t: FuzzTarget, seed: number, cases: number, maxMsPerCase = 2000): FuzzReport {
  const report: FuzzReport = { target: t.name, cases: 0, ok: 0, refused: 0, slowestMs: 0 };
  for (let c = 0; c < cases; c++) {
    const rand = prng((seed ^ Math.imul(c + 1, 0x9e3779b9)) >>> 0);
    const base = t.seeds[Math.floor(rand() * t.seeds.length)];
    const input = rand() < 0.05 ? randomBytes(rand, 1 + Math.floor(rand() * 8192)) : mutated(t, base, rand);
    const t0 = performance.now();
    let outcome: Outcome;
    try {
      outcome = t.run(input);
    } catch (err) {
      const e = new Error(`fuzz ${t.name}: seed ${seed} case ${c} threw: ${err instanceof Error ? err.stack : String(err)}`);
      (e as Error & { input?: Uint8Array }).input = input;
      throw e;
    }
    const ms = performance.now() - t0;
    if (ms > maxMsPerCase) throw new Error(`fuzz ${t.name}: seed ${seed} case ${c} took ${ms.toFixed(0)} ms (a hang?)`);
    report.slowestMs = Math.max(report.slowestMs, ms);
    report.cases++;
    report[outcome]++;
  }
  return report;
}

function mutated(t: FuzzTarget, base: Uint8Array, rand: () => number): Uint8Array {
  const b = mutateBytes(base, rand, t.seeds);
  return t.mutate ? t.mutate(b, rand) : b;
}

function randomBytes(rand: () => number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = rand() < 0.05 ? 0xfd : Math.floor(rand() * 256);
  return out;
}
