// The "Done when", walked in Chromium the way a pilot new to the app would: for each kind of
// route (patrol, search, night-market overwatch) start from "New plan" on an empty map, draw the shapes,
// make the pattern, fence the route in (an inclusion polygon drawn round it, an exclusion somewhere
// sensible), add two rally points, deal with every check error, save the .plan, upload it to the
// simulator and see it verified, with the vehicle comparison saying the vehicle holds the same mission.
// Only buttons and fields a pilot can see are used. Screenshots go to test-results/plan-journey-*.png
// (one journey's upload in zh-CN) and were looked at.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startUiStation, type UiStation } from '../support/ui-station';

type Pt = [number, number];

describe('Plan journeys in Chromium: patrol, search and overwatch from an empty map to a verified upload', () => {
  let ui: UiStation;
  let page: Page;
  let dir = '';
  let box: { x: number; y: number; width: number; height: number };
  /** A screen point as an offset from the map's centre. */
  const at = (dx: number, dy: number) => ({ x: box.x + box.width / 2 + dx, y: box.y + box.height / 2 + dy });
  const tid = (id: string) => page.getByTestId(id);
  const text = async (id: string) => (await tid(id).textContent().catch(() => '')) ?? '';
  const itemCount = async () => Number(await text('plan-item-count'));

  /** The altitude profile covers the bottom of the map while open; a pilot folds it away to click there. */
  async function collapseProfile(): Promise<void> {
    const toggle = tid('profile-toggle');
    if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
  }
  async function clickMap(p: Pt): Promise<void> {
    await collapseProfile();
    await page.mouse.click(at(...p).x, at(...p).y);
  }
  async function shot(name: string): Promise<void> {
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(SHOTS, `plan-journey-${name}.png`) });
  }

  /** A toolbar tool, clicks on the map, double-click on the last corner; back to select. */
  async function draw(tool: 'drawPolygon' | 'drawLine' | 'drawPoint', pts: Pt[]): Promise<void> {
    await tid(`plan-tool-${tool}`).click();
    if (tool === 'drawPoint') await clickMap(pts[0]);
    else {
      for (const p of pts.slice(0, -1)) await clickMap(p);
      const last = at(...pts[pts.length - 1]);
      await page.mouse.dblclick(last.x, last.y);
    }
    await tid('plan-tool-select').click();
  }

  async function selectShape(id: string): Promise<void> {
    await tid('plan-tab-shapes').click();
    const b = tid(`shape-select-${id}`);
    if ((await b.getAttribute('aria-pressed')) !== 'true') await b.click();
  }

  /** Chooses the pattern for the selected shape, fills fields, waits for its stats and adds it. */
  async function makePattern(shapeId: string, kind: string, fields: Record<string, string> = {}, before?: () => Promise<void>): Promise<void> {
    await selectShape(shapeId);
    await tid('pattern-kind').selectOption(kind);
    if (before) await before();
    for (const [k, v] of Object.entries(fields)) {
      const f = tid(`pattern-field-${k}`);
      if ((await f.evaluate((e) => e.tagName)) === 'SELECT') await f.selectOption(v);
      else await f.fill(v);
    }
    await expect.poll(() => text('pattern-stats')).toMatch(/km|公里/);
    const n = await itemCount();
    await tid('pattern-submit').click();
    await expect.poll(itemCount).toBeGreaterThan(n);
    // The form stays open; a line says the pattern went in, so it is not added twice.
    await expect.poll(async () => tid('pattern-added').count()).toBe(1);
  }

  /** An inclusion fence from an area drawn round the whole route; shapes made fences leave the shape list. */
  async function fenceAround(pts: Pt[], inclusion: boolean): Promise<void> {
    await draw('drawPolygon', pts);
    await tid('plan-tab-fence').click();
    await tid(inclusion ? 'fence-from-shape-in' : 'fence-from-shape-out').click();
  }

  async function fenceCircle(centre: Pt, radiusM: number): Promise<void> {
    await tid('plan-tab-fence').click();
    await tid('fence-circle-tool').click();
    await clickMap(centre);
    await tid('fence-circle-radius').fill(String(radiusM));
    await tid('fence-circle-add').click();
    await tid('fence-circle-tool').click();
  }

  async function rally(pts: Pt[]): Promise<void> {
    await tid('plan-tab-fence').click();
    await tid('rally-tool').click();
    for (const p of pts) await clickMap(p);
    await tid('rally-tool').click();
    await expect.poll(async () => tid('rally-list').locator('li').count()).toBe(pts.length);
  }

  /** Every error the checks list, each overridden with the given reason; returns the rules seen. */
  async function overrideErrors(reason: string): Promise<string[]> {
    const rules: string[] = [];
    for (let guard = 0; guard < 100; guard++) {
      const open = page.locator('[data-testid$="-override-open"]').first();
      if ((await open.count()) === 0) break;
      const id = (await open.getAttribute('data-testid'))!.replace(/-override-open$/, '');
      rules.push((await tid(id).getAttribute('data-rule')) ?? '?');
      await open.click();
      await tid(`${id}-override-reason`).fill(reason);
      await tid(`${id}-override-confirm`).click();
    }
    console.log('overridden:', rules.join(', ') || 'none');
    return rules;
  }

  /** Ctrl+S: the .plan comes as a download; its item count is the one on screen. */
  async function save(name: string): Promise<{ mission: { items: unknown[] }; geoFence: { polygons: unknown[]; circles: unknown[] }; rallyPoints: { points: unknown[] } }> {
    const wait = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    const download = await wait;
    const path = join(dir, `${name}.plan`);
    await download.saveAs(path);
    await expect.poll(async () => tid('plan-dirty').count()).toBe(0);
    return JSON.parse(readFileSync(path, 'utf8'));
  }

  /** Upload, see "verified", the vehicle's count, and the comparison finding it the same. */
  async function uploadAndVerify(name: string, verified: RegExp, same: RegExp): Promise<void> {
    const items = await itemCount();
    const vehicle = ui.station.getVehicles()[0];
    await tid('plan-upload-vehicle').selectOption(vehicle.key);
    await expect.poll(async () => tid('plan-upload').isDisabled()).toBe(false);
    await tid('plan-upload').click();
    await expect.poll(() => text('plan-upload-result'), { timeout: 60_000 }).toMatch(verified);
    // MISSION_CURRENT.total is the last seq: with ArduPilot's home at seq 0 that is the plan's item count.
    await expect.poll(() => ui.station.getVehicles()[0].missionCount, { timeout: 30_000 }).toBe(items);
    await tid('plan-compare-button').click();
    await expect.poll(async () => tid('plan-compare-result').getAttribute('data-same').catch(() => null), { timeout: 60_000 }).toBe('true');
    expect(await text('plan-compare-summary')).toMatch(same);
    expect(await text('plan-compare-summary')).toContain(String(items));
    await shot(name);
  }

  /** New plan: asks first only if there are unsaved changes (there are none after a save). */
  async function newPlan(): Promise<void> {
    await tid('view-tab-plan').click();
    await tid('plan-new').click();
    await expect.poll(itemCount).toBe(0);
    expect(await page.locator('[data-testid^="shape-row-"]').count()).toBe(0);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-journeys-'));
    ui = await startUiStation();
    page = await ui.open();
    await tid('sim-start').click();
    await tid('vehicle-marker').first().waitFor({ state: 'attached', timeout: 30_000 });
    await tid('view-tab-plan').click();
    await tid('plan-new').click();
    await page.locator('[data-testid="map-view"][data-map-loaded="true"]').waitFor({ timeout: 20_000 });
    box = (await tid('map-view').boundingBox())!;
    // To a town block (zoom 16): the zoom button, so the scale is the same on a busy machine.
    for (let i = 0; i < 3; i++) {
      await page.locator('.maplibregl-ctrl-zoom-in').click();
      await page.waitForTimeout(700);
    }
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('patrol: home, a patrol along a street and round a building, fenced, two rally points, saved, uploaded and verified', async () => {
    await newPlan();
    // Home: the first click of "Add waypoints" on a plan without one.
    await tid('plan-tool-addWaypoint').click();
    await clickMap([-300, 200]);
    await expect.poll(() => text('pe-notice')).toMatch(/Planned home/);
    await tid('plan-tool-select').click();
    expect(await itemCount()).toBe(0);
    // A street: patrol along it and back, twice.
    await draw('drawLine', [[-260, 160], [-120, 40], [40, 10], [180, -60]]);
    await makePattern('line-1', 'patrolLine', { laps: '2' });
    // A building: a perimeter patrol 20 m outside its walls, clockwise, with the camera on it.
    await draw('drawPolygon', [[60, -200], [160, -200], [160, -120], [60, -120]]);
    await makePattern('area-1', 'patrolPerimeter', { offsetM: '20', direction: 'cw' });
    await expect.poll(() => text('pattern-list')).toMatch(/Patrol line[\s\S]*Perimeter/i);
    await shot('patrol-route');
    // The fence: inclusion round everything, an exclusion circle over a school yard away from the route.
    await fenceAround([[-360, 250], [260, 250], [260, -270], [-360, -270]], true);
    await fenceCircle([-250, -180], 40);
    await rally([[-330, 230], [220, 200]]);
    await expect.poll(() => text('plan-fence-summary')).toMatch(/1 fence polygon.*1 circle.*2 rally/);
    await shot('patrol-fenced');
    // Drawn clear of the exclusion and inside the inclusion, the route has nothing to override.
    expect(await overrideErrors('Checked with the duty officer before the shift')).toEqual([]);
    const saved = await save('patrol');
    expect(saved.mission.items.length).toBe(await itemCount());
    expect(saved.geoFence.polygons.length).toBe(1);
    expect(saved.geoFence.circles.length).toBe(1);
    expect(saved.rallyPoints.points.length).toBe(2);
    await uploadAndVerify('patrol-uploaded', /verified/, /holds this mission/);
  }, 240_000);

  it('search: an area, a parallel-track search spaced from the camera, fenced, two rally points, saved, uploaded and verified', async () => {
    await newPlan();
    // The last journey's upload is not this plan's: it must not still read "verified".
    expect(await tid('plan-upload-result').count()).toBe(0);
    expect(await text('plan-upload-result-old')).toMatch(/changed since/);
    // Nor is the last comparison: it is closed, not ringing every new item as "differs".
    expect(await tid('plan-compare-result').count()).toBe(0);
    await draw('drawPolygon', [[-240, -160], [80, -190], [120, 130], [-220, 150]]);
    await makePattern('area-1', 'parallelTrack', { 'spacing.mode': 'camera', altM: '70', 'spacing.sideOverlapPct': '20' });
    await expect.poll(() => text('pattern-list')).toMatch(/Parallel track/);
    // No home yet: the checks say so and how to set it; the pilot does what they say.
    const noHome = page.locator('[data-rule="no_home"]');
    expect(await noHome.textContent()).toMatch(/Add waypoints/);
    await tid('plan-tool-addWaypoint').click();
    await clickMap([-290, 200]);
    await tid('plan-tool-select').click();
    await expect.poll(() => noHome.count()).toBe(0);
    await shot('search-route');
    await fenceAround([[-330, -260], [220, -260], [220, 240], [-330, 240]], true);
    // A hospital helipad next to the area: an exclusion polygon outside the lanes.
    await fenceAround([[140, 160], [200, 160], [200, 220], [140, 220]], false);
    await rally([[-300, 210], [180, -230]]);
    await expect.poll(() => text('plan-fence-summary')).toMatch(/2 fence polygon.*0 circle.*2 rally/);
    await overrideErrors('Area cleared with air traffic for this search');
    const saved = await save('search');
    expect(saved.mission.items.length).toBe(await itemCount());
    expect(saved.geoFence.polygons.length).toBe(2);
    await shot('search-fenced');
    await uploadAndVerify('search-uploaded', /verified/, /holds this mission/);
  }, 240_000);

  it('overwatch (in Chinese): the crowd, two stations, the orbits, fenced, two rally points, saved, uploaded and verified', async () => {
    await newPlan();
    await tid('lang-switch').click();
    // Home first this time, where the team stands.
    await tid('plan-tool-addWaypoint').click();
    await clickMap([-330, 160]);
    await tid('plan-tool-select').click();
    await draw('drawPolygon', [[-120, -60], [100, -80], [120, 50], [-100, 70]]);
    // Overwatch chosen before any station is marked: the form starts from stations at the crowd's corners.
    await selectShape('area-1');
    await tid('pattern-kind').selectOption('overwatch');
    expect(await text('pattern-stations')).toMatch(/2/);
    await draw('drawPoint', [[-220, 0]]);
    await draw('drawPoint', [[220, -20]]);
    await makePattern('area-1', 'overwatch', { orbitRadiusM: '40', standOffM: '30' }, async () => {
      await tid('pattern-use-points').click();
      await expect.poll(() => text('pattern-stations')).toMatch(/2/);
    });
    await shot('overwatch-route-zh');
    await fenceAround([[-380, -230], [380, -230], [380, 250], [-380, 250]], true);
    // A no-fly circle dropped on the leg between the stations: the check says so; the pilot moves it
    // (delete, place again south of the crowd) rather than override. The transit goes round the crowd
    // about the stand-off above its north edge, so a 50 m circle there is across it.
    await fenceCircle([0, -130], 50);
    const crossing = page.locator('[data-rule="leg_crosses_exclusion"][data-severity="error"]');
    await expect.poll(() => crossing.count()).toBeGreaterThan(0);
    await shot('overwatch-crossing-zh');
    await tid('fence-delete-circle-0').click();
    await fenceCircle([0, 170], 25);
    await expect.poll(() => crossing.count()).toBe(0);
    await rally([[-340, 220], [340, 220]]);
    expect(await overrideErrors('值班长已确认')).toEqual([]);
    const saved = await save('overwatch');
    expect(saved.mission.items.length).toBe(await itemCount());
    await uploadAndVerify('overwatch-uploaded-zh', /校验|验证/, /相同/);
    await tid('lang-switch').click();
  }, 240_000);
});
