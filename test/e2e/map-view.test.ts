// The Fly view map in real Chromium: the offline basemap really draws (no network), vehicle
// markers sit where the vehicles are and turn with their heading, updates happen in place,
// clicks select, follow mode centres, and the cursor readout shows coordinates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { colourCounts, type Rgb } from '../support/colour-counts';
import { buildHarness, removeDir, serveDir, type StaticServer } from './map-harness/buildAndServe';
import type { Harness } from './map-harness/main';
import { BASEMAP_COLORS } from '../../renderer/map/basemapStyle';

const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results');

function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Fractions of the screenshot's pixels within a small distance of each colour. */
async function colourShares(page: Page, png: Buffer, colours: Rgb[]): Promise<number[]> {
  const { counts, total } = await colourCounts(page, png, colours, 12);
  return counts.map((c) => c / total);
}

async function idle(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __harness: Harness }).__harness.idle());
}

interface MarkerInfo {
  key: string;
  lat: string;
  lon: string;
  heading: string;
  transform: string;
  classes: string;
  centre: { x: number; y: number };
  projected: { x: number; y: number };
}

async function markers(page: Page): Promise<MarkerInfo[]> {
  return page.evaluate(() => {
    const h = (window as unknown as { __harness: Harness }).__harness;
    const map = h.map()!;
    const canvasBox = map.getCanvas().getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('[data-testid="vehicle-marker"]')].map((el) => {
      const box = el.getBoundingClientRect();
      const p = map.project([Number(el.dataset.lon), Number(el.dataset.lat)]);
      return {
        key: el.dataset.key ?? '',
        lat: el.dataset.lat ?? '',
        lon: el.dataset.lon ?? '',
        heading: el.dataset.heading ?? '',
        transform: (el.querySelector('.vehicle-marker__icon') as HTMLElement).style.transform,
        classes: el.className,
        centre: { x: box.left + box.width / 2 - canvasBox.left, y: box.top + box.height / 2 - canvasBox.top },
        projected: { x: p.x, y: p.y },
      };
    });
  });
}

