// The newcomer's path, end to end with real parts: the server host and the station in this process,
// the simulator as its own process speaking MAVLink over UDP, the built UI in Debian's Chromium.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroundStation } from '../../electron/core/station';
import { startServer } from '../../electron/server/server';
import { launchChromium } from '../support/browser';

const ROOT = join(__dirname, '..', '..');
const STATIC_DIR = join(ROOT, 'dist', 'renderer');
const SHOTS = join(ROOT, 'test-results');

describe('Fly view with the simulator, in Chromium', () => {
  let station: GroundStation;
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test does).');
    mkdirSync(SHOTS, { recursive: true });
    station = new GroundStation({ host: 'server' });
    await station.start();
    server = await startServer({ station, port: 0, staticDir: STATIC_DIR });
    browser = await launchChromium({ lang: 'en-US' });
    page = await browser.newPage({ viewport: { width: 1400, height: 860 }, locale: 'en-US' });
    page.on('pageerror', (err) => console.error('page error:', err.message));
    await page.goto(server.url);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await station?.close();
  });

  it('starts the simulator from the UI; the drone appears on the map, moves, and its telemetry shows', async () => {
    await page.getByTestId('sim-start').click();
    const marker = page.getByTestId('vehicle-marker').first();
    await marker.waitFor({ state: 'attached', timeout: 30_000 });
    await expect.poll(async () => (await page.getByTestId('tm-mode').textContent())?.trim() ?? '', { timeout: 20_000 }).not.toMatch(/^(|—)$/);

    // The demo flight takes off and flies: the marker's position and the relative altitude change.
    const first = { lat: Number(await marker.getAttribute('data-lat')), lon: Number(await marker.getAttribute('data-lon')) };
    expect(Math.abs(first.lat - 46.0726)).toBeLessThan(0.05);
    expect(Math.abs(first.lon - 122.0933)).toBeLessThan(0.05);
    await expect
      .poll(async () => {
        const lat = Number(await marker.getAttribute('data-lat'));
        const lon = Number(await marker.getAttribute('data-lon'));
        return Math.hypot(lat - first.lat, lon - first.lon) > 1e-5;
      }, { timeout: 40_000, interval: 500 })
      .toBe(true);
    await expect
      .poll(async () => parseFloat((await page.getByTestId('tm-alt-rel').textContent()) ?? '0'), { timeout: 40_000, interval: 500 })
      .toBeGreaterThan(5);
    await page.screenshot({ path: join(SHOTS, 'fly-view-en.png') });
  }, 120_000);

  it('switches to zh-CN and shows Chinese labels', async () => {
    await page.getByTestId('lang-switch').click();
    const zh = page.getByTestId('lang-option-zh-CN');
    if (await zh.count()) await zh.click();
    await expect.poll(async () => page.evaluate(() => document.documentElement.lang), { timeout: 5_000 }).toBe('zh-CN');
    await expect.poll(async () => (await page.getByTestId('telemetry-panel').textContent()) ?? '', { timeout: 5_000 }).toMatch(/[\u4e00-\u9fff]/);
    await page.screenshot({ path: join(SHOTS, 'fly-view-zh.png') });
  }, 30_000);
});
