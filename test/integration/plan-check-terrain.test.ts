// `gcs plan-check --terrain FOLDER`: the same checks as the Plan view, with the ground from a folder
// of tiles like the station's terrain/ (here a GeoTIFF ridge made in the test): heights above the
// ground, and the leg that cuts into the ridge between two items that are both fine.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { destinationPoint } from '../../shared/geo/bearing';
import { writeQgcPlan } from '../../shared/plan/qgc-plan';
import { emptyPlan, type MissionItem } from '../../shared/plan/types';
import { runGcs } from '../support/gcs-cli';
import { writeGeoTiff } from '../support/geotiff';

const home = { lat: 46.0726, lon: 122.0933, altMslM: 280 };
const M_PER_DEG_LON = 111_320 * Math.cos((home.lat * Math.PI) / 180);
const ridge = (lon: number): number => 280 + 220 * Math.exp(-((((lon - home.lon) * M_PER_DEG_LON - 700) / 120) ** 2));
const wp = (command: number, eastM: number, z: number): MissionItem => {
  const p = destinationPoint(home, 90, eastM);
  return { frame: 3, command, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: p.lat, y: p.lon, z };
};

const dir = mkdtempSync(join(tmpdir(), 'plan-check-terrain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gcs plan-check --terrain', () => {
  it('measures above the ground and finds the leg into the ridge', async () => {
    mkdirSync(join(dir, 'terrain'));
    const west = 122.06;
    writeFileSync(join(dir, 'terrain', 'ridge.tif'), writeGeoTiff({ width: 451, height: 301, west, north: 46.1, stepDeg: 0.0002, kind: 'f32', pointRegistered: true, heightAt: (_r, c) => ridge(west + c * 0.0002) }));
    const plan = emptyPlan();
    plan.mission.plannedHome = home;
    plan.mission.items = [wp(22, 0, 40), wp(16, 300, 60), wp(16, 1200, 90), wp(21, 1500, 0)];
    writeFileSync(join(dir, 'ridge.plan'), writeQgcPlan(plan));

    const withGround = await runGcs(['plan-check', join(dir, 'ridge.plan'), '--terrain', join(dir, 'terrain'), '--json']);
    expect(withGround.code).toBe(1);
    const issues = JSON.parse(withGround.stdout) as Array<{ rule: string; itemIndex?: number; message: { en: string } }>;
    expect(issues.find((i) => i.rule === 'leg_below_ground')).toMatchObject({ itemIndex: 2 });
    expect(issues.some((i) => i.rule === 'ceiling_above_home')).toBe(false);

    // Without the tiles the same plan has no error: the check can only measure above home, and says so.
    const blind = await runGcs(['plan-check', join(dir, 'ridge.plan')]);
    expect(blind.code).toBe(0);
    expect(blind.stdout).toMatch(/ceiling_above_home/);
    const empty = await runGcs(['plan-check', join(dir, 'ridge.plan'), '--terrain', join(dir, 'nowhere')]);
    expect(empty.stderr).toMatch(/no terrain tiles in .*nowhere; heights are measured above home/);
  }, 60_000);
});
