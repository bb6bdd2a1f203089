// Editing a plan in Chromium with the built UI, the way a pilot does it: new plan, click the map to set
// home and add waypoints, drag one, undo and redo, insert from a leg's midpoint, select two and set
// their altitude, reorder, delete, change the end action, save (the download), and open the saved
// file again to find the same items. Screenshots (en and zh-CN) go to test-results/ to be looked at.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPlan } from '../../shared/plan/types';
import { insertPattern, writePlanFile } from '../../shared/planning';
import { openUiStation, SHOTS, type UiPage } from '../support/ui-station';

interface Box {
  x: number;
  y: number;
  cx: number;
  cy: number;
}

const rows = (page: Page) => page.getByTestId('plan-item-row');
const rowCount = async (page: Page) => Number((await page.getByTestId('pe-count').getAttribute('data-count')) ?? '0');
const rowText = async (page: Page, i: number) => (await page.locator(`[data-testid="plan-item-row"][data-index="${i}"]`).textContent()) ?? '';
const clickRow = (page: Page, i: number, modifiers: Array<'Shift' | 'Control'> = []) => page.locator(`[data-testid="plan-item-row"][data-index="${i}"] button`).click({ modifiers });
const latOf = async (page: Page, i: number) => {
  await clickRow(page, i);
  await page.waitForSelector(`[data-testid="pe-editor"][data-index="${i}"]`);
  return Number(await page.getByTestId('pe-lat').inputValue());
};

