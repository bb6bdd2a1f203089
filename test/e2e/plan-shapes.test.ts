// The Plan view's shapes, patterns, fence, rally and overrides driven from the UI in Chromium: draw a
// polygon on the map, make a parallel-track search from it, add an exclusion fence and two rally
// points, trigger check errors and override them with a reason, upload to the simulator and see the
// vehicle report the same item count; then every other pattern kind from drawn shapes, and KML import.
// Screenshots go to test-results/plan-shapes-*.png (looked at when this test was written).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroundStation } from '../../electron/core/station';
import { colourCounts, type Rgb } from '../support/colour-counts';
import { ROOT, SHOTS, startUiStation, type UiStation } from '../support/ui-station';

const KML = join(ROOT, 'test', 'fixtures', 'kml');

const AMBER: Rgb = [0xf0, 0xb4, 0x29]; // the route
const VIOLET: Rgb = [0xbc, 0x8c, 0xff]; // shapes
const YELLOW: Rgb = [0xff, 0xd3, 0x3d]; // the selected shape

/** How many pixels of the map canvas are (nearly) each colour. */
async function mapColourCounts(page: Page, colours: Rgb[]): Promise<number[]> {
  return (await colourCounts(page, await page.locator('.gcs-map__canvas canvas').screenshot(), colours, 24)).counts;
}

