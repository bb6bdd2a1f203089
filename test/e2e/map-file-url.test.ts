// The Electron host loads the built renderer from file://. Chromium with file access allowed is the
// closest stand-in we can run here: the bundled basemap and MapLibre's worker must load from the
// file system with no server and no network.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browser';
import { buildHarness, removeDir } from './map-harness/buildAndServe';
import type { Harness } from './map-harness/main';

describe('MapView under file://', () => {
  let browser: Browser;
  let outDir: string;

  beforeAll(async () => {
    outDir = await buildHarness();
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--allow-file-access-from-files'],
      headless: true,
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (outDir) removeDir(outDir);
  });

  it('loads the map, its worker and the basemap from files', async () => {
    const page = await browser.newPage({ viewport: { width: 600, height: 400 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      errors.push(`network request: ${url}`);
      return route.abort();
    });
    await page.goto(pathToFileURL(join(outDir, 'index.html')).href);
    await page.waitForSelector('[data-map-loaded="true"]', { timeout: 20_000 });
    await page.evaluate(() => (window as unknown as { __harness: Harness }).__harness.idle());
    // The land source reached the worker and was tiled: features are queryable at Ulanhot.
    const landFeatures = await page.evaluate(() => {
      const map = (window as unknown as { __harness: Harness }).__harness.map()!;
      return map.queryRenderedFeatures(map.project([122.0933, 46.0726]), { layers: ['land'] }).length;
    });
    expect(landFeatures).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="vehicle-marker"]').count()).toBe(2);
    expect(errors).toEqual([]);
  });
});
