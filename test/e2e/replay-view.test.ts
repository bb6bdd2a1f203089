// The trainer's path in Chromium: open a recorded flight from the library, play at 4x, see the crew's
// notes appear at their times, seek on the timeline, add a debrief note. Real server host, real
// station and SQLite, the built UI; the flight's tlog is a real ArduPilot log (UAVLogViewer's vtol).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroundStation } from '../../electron/core/station';
import { FlightLibrary } from '../../electron/core/recording/flight-library';
import { sha256 } from '../../electron/core/recording/flight-tracker';
import { indexTlog } from '../../electron/core/recording/tlog-index';
import { startServer } from '../../electron/server/server';
import { launchChromium } from '../support/browser';
import { MemoryNotes } from '../support/replay/memory-notes';

const ROOT = join(__dirname, '..', '..');
const STATIC_DIR = join(ROOT, 'dist', 'renderer');
const SHOTS = join(ROOT, 'test-results');
const VTOL = join(ROOT, 'test/fixtures/tlog/uavlogviewer-vtol.tlog');

describe('Replay view in Chromium', () => {
  let station: GroundStation;
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  const notes = new MemoryNotes();
  let startMs = 0;

  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test does).');
    mkdirSync(SHOTS, { recursive: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'replay-e2e-'));
    // A flight in the library whose tlog is the real log.
    const tlogPath = join(dataDir, 'flights', 'vtol.tlog');
    mkdirSync(join(dataDir, 'flights'));
    copyFileSync(VTOL, tlogPath);
    const bytes = new Uint8Array(readFileSync(tlogPath));
    const index = indexTlog(bytes);
    startMs = index.startUs / 1000;
    station = new GroundStation({ host: 'server', dataDir, replay: { notes } });
    const library = new FlightLibrary(station.db);
    library.create({ id: 'vtol-1', vehicleKey: '1:1', pilot: 'Zhang Wei', startMs, tlogPath, missionName: null });
    library.finish('vtol-1', { endMs: Math.round(index.endUs / 1000), maxAltRelM: 63, distanceM: 1822, bbox: { minLat: -35.364806, minLon: 149.1639194, maxLat: -35.360757, maxLon: 149.1658788 }, noteCount: 3, alertCount: 0, sha256: sha256(bytes) }, 'closed');
    notes.crew(startMs + 20_000, 'Climbing out over the field');
    notes.crew(startMs + 60_000, 'Circle over the east gate');
    notes.crew(startMs + 180_000, 'Landing clear');
    await station.start();
    server = await startServer({ station, port: 0, staticDir: STATIC_DIR });
    browser = await launchChromium({ lang: 'en-US' });
    page = await browser.newPage({ viewport: { width: 1400, height: 860 }, locale: 'en-US' });
    page.on('pageerror', (err) => console.error('page error:', err.message));
    await page.goto(`${server.url}&role=trainer`);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await station?.close();
  });

  it('opens a flight, plays at 4x with notes at their times, seeks, and takes a debrief note', async () => {
    await page.getByTestId('view-tab-replay').click();
    const row = page.getByTestId('flight-row').first();
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('Zhang Wei');
    expect(await page.getByTestId('logbook').textContent()).toContain('Zhang Wei');
    await row.click();
    await page.getByTestId('replay-timeline').waitFor({ timeout: 15_000 });
    // Search by place: a point far away finds nothing; the flight's own field finds it.
    await page.getByTestId('filter-place').fill('46.07, 122.09');
    await page.getByTestId('flight-search').click();
    await expect.poll(() => page.getByTestId('flight-row').count(), { timeout: 10_000 }).toBe(0);
    await page.getByTestId('filter-place').fill('-35.3625, 149.165');
    await page.getByTestId('flight-search').click();
    await expect.poll(() => page.getByTestId('flight-row').count(), { timeout: 10_000 }).toBe(1);

    // The flight's record is completed by hand: its registration and mission.
    const details = page.getByTestId('flight-details');
    await details.getByLabel('Registration').fill('B-7001');
    await details.getByLabel('Mission').fill('Night market overwatch');
    await page.getByTestId('flight-details-save').click();
    await expect.poll(async () => (await page.getByTestId('flight-row').first().textContent()) ?? '', { timeout: 10_000 }).toContain('B-7001');
    expect(await page.getByTestId('flight-row').first().textContent()).toContain('Night market overwatch');

    // At the start, no note is due yet.
    expect(await page.getByTestId('replay-note').count()).toBe(0);
    await page.getByTestId('replay-speed').selectOption('4');
    await page.getByTestId('replay-play').click();
    // The vehicle is on the map at the log's place (CMAC, Australia), as a live one would be.
    const marker = page.getByTestId('vehicle-marker').first();
    await marker.waitFor({ state: 'attached', timeout: 15_000 });
    expect(Number(await marker.getAttribute('data-lat'))).toBeCloseTo(-35.363, 2);
    // The first note (20 s into the flight) shows after about 5 s at 4x, and not the later ones.
    await expect.poll(() => page.getByTestId('replay-note').count(), { timeout: 20_000, interval: 200 }).toBe(1);
    expect(await page.getByTestId('replay-note').first().textContent()).toContain('Climbing out');
    await page.screenshot({ path: join(SHOTS, 'replay-playing-en.png') });
    await page.getByTestId('replay-pause').click();

    // Seek to the middle (about 104 s): two notes are due.
    const bar = page.getByTestId('replay-bar');
    const box = (await bar.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
    await expect.poll(() => page.getByTestId('replay-note').count(), { timeout: 10_000 }).toBe(2);
    const t = await page.getByTestId('replay-time').textContent();
    expect(t).toMatch(/1:4\d \/ 3:28/);

    // A debrief note at this moment, kept apart from the crew's.
    await page.getByTestId('debrief-text').fill('Good circle; watch the wind drift');
    await page.getByTestId('debrief-add').click();
    await expect.poll(() => page.getByTestId('replay-note').count(), { timeout: 10_000 }).toBe(3);
    expect(notes.notes.filter((n) => n.kind === 'debrief')).toHaveLength(1);
    expect(notes.notes.find((n) => n.kind === 'debrief')!.tMs).toBeGreaterThan(startMs + 90_000);
    await expect.poll(async () => (await page.getByTestId('flight-row').first().textContent()) ?? '', { timeout: 10_000 }).toContain('4 notes');
    // The replayed vehicle's instruments are the Fly view's readouts.
    expect(await page.getByTestId('replay-telemetry').getByTestId('tm-mode').textContent()).toBe('GUIDED');
    await page.screenshot({ path: join(SHOTS, 'replay-seek-en.png') });
    // Export: the flown track as GPX, downloaded by the browser.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-gpx').click()]);
    expect(download.suggestedFilename()).toMatch(/^flight-2018-08-08-14-06\.gpx$/);
    expect(readFileSync((await download.path())!, 'utf8')).toContain('<trkpt lat="-35.36');
    await page.getByTestId('lang-switch').click();
    await expect.poll(async () => (await page.getByTestId('flight-library').textContent()) ?? '').toContain('飞行记录库');
    await page.screenshot({ path: join(SHOTS, 'replay-seek-zh.png') });
  }, 120_000);
});