describe('MapView in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: StaticServer;
  let outDir: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    outDir = await buildHarness();
    server = await serveDir(outDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    // Offline means offline: anything not served by the harness server fails the test.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      pageErrors.push(`network request outside the bundle: ${url}`);
      return route.abort();
    });
    await page.goto(server.url);
    await page.waitForSelector('[data-map-loaded="true"]', { timeout: 20_000 });
    await idle(page);
    mkdirSync(RESULTS_DIR, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) removeDir(outDir);
  });

  it('draws the land around Ulanhot at zoom 13', async () => {
    const png = await page.locator('.gcs-map__canvas canvas').screenshot();
    writeFileSync(join(RESULTS_DIR, 'map-ulanhot.png'), png);
    const [land, water] = await colourShares(page, png, [hexToRgb(BASEMAP_COLORS.land), hexToRgb(BASEMAP_COLORS.water)]);
    // Ulanhot is far inland: the view is land, apart from grid lines, trails and markers.
    expect(land).toBeGreaterThan(0.8);
    expect(water).toBeLessThan(0.05);
    expect(pageErrors).toEqual([]);
  });

  it('places the vehicle markers at their positions, rotated to their headings', async () => {
    const ms = await markers(page);
    expect(ms.map((m) => m.key).sort()).toEqual(['1:1', '2:1']);
    const one = ms.find((m) => m.key === '1:1')!;
    expect([one.lat, one.lon, one.heading]).toEqual(['46.0726', '122.0933', '45']);
    expect(one.transform).toBe('rotate(45deg)');
    expect(ms.find((m) => m.key === '2:1')!.transform).toBe('rotate(200deg)');
    for (const m of ms) {
      expect(Math.abs(m.centre.x - m.projected.x)).toBeLessThan(2);
      expect(Math.abs(m.centre.y - m.projected.y)).toBeLessThan(2);
    }
    // Initial view centred on Ulanhot: vehicle 1 sits in the middle of the 1000x700 canvas.
    expect(Math.abs(one.centre.x - 500)).toBeLessThan(3);
    expect(Math.abs(one.centre.y - 350)).toBeLessThan(3);
  });

  it('updates markers in place: new position and heading, same DOM element', async () => {
    const moved = await page.evaluate(async () => {
      const h = (window as unknown as { __harness: Harness }).__harness;
      const before = document.querySelector('[data-key="1:1"]') as HTMLElement & { __tag?: string };
      before.__tag = 'original';
      const [v1, v2] = h.state().vehicles;
      h.set({ vehicles: [{ ...v1, lat: 46.075, lon: 122.1, headingDeg: 90 }, v2] });
      await new Promise((r) => setTimeout(r, 50));
      const after = document.querySelector('[data-key="1:1"]') as HTMLElement & { __tag?: string };
      return { same: after.__tag === 'original', count: document.querySelectorAll('[data-testid="vehicle-marker"]').length };
    });
    expect(moved).toEqual({ same: true, count: 2 });
    const one = (await markers(page)).find((m) => m.key === '1:1')!;
    expect([one.lat, one.lon, one.heading, one.transform]).toEqual(['46.075', '122.1', '90', 'rotate(90deg)']);
    expect(Math.abs(one.centre.x - one.projected.x)).toBeLessThan(2);
  });

  it('selects a vehicle on click and highlights it; lost links are greyed', async () => {
    await page.locator('[data-key="2:1"]').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __harness: Harness }).__harness.selections)).toEqual(['2:1']);
    await expect.poll(async () => (await markers(page)).find((m) => m.key === '2:1')!.classes).toContain('vehicle-marker--selected');
    await page.evaluate(() => {
      const h = (window as unknown as { __harness: Harness }).__harness;
      const [v1, v2] = h.state().vehicles;
      h.set({ vehicles: [{ ...v1, linkLost: true }, v2] });
    });
    await expect.poll(async () => (await markers(page)).find((m) => m.key === '1:1')!.classes).toContain('vehicle-marker--lost');
    await idle(page);
    writeFileSync(join(RESULTS_DIR, 'map-vehicles.png'), await page.screenshot());
  });

  it('shows the cursor position in decimal degrees and DMS', async () => {
    const at = await page.evaluate(() => {
      const map = (window as unknown as { __harness: Harness }).__harness.map()!;
      const p = map.project([122.0933, 46.0726]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y + 60 }; // below the marker, over bare map
    });
    await page.mouse.move(at.x, at.y);
    const text = await page.getByTestId('cursor-coords').textContent();
    expect(text).toMatch(/^46\.0\d{5}, 122\.09\d{4} {2}46°0\d′\d\d\.\d″N 122°05′\d\d\.\d″E$/);
  });

  it('follows the selected vehicle when follow is on', async () => {
    await page.evaluate(() => {
      const h = (window as unknown as { __harness: Harness }).__harness;
      const [v1, v2] = h.state().vehicles;
      h.set({ follow: true, selectedKey: '2:1', vehicles: [v1, { ...v2, lat: 46.09, lon: 122.13 }] });
    });
    await expect.poll(() => page.getByTestId('follow-indicator').textContent()).toBe('Following');
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const c = (window as unknown as { __harness: Harness }).__harness.map()!.getCenter();
            return Math.round(c.lat * 1e4) / 1e4 + ',' + Math.round(c.lng * 1e4) / 1e4;
          }),
        { timeout: 5000 },
      )
      .toBe('46.09,122.13');
  });

  it('moves 20 vehicles at 5 Hz in place, without re-creating markers', async () => {
    const result = await page.evaluate(async () => {
      const h = (window as unknown as { __harness: Harness }).__harness;
      const base = h.state().vehicles[0];
      const fleet = (step: number) =>
        Array.from({ length: 20 }, (_, i) => ({
          ...base,
          key: `${i + 10}:1`,
          sysid: i + 10,
          linkLost: false,
          lat: 46.06 + i * 0.001 + step * 0.0001,
          lon: 122.08 + i * 0.001,
          headingDeg: (i * 18 + step * 5) % 360,
        }));
      // React commits on its own schedule and the software-rendered map can hold the main thread,
      // so wait for the DOM to show each state rather than sleeping a fixed time.
      const until = async (cond: () => boolean) => {
        const t0 = performance.now();
        while (!cond()) {
          if (performance.now() - t0 > 5000) throw new Error('timed out waiting for the markers');
          await new Promise((r) => setTimeout(r, 5));
        }
      };
      const leadLat = () => (document.querySelector('[data-key="10:1"]') as HTMLElement | null)?.dataset.lat;
      h.set({ vehicles: fleet(0), selectedKey: null, follow: false });
      await until(() => document.querySelectorAll('[data-testid="vehicle-marker"]').length === 20 && leadLat() === String(46.06));
      const tagged = new Map<string, Element>();
      document.querySelectorAll('[data-testid="vehicle-marker"]').forEach((el) => tagged.set((el as HTMLElement).dataset.key!, el));
      const updateMs: number[] = [];
      for (let step = 1; step <= 10; step++) {
        const t0 = performance.now();
        const expected = String(fleet(step)[0].lat);
        h.set({ vehicles: fleet(step) });
        await until(() => leadLat() === expected);
        updateMs.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 200));
      }
      const now = [...document.querySelectorAll<HTMLElement>('[data-testid="vehicle-marker"]')];
      return {
        count: now.length,
        sameElements: now.every((el) => tagged.get(el.dataset.key!) === el),
        last: now.find((el) => el.dataset.key === '10:1')!.dataset,
        updateMs,
      };
    });
    expect(result.count).toBe(20);
    expect(result.sameElements).toBe(true);
    expect([result.last.lat, result.last.heading]).toEqual([String(46.06 + 10 * 0.0001), '50']);
    console.log(`20-vehicle update to DOM, ms per frame: ${result.updateMs.map((m) => m.toFixed(1)).join(' ')}`);
  });

  it('draws water and land at low zoom', async () => {
    await page.evaluate(() => {
      const h = (window as unknown as { __harness: Harness }).__harness;
      h.set({ follow: false });
      h.map()!.jumpTo({ center: [125, 35], zoom: 3 });
    });
    await idle(page);
    const png = await page.locator('.gcs-map__canvas canvas').screenshot();
    writeFileSync(join(RESULTS_DIR, 'map-east-asia.png'), png);
    const [land, water] = await colourShares(page, png, [hexToRgb(BASEMAP_COLORS.land), hexToRgb(BASEMAP_COLORS.water)]);
    expect(land).toBeGreaterThan(0.2);
    expect(water).toBeGreaterThan(0.2);
    expect(pageErrors).toEqual([]);
    // Everything came from the bundle: html, one script, one stylesheet, the worker.
    expect(server.requests.every((p) => p === '/' || p.startsWith('/assets/'))).toBe(true);
  });
});
