// Importing airspace files through the layer panel in Chromium, as a pilot does: a KMZ zipped from a
// folder (Google Earth layout, Chinese names) and a 3D volume drawn as floor, ceiling and walls; what
// the import skipped is shown beside the count; a KMZ cut short says so and adds nothing. And the
// coordinate box says which datum a value was read in, named in the text or chosen for unmarked ones.
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUiStation, SHOTS, type UiPage } from '../support/ui-station';

const FIXTURES = join(__dirname, '..', 'fixtures', 'airspace');

describe('layer panel: airspace import and coordinate entry', () => {
  let ui: UiPage;
  let page: Page;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'airspace-import-'));
    ui = await openUiStation();
    page = ui.page;
    await page.getByTestId('maps-toggle').click();
    await page.getByTestId('maps-panel').waitFor();
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a KMZ and a 3D volume, and shows what was skipped', async () => {
    const kmz = join(dir, '乌兰浩特空域.kmz');
    writeFileSync(kmz, zipSync({ '乌兰浩特空域/doc.kml': readFileSync(join(FIXTURES, 'ge-ulanhot-zones.kml')) }));
    await page.getByTestId('maps-zone-file').setInputFiles(kmz);
    await expect.poll(() => page.getByTestId('maps-zone-list').locator('li').count(), { timeout: 15_000 }).toBe(5);
    const warnings = page.getByTestId('maps-zone-warnings');
    expect(await warnings.textContent()).toMatch(/cross themselves.*Bow tie/);

    await page.getByTestId('maps-zone-file').setInputFiles(join(FIXTURES, 'kmlplus-volume.kml'));
    await expect.poll(() => page.getByTestId('maps-zone-list').locator('li').count(), { timeout: 15_000 }).toBe(6);
    // The list and the warnings are two renders: wait for the warnings of this file, not the last one's.
    await expect.poll(async () => (await warnings.textContent()) ?? '', { timeout: 10_000 }).toMatch(/6 polygon\(s\) enclose no area/);
    const text = (await warnings.textContent()) ?? '';
    expect(text).toMatch(/1 zone\(s\) give heights above ground but no terrain is loaded there.*"ZBUL 管制地带 CTR #1"\./);
    expect(await page.getByTestId('maps-panel').textContent()).toContain('ZBUL 管制地带 CTR #1');
    await warnings.scrollIntoViewIfNeeded();
    await page.getByTestId('maps-panel').screenshot({ path: join(SHOTS, 'airspace-import.png') });
  }, 60_000);

  it('a KMZ cut short is refused with a sentence, and adds nothing', async () => {
    const whole = zipSync({ 'doc.kml': readFileSync(join(FIXTURES, 'ogr-schemadata.kml')) });
    const cut = join(dir, 'cut.kmz');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    await page.getByTestId('maps-zone-file').setInputFiles(cut);
    await expect.poll(async () => (await page.getByTestId('maps-zone-error').textContent().catch(() => '')) ?? '', { timeout: 15_000 }).toMatch(/damaged or incomplete.*Copy it again/);
    expect(await page.getByTestId('maps-zone-list').locator('li').count()).toBe(6);
  }, 30_000);

  it('says which datum a typed coordinate is in, and whether the text said so', async () => {
    const read = page.getByTestId('maps-goto-read');
    await page.getByTestId('maps-goto').fill('46.0744, 122.1003');
    await expect.poll(() => read.getAttribute('data-datum')).toBe('WGS84');
    expect(await read.getAttribute('data-marked')).toBe('no');
    // Numbers copied off Gaode without a label: the pilot says what they are.
    await page.getByTestId('maps-goto-datum').selectOption('GCJ02');
    await expect.poll(() => read.getAttribute('data-datum')).toBe('GCJ02');
    const text = (await read.textContent()) ?? '';
    expect(text).toMatch(/Read as GCJ-02 \(Gaode\/AMap, Tencent\), not named in the text/);
    const shift = Number(/(\d+) m away/.exec(text)?.[1]);
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(800);
    await page.getByTestId('maps-goto').fill('BD-09: 46.08, 122.10');
    await expect.poll(() => read.getAttribute('data-datum')).toBe('BD09');
    expect(await read.getAttribute('data-marked')).toBe('yes');
    await page.getByTestId('maps-goto').scrollIntoViewIfNeeded();
    await page.getByTestId('maps-panel').screenshot({ path: join(SHOTS, 'maps-goto-datum.png') });
  }, 30_000);
});
