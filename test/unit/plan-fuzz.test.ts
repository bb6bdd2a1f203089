// Mutated real files (truncated, bytes flipped, lines deleted or repeated, junk inserted) must be read
// or refused with a PlanFileError: never another exception, never a hang. Fixed seeds: failures reproduce.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  parseGeoJson,
  parseKmlOrKmz,
  parseQgcPlan,
  parseWpl,
  parseWplPlan,
  PlanFileError,
  writeMissionGeoJson,
  writeQgcPlan,
  writeWpl,
  writeWplFence,
  writeWplMission,
  writeWplRally,
} from '../../shared/plan';

const fixtures = join(__dirname, '..', 'fixtures');
const CASES_PER_FILE = 300;
const MAX_MS_PER_CASE = 1000; // a case takes a few ms; this only catches hangs, not slow machines

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const JUNK = ['\t', ' ', '\n', '\r\n', ',', '"', '{', '}', '[', ']', '<', '>', '/', '-', '.', 'e', 'nan', 'null', '1e999', '9'.repeat(40), '\uFFFD', '\0'];

function mutate(bytes: Uint8Array, rand: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(rand() * n);
  const text = () => new TextDecoder('latin1').decode(bytes);
  const toBytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
  switch (pick(6)) {
    case 0:
      return bytes.slice(0, pick(bytes.length + 1));
    case 1: {
      const out = bytes.slice();
      for (let k = 1 + pick(4); k > 0 && out.length > 0; k--) out[pick(out.length)] ^= 1 << pick(8);
      return out;
    }
    case 2: {
      const lines = text().split('\n');
      lines.splice(pick(lines.length), 1 + pick(2));
      return toBytes(lines.join('\n'));
    }
    case 3: {
      const lines = text().split('\n');
      const i = pick(lines.length);
      lines.splice(i, 0, lines[i]);
      return toBytes(lines.join('\n'));
    }
    case 4: {
      const t = text();
      const at = pick(t.length + 1);
      return toBytes(t.slice(0, at) + JUNK[pick(JUNK.length)] + t.slice(at));
    }
    default: {
      const out = bytes.slice();
      if (out.length > 0) out[pick(out.length)] = pick(256);
      return out;
    }
  }
}

/** Reads the bytes; when the read succeeds, writing and reading again must give the same thing. */
type Reader = (bytes: Uint8Array) => void;

const utf8 = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);

const readPlan: Reader = (b) => {
  const plan = parseQgcPlan(utf8(b));
  const back = parseQgcPlan(writeQgcPlan(plan));
  expect(back.mission.items).toEqual(plan.mission.items);
  expect(back.fence).toEqual(plan.fence);
  expect(back.rally).toEqual(plan.rally);
  expect(back.complexItems).toEqual(plan.complexItems);
};

const readWpl: Reader = (b) => {
  const text = utf8(b);
  const r = parseWplPlan(text);
  const again = r.kind === 'fence' ? writeWplFence(r.plan) : r.kind === 'rally' ? writeWplRally(r.plan) : writeWplMission(r.plan);
  expect(parseWplPlan(again, { expect: r.kind }).plan).toEqual(r.plan);
  if (text.trimStart().startsWith('QGC WPL')) {
    const raw = parseWpl(text);
    expect(parseWpl(writeWpl(raw.items), { expect: raw.kind }).items).toEqual(raw.items.map((it, seq) => ({ ...it, seq })));
  }
};

const readKml: Reader = (b) => {
  parseKmlOrKmz(b);
};

const readGeoJson: Reader = (b) => {
  parseGeoJson(utf8(b));
};

function fuzz(name: string, original: Uint8Array, read: Reader, seed: number): { ok: number; refused: number } {
  const rand = rng(seed);
  let ok = 0;
  let refused = 0;
  for (let c = 0; c < CASES_PER_FILE; c++) {
    let bytes = original;
    for (let m = 1 + Math.floor(rand() * 3); m > 0; m--) bytes = mutate(bytes, rand);
    const t0 = performance.now();
    try {
      read(bytes);
      ok++;
    } catch (err) {
      if (!(err instanceof PlanFileError)) {
        throw new Error(`${name} case ${c}: ${err instanceof Error ? err.stack : String(err)}\n--- input ---\n${utf8(bytes).slice(0, 2000)}`);
      }
      expect(err.userMessage.en.length).toBeGreaterThan(10);
      expect(err.userMessage.zh.length).toBeGreaterThan(4);
      refused++;
    }
    const ms = performance.now() - t0;
    if (ms > MAX_MS_PER_CASE) throw new Error(`${name} case ${c} took ${ms.toFixed(0)} ms`);
  }
  return { ok, refused };
}

function filesIn(sub: string): Array<[string, Uint8Array]> {
  return readdirSync(join(fixtures, sub)).map((f) => [f, new Uint8Array(readFileSync(join(fixtures, sub, f)))]);
}

describe('fuzzed fixtures never throw anything but PlanFileError', () => {
  const groups: Array<[string, Reader]> = [
    ['plan', readPlan],
    ['wpl', readWpl],
    ['kml', readKml],
  ];
  for (const [sub, read] of groups) {
    for (const [name, bytes] of filesIn(sub)) {
      it(`${sub}/${name}`, () => {
        const { ok, refused } = fuzz(name, bytes, read, name.length * 7919 + bytes.length);
        expect(ok + refused).toBe(CASES_PER_FILE);
      });
    }
  }

  it('kmz built from the good KML', () => {
    const kml = readFileSync(join(fixtures, 'kml', 'qgc-PolygonGood.kml'));
    const kmz = zipSync({ 'doc.kml': new Uint8Array(kml) });
    const { refused } = fuzz('kmz', kmz, readKml, 42);
    expect(refused).toBeGreaterThan(0);
  });

  it('geojson from a mission export', () => {
    const plan = parseQgcPlan(readFileSync(join(fixtures, 'plan', 'qgc-simple_square.plan'), 'utf8'));
    fuzz('geojson', strToU8(writeMissionGeoJson(plan)), readGeoJson, 7);
  });

  it('large hostile inputs are refused quickly (no regex backtracking)', () => {
    const big = 200_000;
    const cases: Array<[string, () => unknown]> = [
      ['wpl digits', () => parseWplPlan(`QGC WPL 110\n${'1'.repeat(big)}x\t0\n`)],
      ['wpl field', () => parseWplPlan(`QGC WPL 110\n0 0 0 16 ${'9'.repeat(big)}x 0 0 0 0 0 0 1\n`)],
      ['legacy fence', () => parseWplPlan(`${'1'.repeat(big)} ${'2'.repeat(big)}x\n`)],
      ['kml blanks', () => parseKmlOrKmz(strToU8(`<kml><Placemark><Point><coordinates>1,2${' '.repeat(big)}x</coordinates></Point></Placemark></kml>`))],
      ['kml commas', () => parseKmlOrKmz(strToU8(`<kml><Placemark><LineString><coordinates>${'1,'.repeat(big)}</coordinates></LineString></Placemark></kml>`))],
      ['geojson nesting', () => parseGeoJson(`${'['.repeat(5000)}${']'.repeat(5000)}`)],
    ];
    for (const [name, run] of cases) {
      const t0 = performance.now();
      try {
        run();
      } catch (err) {
        expect(err, name).toBeInstanceOf(PlanFileError);
      }
      expect(performance.now() - t0, name).toBeLessThan(1000);
    }
  });
});