describe('Plan view shapes, patterns, fence, rally and overrides in Chromium', () => {
  let ui: UiStation;
  let station: GroundStation;
  let page: Page;
  let box: { x: number; y: number; width: number; height: number };
  const at = (dx: number, dy: number) => ({ x: box.x + box.width / 2 + dx, y: box.y + box.height / 2 + dy });
  /** The altitude profile strip covers the bottom of the map while open: fold it away before clicking there. */
  const collapseProfile = async () => {
    const toggle = page.getByTestId('profile-toggle');
    if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
  };
  const clickMap = async (dx: number, dy: number) => {
    await collapseProfile();
    await page.mouse.click(at(dx, dy).x, at(dx, dy).y);
  };
  const itemCount = async () => Number(await page.getByTestId('plan-item-count').textContent());
  const shot = async (name: string) => {
    await page.waitForTimeout(700);
    await page.screenshot({ path: join(SHOTS, `plan-shapes-${name}.png`) });
  };

  async function draw(tool: 'drawPolygon' | 'drawLine' | 'drawPoint', pts: Array<[number, number]>): Promise<void> {
    await page.getByTestId(`plan-tool-${tool}`).click();
    if (tool === 'drawPoint') await clickMap(...pts[0]);
    else {
      for (const p of pts.slice(0, -1)) await clickMap(...p);
      const last = at(...pts[pts.length - 1]);
      await page.mouse.dblclick(last.x, last.y);
    }
    await page.getByTestId('plan-tool-select').click();
  }

  /** Selects a shape in the list (its button toggles, so only when it is not selected yet). */
  async function selectShape(id: string): Promise<void> {
    const b = page.getByTestId(`shape-select-${id}`);
    if ((await b.getAttribute('aria-pressed')) !== 'true') await b.click();
  }

  async function addPattern(shapeId: string, kind: string, fields: Record<string, string> = {}): Promise<void> {
    await page.getByTestId('plan-tab-shapes').click();
    await selectShape(shapeId);
    await page.getByTestId('pattern-kind').selectOption(kind);
    for (const [k, v] of Object.entries(fields)) await page.getByTestId(`pattern-field-${k}`).fill(v);
    await expect.poll(async () => (await page.getByTestId('pattern-stats').textContent()) ?? '').toMatch(/km/);
    const before = await itemCount();
    await page.getByTestId('pattern-submit').click();
    await expect.poll(itemCount).toBeGreaterThan(before);
  }

  beforeAll(async () => {
    ui = await startUiStation();
    station = ui.station;
    page = await ui.open();
    // The simulator first, so the vehicle is there when the plan is ready.
    await page.getByTestId('sim-start').click();
    await page.getByTestId('vehicle-marker').first().waitFor({ state: 'attached', timeout: 30_000 });
    await page.getByTestId('view-tab-plan').click();
    await page.getByTestId('plan-new').click();
    await page.locator('[data-testid="map-view"][data-map-loaded="true"]').waitFor({ timeout: 20_000 });
    box = (await page.getByTestId('map-view').boundingBox())!;
    // From the start view (zoom 13) to a town block (16): a drawn polygon is a few hundred metres
    // across. The zoom button, not the wheel, so the scale is the same on a busy machine.
    for (let i = 0; i < 3; i++) {
      await page.locator('.maplibregl-ctrl-zoom-in').click();
      await page.waitForTimeout(700);
    }
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
  });

  it('draws a polygon, makes a parallel-track search from it and shows it on the map', async () => {
    await draw('drawPolygon', [[-250, -150], [50, -170], [80, 120], [-230, 140]]);
    await page.getByTestId('plan-tab-shapes').click();
    await expect.poll(async () => (await page.getByTestId('plan-shapes').textContent()) ?? '').toContain('Area');
    expect(await page.getByTestId('shape-name-area-1').inputValue()).toBe('Area 1');
    // The new shape is selected and drawn highlighted.
    expect(await page.getByTestId('shape-select-area-1').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('pattern-kind').selectOption('parallelTrack');
    await page.getByTestId('pattern-field-spacing.spacingM').fill('25');
    await expect.poll(async () => (await page.getByTestId('pattern-stats').textContent()) ?? '').toMatch(/ha/);
    await page.getByTestId('pattern-submit').click();
    await expect.poll(itemCount).toBeGreaterThan(6);
    await expect.poll(async () => (await page.getByTestId('pattern-list').textContent()) ?? '').toContain('Parallel track');
    await page.waitForTimeout(800);
    const [amber, violet, yellow] = await mapColourCounts(page, [AMBER, VIOLET, YELLOW]);
    expect(amber).toBeGreaterThan(1000); // the lanes
    expect(violet + yellow).toBeGreaterThan(300); // the area outline (yellow: selected)
    await shot('parallel-track');
  }, 60_000);

  it('drawing: the hint counts the points, Backspace takes one back, Esc cancels, Enter finishes', async () => {
    // With a mission item selected, Backspace while drawing must take back a vertex, not delete the item.
    await page.getByTestId('plan-tab-mission').click();
    await page.locator('[data-testid="plan-item-row"][data-index="3"] button').click();
    const items = await itemCount();
    await page.getByTestId('plan-tab-shapes').click();
    await page.getByTestId('plan-tool-drawLine').click();
    const hint = page.getByTestId('plan-draw-hint');
    await clickMap(-200, 250);
    await clickMap(0, 260);
    await clickMap(100, 230);
    await expect.poll(async () => hint.getAttribute('data-vertices')).toBe('3');
    await page.mouse.move(at(200, 200).x, at(200, 200).y);
    await shot('drawing');
    await page.keyboard.press('Backspace');
    await expect.poll(async () => hint.getAttribute('data-vertices')).toBe('2');
    expect(await itemCount()).toBe(items);
    await page.keyboard.press('Escape');
    await expect.poll(async () => hint.getAttribute('data-vertices')).toBe('0');
    expect(await page.getByTestId('shape-row-line-1').count()).toBe(0);
    await clickMap(-200, 250);
    await clickMap(0, 260);
    await page.keyboard.press('Enter');
    await expect.poll(async () => page.getByTestId('shape-row-line-1').count()).toBe(1);
    await page.getByTestId('plan-tool-select').click();
    // Undo takes the line away again, as one step.
    await page.getByTestId('plan-undo').click();
    await expect.poll(async () => page.getByTestId('shape-row-line-1').count()).toBe(0);
    await selectShape('area-1');
  }, 60_000);

  it('adds an exclusion fence from a drawn area and two rally points; undo takes a rally point back', async () => {
    await draw('drawPolygon', [[200, -150], [330, -150], [330, -40], [200, -40]]);
    await page.getByTestId('plan-tab-fence').click();
    await page.getByTestId('fence-from-shape-out').click();
    await expect.poll(async () => (await page.getByTestId('fence-list').textContent()) ?? '').toContain('Polygon 1');
    expect(await page.getByTestId('fence-type-polygon-0').inputValue()).toBe('out');
    // A circle by two clicks (centre, then edge), made an inclusion, then deleted.
    await page.getByTestId('fence-circle-tool').click();
    await clickMap(250, 250);
    await page.mouse.move(at(270, 250).x, at(270, 250).y);
    await clickMap(290, 250);
    await expect.poll(async () => (await page.getByTestId('fence-list').textContent()) ?? '').toMatch(/Circle 1 \(\d+ m\)/);
    await page.getByTestId('fence-type-circle-0').selectOption('in');
    await shot('fence-circle');
    await page.getByTestId('fence-delete-circle-0').click();
    await page.getByTestId('fence-circle-tool').click();
    await expect.poll(async () => (await page.getByTestId('fence-list').textContent()) ?? '').not.toContain('Circle');
    await page.getByTestId('rally-tool').click();
    await clickMap(220, 100);
    await clickMap(300, 140);
    await clickMap(260, 180);
    await expect.poll(async () => page.getByTestId('rally-list').locator('li').count()).toBe(3);
    await page.getByTestId('plan-undo').click();
    await expect.poll(async () => page.getByTestId('rally-list').locator('li').count()).toBe(2);
    // Drag rally 1: it moves (one undo step) and no rally point is added by the release.
    const from = at(220, 100);
    await collapseProfile();
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(from.x + 6 * i, from.y - 8 * i);
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('rally-list').locator('li').count()).toBe(2);
    expect(await page.getByTestId('plan-undo').getAttribute('title')).toContain('Move rally point');
    await page.getByTestId('rally-tool').click();
    await expect.poll(async () => (await page.getByTestId('plan-fence-summary').textContent()) ?? '').toContain('2 rally');
    await shot('fence-rally');
  }, 60_000);

  it('an exclusion circle across the search makes errors; upload is refused until each is overridden with a reason', async () => {
    await page.getByTestId('fence-circle-tool').click();
    await clickMap(-100, -10);
    await page.getByTestId('fence-circle-radius').fill('40');
    await page.getByTestId('fence-circle-add').click();
    await page.getByTestId('fence-circle-tool').click();
    const errors = page.locator('[data-testid^="plan-issue-"][data-severity="error"]');
    await expect.poll(async () => errors.count()).toBeGreaterThan(0);
    const key = station.getVehicles()[0].key;
    await page.getByTestId('plan-upload-vehicle').selectOption(key);
    expect(await page.getByTestId('plan-upload').isDisabled()).toBe(true);
    expect(await page.getByTestId('plan-upload-blocked').textContent()).toMatch(/not overridden/);
    // An empty reason cannot override.
    const first = errors.first();
    const k = (await first.getAttribute('data-testid'))!;
    await page.getByTestId(`${k}-override-open`).click();
    expect(await page.getByTestId(`${k}-override-confirm`).isDisabled()).toBe(true);
    await page.getByTestId(`${k}-override-reason`).fill('   ');
    expect(await page.getByTestId(`${k}-override-confirm`).isDisabled()).toBe(true);
    await page.getByTestId(`${k}-override-reason`).fill('Circle is a training marker; cleared with the duty officer');
    await page.getByTestId(`${k}-override-confirm`).click();
    await expect.poll(async () => (await page.getByTestId(`${k}-override`).textContent()) ?? '').toContain('duty officer');
    // The rest, one by one.
    for (let guard = 0; guard < 100; guard++) {
      const open = page.locator('[data-testid$="-override-open"]').first();
      if ((await open.count()) === 0) break;
      const id = (await open.getAttribute('data-testid'))!.replace(/-override-open$/, '');
      await open.click();
      await page.getByTestId(`${id}-override-reason`).fill('Circle is a training marker; cleared with the duty officer');
      await page.getByTestId(`${id}-override-confirm`).click();
    }
    await expect.poll(async () => page.getByTestId('plan-upload').isDisabled()).toBe(false);
    await shot('overrides');
  }, 60_000);

  it('uploads to the simulator; the vehicle reports the same item count and the comparison finds no difference', async () => {
    const items = await itemCount();
    await page.getByTestId('plan-upload').click();
    await expect.poll(async () => (await page.getByTestId('plan-upload-result').textContent().catch(() => '')) ?? '', { timeout: 60_000 }).toMatch(/verified/);
    // MISSION_CURRENT.total is the last seq: with ArduPilot's home at seq 0 that is the plan's item count.
    await expect.poll(() => station.getVehicles()[0].missionCount, { timeout: 30_000 }).toBe(items);
    await page.getByTestId('plan-compare-button').click();
    await expect.poll(async () => page.getByTestId('plan-compare-result').getAttribute('data-same').catch(() => null), { timeout: 60_000 }).toBe('true');
    expect(await page.getByTestId('plan-compare-summary').textContent()).toContain(`${items} items`);
    await shot('uploaded');
  }, 150_000);

  it('a pattern changed after the upload shows as differing from the vehicle (the item, the field, a ring on the map); undo makes them the same again', async () => {
    await page.getByTestId('plan-tab-shapes').click();
    const row = page.locator('[data-testid^="pattern-row-"]').first();
    await row.click();
    // While a pattern's parameters are open, the new-pattern form is out of the way.
    expect(await page.getByTestId('pattern-panel').count()).toBe(0);
    const list = page.getByTestId('pattern-list');
    await list.getByTestId('pattern-field-altM').fill('70');
    await list.getByTestId('pattern-submit').click();
    await expect.poll(async () => page.getByTestId('plan-compare-result').getAttribute('data-same')).toBe('false');
    expect(await page.getByTestId('plan-compare-items').textContent()).toMatch(/altitude/);
    // The Mission tab marks the same items in its list.
    await page.getByTestId('plan-tab-mission').click();
    await expect.poll(() => page.locator('[data-testid="plan-item-row"][data-differs="true"]').count()).toBeGreaterThan(0);
    await page.getByTestId('plan-tab-shapes').click();
    await shot('compare-differs');
    const same = async () => page.getByTestId('plan-compare-result').getAttribute('data-same');
    // Taking the vehicle's mission into the editor is one undoable edit.
    await page.getByTestId('plan-compare-take').click();
    await expect.poll(same).toBe('true');
    await page.getByTestId('plan-undo').click();
    await expect.poll(same).toBe('false');
    await page.getByTestId('plan-undo').click();
    await expect.poll(same).toBe('true');
    await page.getByTestId('plan-compare-hide').click();
  }, 60_000);

  it('every other pattern kind from a drawn shape, each looked at', async () => {
    // Start from a clean mission with the shapes kept: delete the parallel track.
    await page.getByTestId('plan-tab-shapes').click();
    const withPattern = await itemCount();
    const del = page.locator('[data-testid^="pattern-delete-"]').first();
    await del.click();
    await expect.poll(itemCount).toBeLessThan(withPattern);
    // What the first pattern brought with it stays: takeoff, start speed, return.
    const base = await itemCount();
    expect(base).toBe(3);
    await draw('drawLine', [[-250, 200], [-50, 230], [150, 190]]);
    await draw('drawPoint', [[0, 0]]);
    expect(await page.getByTestId('shape-select-point-1').getAttribute('aria-pressed')).toBe('true');
    // With the select tool, a click inside an area on the map selects that area.
    await clickMap(-180, -100);
    await expect.poll(async () => page.getByTestId('shape-select-area-1').getAttribute('aria-pressed')).toBe('true');
    const cases: Array<[string, string, Record<string, string>]> = [
      ['area-1', 'patrolPerimeter', { offsetM: '20', laps: '2' }],
      ['area-1', 'overwatch', { orbitRadiusM: '30', standOffM: '40' }],
      ['line-1', 'patrolLine', { laps: '2' }],
      ['point-1', 'expandingSquare', { spacingM: '40', legs: '10' }],
      ['point-1', 'sectorSearch', { radiusM: '200' }],
      ['point-1', 'creepingLine', { legLengthM: '400', spacingM: '50', legs: '6' }],
    ];
    for (const [shape, kind, fields] of cases) {
      if (kind === 'overwatch') {
        // Stations clicked on the map: two, on either side of the crowd.
        await selectShape(shape);
        await page.getByTestId('pattern-kind').selectOption(kind);
        await page.getByTestId('pattern-pick').click();
        await clickMap(-300, 0);
        await clickMap(150, -200);
        await expect.poll(async () => (await page.getByTestId('pattern-stations').textContent()) ?? '').toContain('Stations: 2');
        await page.getByTestId('pattern-pick-done').click();
      }
      await addPattern(shape, kind, fields);
      await page.getByTestId('plan-shapes-tab').getByTestId('pattern-list').waitFor();
      await shot(kind);
      // Delete it again, so each picture shows one pattern.
      await page.locator('[data-testid^="pattern-delete-"]').first().click();
      await expect.poll(itemCount).toBe(base);
    }
  }, 180_000);

  it('imports a KML area as a shape, and says clearly what is wrong with a broken one', async () => {
    await page.getByTestId('plan-tab-shapes').click();
    await page.getByTestId('plan-import').setInputFiles(join(KML, 'qgc-PolygonGood.kml'));
    await expect.poll(async () => (await page.getByTestId('plan-import-note').textContent().catch(() => '')) ?? '').toMatch(/shape\(s\) added/);
    await expect.poll(async () => page.locator('[data-testid^="shape-row-import-"]').count()).toBeGreaterThan(0);
    await page.getByTestId('plan-import').setInputFiles(join(KML, 'qgc-PolygonBadXml.kml'));
    const err = page.getByTestId('plan-import-error');
    await expect.poll(async () => (await err.textContent().catch(() => '')) ?? '').toMatch(/KML|XML/);
    expect(await err.getAttribute('data-code')).toBe('kml_bad_xml');
    expect(readFileSync(join(KML, 'qgc-PolygonBadXml.kml'), 'utf8')).toContain('Incorrectly formed');
    await shot('import');
  }, 60_000);

  it('imports a waypoint file into the mission (asking before it replaces one) and exports the plan as KML', async () => {
    const wpl = join(ROOT, 'test', 'fixtures', 'wpl', 'qgc-MissionPlanner.waypoints');
    // The mission has items (takeoff, speed, return): the pilot is asked before they are replaced.
    await page.getByTestId('plan-import').setInputFiles(wpl);
    await page.getByTestId('plan-import-confirm').waitFor();
    await page.getByTestId('plan-import-replace').click();
    await expect.poll(itemCount).toBe(5);
    await page.getByTestId('plan-import').setInputFiles(wpl);
    await page.getByTestId('plan-import-confirm').waitFor();
    expect(await page.getByTestId('plan-import-confirm').textContent()).toContain('Replace the 5 mission items');
    await page.getByTestId('plan-import-replace').click();
    await expect.poll(async () => (await page.getByTestId('plan-import-note').textContent()) ?? '').toContain('5 items');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export-kml').click()]);
    expect(download.suggestedFilename()).toBe('untitled.kml');
    const kml = readFileSync((await download.path())!, 'utf8');
    expect(kml).toContain('<kml');
    expect(kml).toContain('<name>Route</name>');
  }, 60_000);

  it('reads in Chinese too', async () => {
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('plan-tab-fence').click();
    await expect.poll(async () => (await page.getByTestId('plan-fence-tab').textContent()) ?? '').toContain('地理围栏');
    await page.getByTestId('plan-tab-shapes').click();
    await selectShape('import-1');
    await expect.poll(async () => (await page.getByTestId('pattern-panel').textContent()) ?? '').toContain('航线模式');
    await shot('zh');
    await page.getByTestId('lang-switch').click();
  }, 60_000);
});
