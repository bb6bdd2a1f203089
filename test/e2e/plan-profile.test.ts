// The Plan view's altitude profile in Chromium against a station whose terrain folder holds a GeoTIFF
// made in the test: a ridge across the route. The strip must draw the ground, give each item its
// height above that ground (the station's own numbers), show the leg into the ridge in red, and say
// so plainly when the route is where the station has no terrain.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroundStation } from '../../electron/core/station';
import { destinationPoint } from '../../shared/geo/bearing';
import { writeQgcPlan } from '../../shared/plan/qgc-plan';
import { emptyPlan, type MissionItem } from '../../shared/plan/types';
import { writeGeoTiff } from '../support/geotiff';
import { openUiStation, SHOTS, type UiPage } from '../support/ui-station';

const observer = { role: 'observer' as const, name: 'test' };
const home = { lat: 46.0726, lon: 122.0933, altMslM: 280 };
const east = (m: number, from: { lat: number; lon: number } = home) => destinationPoint(from, 90, m);
const M_PER_DEG_LON = 111_320 * Math.cos((home.lat * Math.PI) / 180);

/** 280 m grassland with a north-south ridge 700 m east of home, 220 m high. */
const groundAt = (lon: number): number => 280 + 220 * Math.exp(-((((lon - home.lon) * M_PER_DEG_LON - 700) / 120) ** 2));

function item(command: number, frame: number, eastM: number, z: number, origin = home): MissionItem {
  const p = east(eastM, origin);
  return { frame, command, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: p.lat, y: p.lon, z };
}

function planText(items: MissionItem[], at = home): string {
  const plan = emptyPlan();
  plan.mission.plannedHome = at;
  plan.mission.items = items;
  return writeQgcPlan(plan);
}

