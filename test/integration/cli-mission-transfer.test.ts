// `gcs upload / download / clear / command` as a user runs them: the real CLI in its own process,
// against the simulator's process (TCP, two vehicles, so --sysid matters).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQgcPlan, parseWplPlan, type MissionItem } from '../../shared/plan';
import { ROOT, runGcs, startTcpSim } from '../support/gcs-cli';

const SQUARE = join(ROOT, 'test/fixtures/plan/qgc-simple_square.plan');
const LOITER_WPL = join(ROOT, 'test/fixtures/wpl/ap-copter_loiterturns_mission.txt');

/** ArduPilot stores no NaN: an unused parameter reads back as 0. */
const stored = (v: number) => (Number.isNaN(v) ? 0 : v);

function expectSameItems(got: MissionItem[], want: MissionItem[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    const w = want[i];
    expect([g.command, g.frame], `item ${i}`).toEqual([w.command, w.frame]);
    for (const k of ['param1', 'param2', 'param3', 'param4', 'z'] as const) expect(g[k], `item ${i} ${k}`).toBeCloseTo(stored(w[k]), 4);
    expect(g.x, `item ${i} lat`).toBeCloseTo(stored(w.x), 6);
    expect(g.y, `item ${i} lon`).toBeCloseTo(stored(w.y), 6);
  });
}

describe('gcs upload / download / clear / command', () => {
  let sim: ChildProcess;
  let link = '';
  let dir = '';
  const v1 = () => ['--link', link, '--sysid', '1', '--ack-timeout', '300'];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gcs-cli-mission-'));
    const started = await startTcpSim(['--vehicles', '2', '--speedup', '5']);
    sim = started.child;
    link = `tcp:127.0.0.1:${started.tcpPort}`;
  }, 30_000);

  afterAll(() => {
    sim?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('uploads a .plan, downloads it to .plan and .waypoints, and both match the file', async () => {
    const up = await runGcs(['upload', SQUARE, ...v1()]);
    expect(up.stderr).toMatch(/mission upload: item 6 of 6/);
    expect(up.stdout).toMatch(/uploaded and verified/);
    expect(up.code).toBe(0);
    const want = parseQgcPlan(readFileSync(SQUARE, 'utf8')).mission.items;

    const outPlan = join(dir, 'back.plan');
    const d1 = await runGcs(['download', ...v1(), '--out', outPlan]);
    expect(d1.code, d1.stderr).toBe(0);
    expectSameItems(parseQgcPlan(readFileSync(outPlan, 'utf8')).mission.items, want);

    const outWpl = join(dir, 'back.waypoints');
    const d2 = await runGcs(['download', ...v1(), '--out', outWpl]);
    expect(d2.code, d2.stderr).toBe(0);
    const wpl = parseWplPlan(readFileSync(outWpl, 'utf8'));
    expect(wpl.kind).toBe('mission');
    expectSameItems(wpl.plan.mission.items, want);
  }, 40_000);

  it('uploads a WPL mission to vehicle 2 and clears it', async () => {
    const up = await runGcs(['upload', LOITER_WPL, '--link', link, '--sysid', '2']);
    expect(up.code, up.stderr).toBe(0);
    const out = join(dir, 'v2.waypoints');
    expect((await runGcs(['download', '--link', link, '--sysid', '2', '--out', out])).code).toBe(0);
    expectSameItems(parseWplPlan(readFileSync(out, 'utf8')).plan.mission.items, parseWplPlan(readFileSync(LOITER_WPL, 'utf8')).plan.mission.items);
    const clear = await runGcs(['clear', '--link', link, '--sysid', '2']);
    expect(clear.code, clear.stderr).toBe(0);
    expect((await runGcs(['download', '--link', link, '--sysid', '2', '--out', out])).code).toBe(0);
    expect(parseWplPlan(readFileSync(out, 'utf8')).plan.mission.items).toEqual([]);
  }, 40_000);

  it('commands: a refused arm says why and exits 1; an accepted mode change exits 0', async () => {
    expect((await runGcs(['command', ...v1(), 'mode', 'LAND'])).code).toBe(0);
    const arm = await runGcs(['command', ...v1(), 'arm']);
    expect(arm.code).toBe(1);
    expect(arm.stderr).toMatch(/not armable/i);
    expect(arm.stderr.trim().split('\n')).toHaveLength(1);
    const guided = await runGcs(['command', ...v1(), 'mode', 'GUIDED']);
    expect(guided.code, guided.stderr).toBe(0);
    expect(guided.stdout).toMatch(/accepted/);
  }, 30_000);

  it('several vehicles without --sysid: exit 2 naming the system ids heard', async () => {
    const r = await runGcs(['command', '--link', link, 'rtl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/system ids 1, 2.*--sysid/);
  }, 20_000);

  it('bad arguments and links exit 2 with one clear line before any transfer', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['upload', '--link', 'tcp:127.0.0.1:1'], /which file/],
      [['upload', SQUARE], /--link is required/],
      [['upload', SQUARE, '--link', link, '--type', 'waypoints'], /--type/],
      [['upload', join(dir, 'missing.plan'), '--link', link], /no such file/],
      [['upload', LOITER_WPL, '--link', link, '--type', 'fence'], /holds a mission/],
      [['download', '--link', link, '--out', join(dir, 'x.kml')], /\.plan or \.waypoints/],
      [['download', '--link', link, '--out', join(dir, 'x.waypoints'), '--type', 'all'], /one list/],
      [['command', '--link', link, 'selfdestruct'], /unknown action/],
      [['command', '--link', link, 'takeoff'], /takes 1 argument/],
      [['command', '--link', link, '--sysid', '300', 'arm'], /--sysid/],
      [['clear', '--link', 'udp:nonsense'], /port|host|udp/i],
    ];
    for (const [args, re] of cases) {
      const r = await runGcs(args);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(2);
      expect(r.stderr.split('\n')[0], args.join(' ')).toMatch(re);
    }
  }, 40_000);
});
