// Tile packs made here render in Chromium through the station's /tiles/ route (the built UI, the
// server host, the real station): an MBTiles file of red tiles, then a PMTiles file of blue ones.
// Pixels are checked in the map, not just the absence of errors. Then the layer panel is opened,
// zones are added and a screenshot is kept for people to look at.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { Events } from '../../shared/contract/api';
import { boundsPolygon, latToTileY, lonToTileX } from '../../shared/geo/tiles';
import { buildPmTiles } from '../../shared/maps/pmtiles-format';
import { MbTiles } from '../../electron/core/maps/mbtiles';
import { tileRouteFor } from '../../electron/core/maps/tile-service';
import { GroundStation } from '../../electron/core/station';
import { startServer } from '../../electron/server/server';
import { launchChromium } from '../support/browser';
import { solidPng } from '../support/png';
import { onePixelRgb } from '../support/png-pixel';

const ROOT = join(__dirname, '..', '..');
const STATIC_DIR = join(ROOT, 'dist', 'renderer');
const SHOTS = process.env.MAPS_SHOTS ?? join(ROOT, 'test-results');
const pilot = { role: 'pilot' as const, name: 'test' };
const CENTER = { lat: 46.0726, lon: 122.0933 };

function tilesAround(z: number, radius: number): Array<{ z: number; x: number; y: number }> {
  const cx = lonToTileX(CENTER.lon, z);
  const cy = latToTileY(CENTER.lat, z);
  const out = [];
  for (let x = cx - radius; x <= cx + radius; x++) for (let y = cy - radius; y <= cy + radius; y++) out.push({ z, x, y });
  return out;
}

