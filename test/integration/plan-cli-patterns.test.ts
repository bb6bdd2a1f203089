// `gcs plan-pattern` and `gcs plan-check` as a user runs them, and the generated plan uploaded to the
// simulator's process and read back (the vehicle holds exactly the items the pattern made).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQgcPlan } from '../../shared/plan';
import { readPlanFile } from '../../shared/planning';
import { runGcs, startTcpSim } from '../support/gcs-cli';

describe('gcs plan-pattern / plan-check / upload', () => {
  let sim: ChildProcess;
  let link = '';
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gcs-plan-patterns-'));
    const started = await startTcpSim(['--speedup', '5']);
    sim = started.child;
    link = `tcp:127.0.0.1:${started.tcpPort}`;
  }, 30_000);

  afterAll(() => {
    sim?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('builds a plan from two patterns, checks it, uploads it and the vehicle holds the same items', async () => {
    const home = { lat: -35.363262, lon: 149.165237 };
    const search = join(dir, 'search.json');
    const d = 0.002;
    writeFileSync(search, JSON.stringify({
      kind: 'parallelTrack', altM: 50, holes: [], spacing: { mode: 'direct', spacingM: 40 },
      polygon: [{ lat: home.lat, lon: home.lon }, { lat: home.lat, lon: home.lon + d }, { lat: home.lat + d, lon: home.lon + d }, { lat: home.lat + d, lon: home.lon + d / 2 }, { lat: home.lat + d, lon: home.lon }],
    }));
    const square = join(dir, 'square.json');
    writeFileSync(square, JSON.stringify({ kind: 'expandingSquare', altM: 40, datum: home, firstLegDeg: 0, spacingM: 50, legs: 6, speedMps: 5 }));
    const out = join(dir, 'out.plan');
    const a = await runGcs(['plan-pattern', search, '--out', out, '--home', `${home.lat},${home.lon},584`]);
    expect(a.code, a.stderr).toBe(0);
    const b = await runGcs(['plan-pattern', square, '--into', out, '--out', out, '--json']);
    expect(b.code, b.stderr).toBe(0);
    const summary = JSON.parse(b.stdout) as { items: number; totalItems: number };
    expect(summary.items).toBe(8);
    const file = readPlanFile(readFileSync(out, 'utf8'));
    expect(file.patterns.map((p) => p.spec.kind)).toEqual(['parallelTrack', 'expandingSquare']);
    expect(file.plan.mission.items).toHaveLength(summary.totalItems);

    const ok = await runGcs(['plan-check', out, '--json']);
    expect(ok.code, ok.stdout).toBe(0);
    const low = await runGcs(['plan-check', out, '--ceiling', '45']);
    expect(low.code).toBe(1);
    expect(low.stdout).toMatch(/ceiling: 50 m above home/);

    const up = await runGcs(['upload', out, '--link', link, '--ack-timeout', '300']);
    expect(up.stdout).toMatch(/uploaded and verified/);
    expect(up.code, up.stderr).toBe(0);
    const back = join(dir, 'back.plan');
    const down = await runGcs(['download', '--link', link, '--out', back]);
    expect(down.code, down.stderr).toBe(0);
    expect(parseQgcPlan(readFileSync(back, 'utf8')).mission.items.map((i) => i.command)).toEqual(file.plan.mission.items.map((i) => i.command));
  }, 90_000);

  it('rejects a bad pattern and an unreadable plan with exit 2 and a readable line', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ kind: 'sectorSearch', altM: 40, datum: { lat: 95, lon: 0 }, firstLegDeg: 0, radiusM: 100, passes: 1 }));
    const r = await runGcs(['plan-pattern', bad, '--out', join(dir, 'x.plan')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/datum\.lat/);
    writeFileSync(join(dir, 'junk.plan'), 'not json');
    const c = await runGcs(['plan-check', join(dir, 'junk.plan')]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/not valid JSON/);
  });
});