describe('altitude profile in the Plan view', () => {
  let ui: UiPage;
  let station: GroundStation;
  let page: Page;
  let dataDir = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'plan-profile-'));
    mkdirSync(join(dataDir, 'terrain'));
    const west = 122.06;
    const north = 46.1;
    const stepDeg = 0.0002;
    writeFileSync(
      join(dataDir, 'terrain', 'ulanhot-ridge.tif'),
      writeGeoTiff({ width: 451, height: 301, west, north, stepDeg, kind: 'f32', pointRegistered: true, heightAt: (_r, c) => groundAt(west + c * stepDeg) }),
    );
    ui = await openUiStation({ dataDir });
    ({ station, page } = ui);
    await page.getByTestId('view-tab-plan').click();
    await page.getByTestId('plan-view').waitFor();
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('draws the ground under the route and each item at its height above it', async () => {
    const items = [
      item(22, 3, 0, 40), // takeoff, 40 m above home
      item(16, 3, 300, 60),
      item(16, 3, 1200, 90), // the climb from 60 to 90 m above home cuts through the ridge
      item(16, 10, 1500, 50), // terrain frame: 50 m above the ground
      item(16, 0, 1800, 420), // 420 m AMSL: 140 m above the 280 m ground, over the ceiling
      item(21, 3, 2000, 0),
    ];
    // A control zone from 580 to 880 m AMSL over the fourth item: drawn as a band above the route.
    await station.mapsAddZone({ name: 'CTR', kind: 'restricted', shape: { type: 'circle', center: east(1500), radiusM: 200 }, floorMslM: 580, ceilingMslM: 880 }, { role: 'pilot', name: 'test' });
    const path = join(dataDir, 'ridge.plan');
    writeFileSync(path, planText(items));
    await page.getByTestId('plan-open').setInputFiles(path);
    const strip = page.getByTestId('altitude-profile');
    await expect.poll(() => strip.getAttribute('data-mode'), { timeout: 15_000 }).toBe('terrain');
    // Closed at first, so it does not cover the map where the pilot edits; its one line still warns.
    expect(await page.getByTestId('profile-svg').count()).toBe(0);
    expect((await page.getByTestId('profile-summary').textContent()) ?? '').toMatch(/Below the ground at/);
    await page.screenshot({ path: join(SHOTS, 'plan-profile-closed.png') });
    await page.getByTestId('profile-toggle').click();
    await expect.poll(() => page.getByTestId('profile-item').count()).toBe(items.length);

    // Each item's height above ground is the station's own ground height under it.
    const { heightsMslM } = await station.mapsGroundHeight({ points: items.map((i) => ({ lat: i.x, lon: i.y })) }, observer);
    const amsl = [320, 340, 370, null, 420, 280];
    const shown = await page.getByTestId('profile-item').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-agl'))));
    shown.forEach((agl, k) => {
      const expected = amsl[k] === null ? 50 : amsl[k]! - heightsMslM[k]!;
      expect(agl).toBeCloseTo(expected, 0);
    });
    expect(shown[0]).toBeCloseTo(40, 0);
    expect(shown[4]).toBeCloseTo(140, 0);

    expect(await page.getByTestId('profile-ground').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    await expect.poll(() => page.getByTestId('profile-zone').count()).toBe(1);
    expect(await page.getByTestId('profile-zone').textContent()).toMatch(/CTR: 580 to 880 m AMSL/);
    expect(await page.getByTestId('profile-violation').count()).toBeGreaterThanOrEqual(2);
    const summary = (await page.getByTestId('profile-summary').textContent()) ?? '';
    expect(summary).toMatch(/Below the ground at 0\.\d+–0\.\d+ km/);
    expect(summary).toMatch(/Over the 120 m ceiling/);
    // The checks list says it too, on the item the leg flies to.
    expect((await page.getByTestId('plan-issues').textContent()) ?? '').toMatch(/The leg to this item goes \d+ m below the ground at 0\.\d+–0\.\d+ km/);
    const svgText = (await page.getByTestId('profile-svg').textContent()) ?? '';
    expect(svgText).toMatch(/m AMSL/);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'plan-profile-terrain.png') });

    // The pointer reads the clearance anywhere on a leg: over the ridge the route is under the ground.
    const svgBox = (await page.getByTestId('profile-svg').boundingBox())!;
    await page.mouse.move(svgBox.x + 52 + (700 / 2000) * (svgBox.width - 66), svgBox.y + 60);
    await expect.poll(async () => (await page.getByTestId('profile-cursor').textContent().catch(() => '')) ?? '').toMatch(/^0\.\d\d km · 35\d m AMSL · ground (4|5)\d\d m · -1\d\d m above ground$/);
    await page.screenshot({ path: join(SHOTS, 'plan-profile-cursor.png') });
    await page.mouse.move(svgBox.x + 5, svgBox.y - 40);

    // Clicking an item in the strip selects it, as clicking a check does.
    await page.getByTestId('profile-item').nth(2).click();
    await expect.poll(() => page.getByTestId('profile-item').nth(2).getAttribute('class')).toMatch(/selected/);

    // Collapsing keeps the title and the summary; opening again draws it again, and it stays open
    // across a reload (the pilot's choice is remembered).
    await page.getByTestId('profile-toggle').click();
    expect(await page.getByTestId('profile-svg').count()).toBe(0);
    await page.getByTestId('profile-toggle').click();
    await page.getByTestId('profile-svg').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('policeGcs.altitudeProfileOpen'))).toBe('1');
  }, 60_000);

  it('says when there is no terrain and draws heights above home', async () => {
    const far = { lat: 30.5, lon: 114.3, altMslM: 25 };
    const path = join(dataDir, 'far.plan');
    writeFileSync(path, planText([item(22, 3, 0, 30, far), item(16, 3, 400, 80, far), item(16, 0, 800, 175, far)], far));
    await page.getByTestId('plan-open').setInputFiles(path);
    const strip = page.getByTestId('altitude-profile');
    await expect.poll(() => strip.getAttribute('data-mode'), { timeout: 15_000 }).toBe('home');
    expect(await page.getByTestId('profile-no-terrain').textContent()).toMatch(/No terrain data here/);
    const shown = await page.getByTestId('profile-item').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-agl'))));
    expect(shown).toEqual([30, 80, 150]);
    expect(await page.getByTestId('profile-ground').count()).toBe(0);
    expect((await page.getByTestId('profile-svg').textContent()) ?? '').toMatch(/m above home/);
    await page.screenshot({ path: join(SHOTS, 'plan-profile-no-terrain.png') });
    // The same strip in Chinese, back on the ridge.
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('plan-open').setInputFiles(join(dataDir, 'ridge.plan'));
    await expect.poll(() => strip.getAttribute('data-mode'), { timeout: 15_000 }).toBe('terrain');
    expect(await page.getByTestId('profile-summary').textContent()).toMatch(/低于地面：0\.\d+–0\.\d+ 公里/);
    await page.screenshot({ path: join(SHOTS, 'plan-profile-zh.png') });
    await page.getByTestId('lang-switch').click();
  }, 60_000);
});
