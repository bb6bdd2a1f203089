// The Plan view in Chromium with the built UI: open .plan files made by the pattern generators and
// see the route, fence and checks on the map. Screenshots of each pattern go to test-results/.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroundStation } from '../../electron/core/station';
import { startServer } from '../../electron/server/server';
import { destinationPoint } from '../../shared/geo/bearing';
import { emptyPlan } from '../../shared/plan/types';
import { insertPattern, writePlanFile, type PatternSpec } from '../../shared/planning';
import { launchChromium } from '../support/browser';

const ROOT = join(__dirname, '..', '..');
const STATIC_DIR = join(ROOT, 'dist', 'renderer');
const SHOTS = join(ROOT, 'test-results');
const home = { lat: 46.0726, lon: 122.0933, altMslM: 280 };
const o = { lat: home.lat, lon: home.lon };
const at = (eM: number, nM: number) => destinationPoint(destinationPoint(o, 90, eM), 0, nM);

const SPECS: Record<string, PatternSpec> = {
  parallelTrack: {
    kind: 'parallelTrack', altM: 60, spacing: { mode: 'direct', spacingM: 40 },
    polygon: [at(100, 100), at(700, 100), at(700, 300), at(500, 300), at(500, 600), at(100, 600)],
    holes: [[at(250, 250), at(350, 250), at(350, 400), at(250, 400)]],
  },
  expandingSquare: { kind: 'expandingSquare', altM: 40, datum: at(300, 300), firstLegDeg: 0, spacingM: 50, legs: 10 },
  sectorSearch: { kind: 'sectorSearch', altM: 40, datum: at(300, 300), firstLegDeg: 20, radiusM: 300, passes: 2 },
  creepingLine: { kind: 'creepingLine', altM: 50, start: at(0, 100), creepDeg: 0, legLengthM: 600, spacingM: 60, legs: 8, firstTurn: 'right' },
  patrolPerimeter: { kind: 'patrolPerimeter', altM: 50, polygon: [at(100, 100), at(500, 100), at(500, 400), at(100, 400)], offsetM: 30, direction: 'cw', laps: 3, lapMode: 'doJump' },
  overwatch: {
    kind: 'overwatch', altM: 60, minAltM: 80, orbitRadiusM: 40, standOffM: 60, timeOnStationS: 300, rotations: 2, lapMode: 'doJump',
    crowd: [at(200, 200), at(600, 200), at(600, 260), at(200, 260)], stations: [at(250, 230), at(550, 330), at(400, 120)],
  },
};

function planFile(kind: string): string {
  const plan = emptyPlan();
  plan.mission.plannedHome = home;
  // An exclusion the parallel track crosses, so the checks have something to say.
  plan.fence.circles.push({ inclusion: false, center: at(600, 200), radiusM: 40 });
  const r = insertPattern(plan, [], kind, SPECS[kind]);
  return writePlanFile(r.plan, r.patterns);
}

describe('Plan view in Chromium', () => {
  let station: GroundStation;
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  let dir = '';

  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test does).');
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'plan-view-'));
    station = new GroundStation({ host: 'server' });
    await station.start();
    server = await startServer({ station, port: 0, staticDir: STATIC_DIR });
    browser = await launchChromium({ lang: 'en-US' });
    page = await browser.newPage({ viewport: { width: 1400, height: 860 }, locale: 'en-US' });
    page.on('pageerror', (err) => console.error('page error:', err.message));
    await page.goto(server.url);
    await page.getByTestId('view-tab-plan').click();
    await page.getByTestId('plan-view').waitFor();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await station?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const kind of Object.keys(SPECS)) {
    it(`opens a ${kind} plan and shows it with its checks`, async () => {
      const path = join(dir, `${kind}.plan`);
      writeFileSync(path, planFile(kind));
      await page.getByTestId('plan-open').setInputFiles(path);
      await expect.poll(async () => (await page.getByTestId('plan-stats').textContent()) ?? '', { timeout: 10_000 }).toMatch(/Patterns/);
      const count = Number(await page.getByTestId('plan-item-count').textContent());
      expect(count).toBeGreaterThan(3);
      await expect.poll(async () => page.getByTestId('map-view').getAttribute('data-map-loaded'), { timeout: 20_000 }).toBe('true');
      // Let MapLibre draw the new sources before the picture.
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(SHOTS, `plan-${kind}.png`) });
    }, 60_000);
  }

  it('a damaged file shows a readable error and keeps the plan shown', async () => {
    const before = await page.getByTestId('plan-item-count').textContent();
    const bad = join(dir, 'bad.plan');
    writeFileSync(bad, '{ nope');
    await page.getByTestId('plan-open').setInputFiles(bad);
    await expect.poll(async () => (await page.getByTestId('plan-error').textContent()) ?? '', { timeout: 5_000 }).toMatch(/not valid JSON/);
    expect(await page.getByTestId('plan-item-count').textContent()).toBe(before);
  });

  it('lists the leg through the exclusion fence for the parallel track', async () => {
    writeFileSync(join(dir, 'pt.plan'), planFile('parallelTrack'));
    await page.getByTestId('plan-open').setInputFiles(join(dir, 'pt.plan'));
    await expect.poll(async () => (await page.getByTestId('plan-issues').textContent()) ?? '', { timeout: 5_000 }).toMatch(/exclusion fence/);
  });
});