describe('tile packs in Chromium', () => {
  let station: GroundStation;
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test does).');
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'maps-e2e-'));
    station = new GroundStation({ host: 'server', dataDir: join(dir, 'data') });
    await station.start();
    server = await startServer({ station, port: 0, staticDir: STATIC_DIR, tiles: tileRouteFor(station.dataDir) });
    browser = await launchChromium({ lang: 'en-US' });
    page = await browser.newPage({ viewport: { width: 1200, height: 800 }, locale: 'en-US' });
    page.on('pageerror', (err) => console.error('page error:', err.message));
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await station?.close();
  });

  // Points are fractions of the map's box: the Fly view's panels around the map may change size.
  const at = async (fx: number, fy: number): Promise<[number, number]> => {
    const b = (await page.getByTestId('map-view').boundingBox())!;
    return [Math.round(b.x + b.width * fx), Math.round(b.y + b.height * fy)];
  };
  const pixel = async (x: number, y: number) => {
    const [px, py] = x <= 1 && y <= 1 ? await at(x, y) : [x, y];
    return onePixelRgb(await page.screenshot({ clip: { x: px, y: py, width: 1, height: 1 } }));
  };
  // Points in open map, away from controls, badges and readouts.
  const SAMPLES: Array<[number, number]> = [[0.77, 0.52], [0.55, 0.33], [0.66, 0.8]];

  it('renders an MBTiles pack made of generated PNG tiles (red), then a PMTiles pack (blue)', async () => {
    const mbPath = join(dir, 'red.mbtiles');
    const mb = MbTiles.openCache(mbPath, 'red');
    const red = solidPng(220, 30, 30);
    for (const z of [12, 13, 14]) for (const t of tilesAround(z, 5)) mb.put(t.z, t.x, t.y, red);
    mb.close();
    const redSource = await station.mapsOpenTilePack({ path: mbPath }, pilot);
    expect(redSource).toMatchObject({ kind: 'mbtiles', enabled: true, datum: 'WGS84' });

    await page.goto(server.url);
    await page.locator('[data-testid="map-view"][data-map-loaded="true"]').waitFor({ timeout: 30_000 });
    for (const [x, y] of SAMPLES) {
      await expect.poll(() => pixel(x, y), { timeout: 45_000 }).toEqual([220, 30, 30]);
    }
    await page.screenshot({ path: join(SHOTS, 'maps-mbtiles.png') });

    const pmPath = join(dir, 'blue.pmtiles');
    const blue = solidPng(30, 60, 220);
    writeFileSync(pmPath, buildPmTiles([12, 13, 14].flatMap((z) => tilesAround(z, 5)).map((t) => ({ ...t, data: blue }))));
    await station.mapsUpdateSource({ id: redSource.id, enabled: false }, pilot);
    const blueSource = await station.mapsOpenTilePack({ path: pmPath }, pilot);
    expect(blueSource.kind).toBe('pmtiles');
    for (const [x, y] of SAMPLES) {
      await expect.poll(() => pixel(x, y), { timeout: 45_000 }).toEqual([30, 60, 220]);
    }
    // Half opacity over the dark basemap: a visibly different, darker blue.
    await station.mapsUpdateSource({ id: blueSource.id, opacity: 0.5 }, pilot);
    await expect.poll(async () => (await pixel(0.77, 0.52))[2], { timeout: 45_000 }).toBeLessThan(200);
  }, 240_000);

  it('renders an area prefetched from a tile server with that server stopped (offline)', async () => {
    const green = Buffer.from(solidPng(40, 170, 70));
    let hits = 0;
    const upstream = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'Content-Type': 'image/png' }).end(green);
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const port = (upstream.address() as { port: number }).port;
    const src = await station.mapsAddSource({ name: 'Local server', kind: 'xyz', url: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`, datum: 'WGS84', attribution: 'local', maxZoom: 19 }, pilot);
    await station.mapsUpdateSource({ id: src.id, enabled: false }, pilot);
    const area = { sourceId: src.id, polygon: boundsPolygon({ west: 122.0, south: 46.02, east: 122.19, north: 46.12 }), minZoom: 12, maxZoom: 14 };
    const events: Array<Events['mapsPrefetch']> = [];
    const off = station.subscribe((name, payload) => {
      if (name === 'mapsPrefetch') events.push(payload as Events['mapsPrefetch']);
    });
    // On a loaded machine a fetch can fail; starting again resumes (cached tiles are skipped).
    let estimate = await station.mapsPrefetchEstimate(area, pilot);
    const total = estimate.tiles;
    for (let attempt = 0; attempt < 3 && estimate.toFetch > 0; attempt++) {
      const { jobId } = await station.mapsPrefetchStart(area, pilot);
      await expect.poll(() => events.some((e) => e.jobId === jobId && e.state === 'done'), { timeout: 90_000 }).toBe(true);
      const end = events.find((e) => e.jobId === jobId && e.state === 'done')!;
      if (end.failed > 0) console.warn(`prefetch attempt ${attempt + 1}: ${end.failed} failed (${end.lastError})`);
      estimate = await station.mapsPrefetchEstimate(area, pilot);
    }
    off();
    expect(estimate).toMatchObject({ tiles: total, cached: total, toFetch: 0 });
    const hitsWhenDone = hits;
    await new Promise<void>((r) => {
      upstream.closeAllConnections();
      upstream.close(() => r());
    });
    // Network gone: only the station's cache can draw this.
    for (const s of await station.mapsListSources({}, pilot)) if (s.enabled) await station.mapsUpdateSource({ id: s.id, enabled: false }, pilot);
    await station.mapsUpdateSource({ id: src.id, enabled: true }, pilot);
    await page.reload();
    await page.locator('[data-testid="map-view"][data-map-loaded="true"]').waitFor({ timeout: 30_000 });
    for (const [x, y] of SAMPLES) {
      await expect.poll(() => pixel(x, y), { timeout: 45_000 }).toEqual([40, 170, 70]);
    }
    expect(hits).toBe(hitsWhenDone); // nothing reached the (stopped) server
    await page.screenshot({ path: join(SHOTS, 'maps-offline.png') });
  }, 240_000);

  it('shows zones and the layer panel (screenshot for people)', async () => {
    await station.mapsAddAirport({ name: 'ZBUL', center: { lat: 46.078, lon: 122.08 }, radiusM: 800 }, pilot);
    await station.mapsAddZone({ name: 'Market', kind: 'restricted', shape: { type: 'polygon', vertices: [{ lat: 46.066, lon: 122.095 }, { lat: 46.07, lon: 122.11 }, { lat: 46.062, lon: 122.112 }] } }, pilot);
    await page.getByTestId('maps-toggle').click();
    await page.getByTestId('maps-panel').waitFor();
    await expect.poll(async () => page.getByTestId('maps-zone-list').locator('li').count(), { timeout: 30_000 }).toBe(2);
    await page.getByTestId('maps-goto').fill('GCJ-02: 46.0744, 122.1003');
    await expect.poll(async () => page.getByTestId('maps-goto-read').getAttribute('data-datum')).toBe('GCJ02');
    await page.mouse.move(800, 420);
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(SHOTS, 'maps-panel.png') });
    expect(await page.getByTestId('maps-panel').textContent()).toContain('ZBUL');
    // The prefetched source shows its offline pack size.
    const localId = (await station.mapsListSources({}, pilot)).find((s) => s.name === 'Local server')!.id;
    await expect.poll(async () => page.getByTestId(`maps-cached-${localId}`).textContent(), { timeout: 30_000 }).toMatch(/^offline: \d+ tiles, \d/);

    // Draw a zone with three clicks on the map, name it, save it: the station stores it.
    await page.getByTestId('maps-draw-start').click();
    for (const [fx, fy] of [[0.56, 0.33], [0.87, 0.36], [0.75, 0.63]] as const) {
      const [x, y] = await at(fx, fy);
      await page.mouse.click(x, y);
    }
    await page.getByTestId('maps-draw').getByRole('textbox').fill('Drawn block');
    await page.getByTestId('maps-draw').getByRole('button', { name: 'Save zone' }).click();
    await expect.poll(async () => (await station.mapsListZones({}, pilot)).map((z) => z.name), { timeout: 30_000 }).toContain('Drawn block');
    const drawn = (await station.mapsListZones({}, pilot)).find((z) => z.name === 'Drawn block')!;
    expect(drawn.shape.type === 'polygon' && drawn.shape.vertices).toHaveLength(3);
    expect(drawn.source).toBe('drawn');

    // The prefetch estimate for the drawn zone at the zooms prefetched earlier: all of it is cached.
    await page.getByTestId('maps-prefetch-area').selectOption({ label: 'Drawn block' });
    await page.getByLabel('From zoom').fill('12');
    await page.getByLabel('To zoom').fill('14');
    await page.getByTestId('maps-prefetch-estimate').click();
    const estimateText = await page.getByTestId('maps-prefetch-estimate-text').textContent();
    const m = /^(\d+) tiles, (\d+) already cached/.exec(estimateText ?? '');
    expect(m, estimateText ?? '').not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
    expect(m![2]).toBe(m![1]);

    // The same panel in Chinese.
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(async () => page.getByTestId('maps-toggle').textContent()).toBe('图层');
    await page.screenshot({ path: join(SHOTS, 'maps-panel-zh.png') });
  }, 120_000);
});