describe('Plan editing in Chromium', () => {
  let ui: UiPage;
  let page: Page;
  let dir = '';
  let map: Box;
  /** Screen points of home and the three waypoints as clicked. */
  const pts: Array<[number, number]> = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-edit-'));
    ui = await openUiStation();
    page = ui.page;
    await page.getByTestId('view-tab-plan').click();
    await page.getByTestId('plan-view').waitFor();
    await page.getByTestId('plan-new').click();
    await page.waitForSelector('[data-testid="map-view"][data-map-loaded="true"]', { timeout: 20_000 });
    const b = await page.locator('[data-testid="map-view"] canvas').first().boundingBox();
    if (!b) throw new Error('no map canvas');
    map = { x: b.x, y: b.y, cx: b.x + b.width / 2, cy: b.y + b.height / 2 };
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the first click sets home, the next ones add waypoints with takeoff, speed and return', async () => {
    await page.getByTestId('plan-tool-addWaypoint').click();
    pts.push([map.cx - 250, map.cy + 120], [map.cx - 120, map.cy + 20], [map.cx + 40, map.cy - 90], [map.cx + 200, map.cy + 40]);
    await page.mouse.click(...pts[0]);
    await expect.poll(async () => (await page.getByTestId('pe-notice').textContent()) ?? '').toMatch(/Planned home/);
    for (const p of pts.slice(1)) await page.mouse.click(...p);
    await expect.poll(() => rowCount(page)).toBe(6);
    expect(await rowText(page, 0)).toMatch(/Takeoff/);
    expect(await rowText(page, 1)).toMatch(/Change speed/);
    expect(await rowText(page, 2)).toMatch(/Waypoint.*60 m rel/);
    expect(await rowText(page, 5)).toMatch(/Return to launch/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, 'plan-edit-added.png') });
  });

  it('drags a waypoint (one undo step), undoes and redoes it', async () => {
    await page.keyboard.press('Escape');
    const before = await latOf(page, 3);
    const [x, y] = pts[2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let k = 1; k <= 10; k++) await page.mouse.move(x + k * 3, y - k * 8);
    // Mid-drag: the item and its two legs are drawn over the map, the item's old place faded.
    await expect.poll(async () => page.getByTestId('pe-drag').evaluate((el) => (el as unknown as { style: { display: string } }).style.display)).toBe('');
    await page.screenshot({ path: join(SHOTS, 'plan-edit-dragging.png') });
    await page.mouse.up();
    expect(await page.getByTestId('pe-drag').evaluate((el) => (el as unknown as { style: { display: string } }).style.display)).toBe('none');
    pts[2] = [x + 30, y - 80];
    await expect.poll(() => latOf(page, 3)).toBeGreaterThan(before + 1e-4);
    const moved = await latOf(page, 3);
    await page.keyboard.press('Control+z');
    await expect.poll(() => latOf(page, 3)).toBeCloseTo(before, 7);
    await page.keyboard.press('Control+y');
    await expect.poll(() => latOf(page, 3)).toBeCloseTo(moved, 7);
    expect(await rowCount(page)).toBe(6);
  });

  it('inserts a waypoint from the midpoint handle of a leg', async () => {
    const [a, b] = [pts[1], pts[2]];
    await page.mouse.click((a[0] + b[0]) / 2, (a[1] + b[1]) / 2);
    await expect.poll(() => rowCount(page)).toBe(7);
    expect(await rowText(page, 3)).toMatch(/Waypoint/);
    const lat = await latOf(page, 3);
    const [l2, l4] = [await latOf(page, 2), await latOf(page, 4)];
    expect(lat).toBeGreaterThan(Math.min(l2, l4));
    expect(lat).toBeLessThan(Math.max(l2, l4));
  });

  it('selects two items and sets the altitude of both', async () => {
    await clickRow(page, 2);
    await clickRow(page, 4, ['Control']);
    await expect.poll(async () => (await page.getByTestId('pe-editor').textContent()) ?? '').toMatch(/2 items selected/);
    await page.getByTestId('pe-alt').fill('85');
    await page.getByTestId('pe-alt').press('Enter');
    await expect.poll(() => rowText(page, 2)).toMatch(/85 m rel/);
    expect(await rowText(page, 4)).toMatch(/85 m rel/);
    expect(await rowText(page, 3)).toMatch(/60 m rel/);
    await page.getByTestId('pe-editor').scrollIntoViewIfNeeded();
    await page.locator('.plan-panel').screenshot({ path: join(SHOTS, 'plan-edit-panel-multi.png') });
    await clickRow(page, 3);
    await page.getByTestId('pe-editor').scrollIntoViewIfNeeded();
    await page.locator('.plan-panel').screenshot({ path: join(SHOTS, 'plan-edit-panel-item.png') });
  });

  it('reorders with the buttons and Alt+Down, and deletes with the Delete key', async () => {
    const lat5 = await latOf(page, 5);
    await page.getByTestId('pe-up').click();
    await expect.poll(() => latOf(page, 4)).toBeCloseTo(lat5, 7);
    await page.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
    await clickRow(page, 4);
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => latOf(page, 5)).toBeCloseTo(lat5, 7);
    // Dragging a row onto another puts it there.
    const lat2 = await latOf(page, 2);
    await page.locator('[data-testid="plan-item-row"][data-index="2"]').dragTo(page.locator('[data-testid="plan-item-row"][data-index="4"]'));
    await expect.poll(() => latOf(page, 4)).toBeCloseTo(lat2, 7);
    await clickRow(page, 3);
    await page.keyboard.press('Delete');
    await expect.poll(() => rowCount(page)).toBe(6);
  });

  it('changing the end action changes the last item', async () => {
    await page.getByTestId('pe-end-action').selectOption('land');
    await expect.poll(() => rowText(page, 5)).toMatch(/Land/);
    expect(await rowCount(page)).toBe(6);
  });

  it('keeps an aircraft type on the station and applies it to a plan', async () => {
    await page.getByTestId('pe-endurance').fill('42');
    await page.getByTestId('pe-endurance').press('Enter');
    await page.getByTestId('pe-aircraft-name').fill('M300 H20T');
    await page.getByTestId('pe-aircraft-name').press('Tab');
    await expect.poll(async () => page.getByTestId('pe-profile').inputValue()).toBe('');
    await page.getByTestId('pe-profile-save').click();
    await expect.poll(async () => (await page.getByTestId('pe-profile').textContent()) ?? '').toMatch(/M300 H20T · 42 min/);
    // Back to the default type, then the saved one again: its endurance comes back.
    await page.getByTestId('pe-profile').selectOption({ index: 0 });
    await expect.poll(async () => page.getByTestId('pe-endurance').inputValue()).toBe('30');
    await page.getByTestId('pe-profile').selectOption({ label: 'M300 H20T · 42 min · 10 m/s' });
    await expect.poll(async () => page.getByTestId('pe-endurance').inputValue()).toBe('42');
  });

  it('a reload with unsaved changes warns, and the draft comes back', async () => {
    const texts = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => rowText(page, i)));
    // The draft is written a moment after the last edit.
    await page.waitForTimeout(1200);
    let warned = '';
    page.once('dialog', (d) => {
      warned = d.type();
      void d.accept();
    });
    await page.reload();
    expect(warned).toBe('beforeunload');
    await page.getByTestId('view-tab-plan').click();
    await page.getByTestId('pe-draft').waitFor();
    await page.getByTestId('pe-draft-restore').click();
    await expect.poll(() => rowCount(page)).toBe(6);
    expect(await Promise.all([0, 1, 2, 3, 4, 5].map((i) => rowText(page, i)))).toEqual(texts);
    expect(await page.getByTestId('plan-dirty').count()).toBe(1);
    await page.waitForSelector('[data-testid="map-view"][data-map-loaded="true"]', { timeout: 20_000 });
  });

  it('asks before New throws away unsaved changes', async () => {
    await page.getByTestId('plan-new').click();
    await page.getByTestId('pe-confirm').waitFor();
    await page.getByTestId('pe-confirm-cancel').click();
    expect(await rowCount(page)).toBe(6);
  });

  it('saves as a download and reopens the same items', async () => {
    const wait = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    const download = await wait;
    expect(download.suggestedFilename()).toBe('untitled.plan');
    const path = join(dir, 'saved.plan');
    await download.saveAs(path);
    await expect.poll(async () => page.getByTestId('plan-dirty').count()).toBe(0);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { mission: { items: Array<{ command: number; params: unknown[] }>; plannedHomePosition: number[] }; policeGcs: { settings: { endAction: string } } };
    expect(saved.mission.items.map((i) => i.command)).toEqual([22, 178, 16, 16, 16, 21]);
    expect(saved.policeGcs.settings.endAction).toBe('land');
    const texts = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => rowText(page, i)));
    // Not dirty now: New goes straight through, then the file comes back.
    await page.getByTestId('plan-new').click();
    await expect.poll(() => rowCount(page)).toBe(0);
    await page.getByTestId('plan-open').setInputFiles(path);
    await expect.poll(() => rowCount(page)).toBe(6);
    expect(await Promise.all([0, 1, 2, 3, 4, 5].map((i) => rowText(page, i)))).toEqual(texts);
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(SHOTS, 'plan-edit-reopened.png') });
  });

  it('shows the editor in Chinese', async () => {
    await page.getByTestId('lang-switch').click();
    await clickRow(page, 2);
    await expect.poll(async () => (await page.getByTestId('pe-editor').textContent()) ?? '').toMatch(/航点/);
    expect(await rows(page).first().textContent()).toMatch(/起飞/);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, 'plan-edit-zh.png') });
    await page.getByTestId('lang-switch').click();
  });

  it('editing an item of a pattern turns the pattern into plain items, and says so', async () => {
    const plan = emptyPlan();
    plan.mission.plannedHome = { lat: 46.0726, lon: 122.0933, altMslM: 280 };
    const r = insertPattern(plan, [], 'square-1', { kind: 'expandingSquare', altM: 40, datum: { lat: 46.075, lon: 122.095 }, firstLegDeg: 0, spacingM: 50, legs: 6 });
    const path = join(dir, 'pattern.plan');
    writeFileSync(path, writePlanFile(r.plan, r.patterns));
    await page.getByTestId('plan-open').setInputFiles(path);
    await expect.poll(async () => (await rowText(page, 1)).includes('square-1')).toBe(true);
    await clickRow(page, 1);
    await page.getByTestId('pe-alt').fill('55');
    await page.getByTestId('pe-alt').press('Enter');
    await expect.poll(async () => (await page.getByTestId('pe-notice').textContent()) ?? '').toMatch(/square-1 is now plain items/);
    expect(await rowText(page, 1)).not.toContain('square-1');
    expect(await rowText(page, 1)).toMatch(/55 m rel/);
    // Undo gives the pattern back (the button: Ctrl+Z in the altitude field is the field's own undo).
    await page.getByTestId('plan-undo').click();
    await expect.poll(async () => (await rowText(page, 1)).includes('square-1')).toBe(true);
  });
});
