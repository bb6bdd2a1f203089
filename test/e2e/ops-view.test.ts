// The operations view end to end: the station and server host in this process, three simulated
// drones flying their demo patrol and the simulated police helicopter as a separate process, a
// pilot's browser and a commander's browser in Debian's Chromium. Both see the same picture and
// notes; the separation alert fires as the helicopter comes close; the commander cannot fly.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroundStation } from '../../electron/core/station';
import { startServer } from '../../electron/server/server';
import { launchChromium } from '../support/browser';
import { emptyPlan } from '../../shared/plan';

const ROOT = join(__dirname, '..', '..');
const STATIC_DIR = join(ROOT, 'dist', 'renderer');
const SHOTS = join(ROOT, 'test-results');
const SIM = [process.execPath, '--import', 'tsx', join(ROOT, 'electron/core/sim/main.ts'), '--helicopter', '--helicopter-alt', '50'];

describe('operations view: three drones, a helicopter, a pilot and a commander', () => {
  let station: GroundStation;
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let pilot: Page;
  let commander: Page;

  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test does).');
    mkdirSync(SHOTS, { recursive: true });
    station = new GroundStation({ host: 'server', simulatorCommand: SIM });
    await station.start();
    server = await startServer({ station, port: 0, staticDir: STATIC_DIR });
    browser = await launchChromium({ lang: 'en-US' });
    const open = async (role: string) => {
      const page = await browser.newPage({ viewport: { width: 1680, height: 1000 }, locale: 'en-US' });
      page.on('pageerror', (err) => console.error(`${role} page error:`, err.message));
      // Records what the page speaks (headless Chromium has no voices to hear it with).
      await page.addInitScript(() => {
        const w = window as unknown as { spoken: Array<{ text: string; lang: string }> };
        w.spoken = [];
        speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void w.spoken.push({ text: u.text, lang: u.lang });
      });
      await page.goto(`${server.url}&role=${role}`);
      return page;
    };
    pilot = await open('pilot');
    commander = await open('commander');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await station?.close();
  });

  it('both browsers see the drones and the helicopter; the separation alert fires before the ring is crossed', async () => {
    await station.startSimulator({ vehicles: 3 }, { role: 'pilot', name: 'test' });
    for (const page of [pilot, commander]) {
      await expect.poll(() => page.getByTestId('vehicle-marker').count(), { timeout: 30_000 }).toBe(3);
    }
    // A mission uploaded by the pilot: the commander's map draws it too (from the station's cache).
    const plan = emptyPlan();
    plan.mission.items = [[0.004, 0.004], [0.006, -0.004], [-0.004, -0.006]].map(([dLat, dLon]) => ({
      frame: 3, command: 16, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: 46.0726 + dLat, y: 122.0933 + dLon, z: 60,
    }));
    const up = await station.uploadPlan({ key: '3:1', plan, types: ['mission'], verify: true }, { role: 'pilot', name: 'test' });
    expect(up.verified).toBe(true);
    expect((await station.getOpsPicture({}, { role: 'commander', name: 'c' })).missions[0].points).toHaveLength(3);
    for (const page of [pilot, commander]) {
      await expect.poll(() => page.getByTestId('traffic-marker').count(), { timeout: 30_000 }).toBe(1);
    }
    // The helicopter starts 1.5 km south flying north over home at 40 m/s: a predicted conflict
    // (warning) comes first, before anyone is inside the 300 m ring.
    const predicted = pilot.locator('[data-testid="alert"][data-kind="separationPredicted"]', { hasText: 'POLICE1' });
    await predicted.first().waitFor({ timeout: 40_000 });
    expect(await predicted.first().textContent()).toMatch(/POLICE1 conflict with UAV-\d in \d+ seconds/);
    await commander.locator('[data-testid="alert"][data-kind="separationPredicted"]', { hasText: 'POLICE1' }).first().waitFor({ timeout: 10_000 });
    const violation = pilot.locator('[data-testid="alert"][data-kind="separation"]', { hasText: 'POLICE1' });
    await violation.first().waitFor({ timeout: 60_000 });
    expect(await violation.first().textContent()).toMatch(/Separation: POLICE1 \d+ m, \d+ m vertically from UAV-\d/);
    // The warning came before the ring was crossed (the station's own record of both).
    const kept = (await station.getOpsPicture({}, { role: 'commander', name: 'c' })).alerts.filter((a) => a.message.en.includes('POLICE1'));
    const firstWarning = Math.min(...kept.filter((a) => a.kind === 'separationPredicted').map((a) => a.tMs));
    const firstViolation = Math.min(...kept.filter((a) => a.kind === 'separation').map((a) => a.tMs));
    expect(firstWarning).toBeLessThan(firstViolation - 5000);
    expect(await pilot.locator('.traffic-marker__label').first().textContent()).toMatch(/^POLICE1 · \d+ m · \d+ s ago$/);
    const spoken = (await pilot.evaluate(() => (window as unknown as { spoken: Array<{ text: string; lang: string }> }).spoken));
    expect(spoken.find((x) => /^Separation: POLICE1/.test(x.text))).toMatchObject({ lang: 'en-US' });
    await pilot.screenshot({ path: join(SHOTS, 'ops-pilot-en.png') });
  }, 150_000);

  it('a note written by the commander shows on the pilot\'s screen at once, and the other way round', async () => {
    await commander.bringToFront();
    await commander.getByTestId('note-category').selectOption('tasking');
    await commander.getByTestId('note-input').fill('UAV-2 hold north of the bridge until POLICE1 has passed');
    await commander.getByTestId('note-save').click();
    await commander.getByTestId('note-saved').waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await pilot.getByTestId('note-list').textContent()) ?? '', { timeout: 10_000 }).toContain('UAV-2 hold north of the bridge');

    // Pinned to a point clicked on the map: the pin shows on the other screen's note too.
    await pilot.bringToFront();
    await pilot.getByTestId('note-pin').click();
    await pilot.getByTestId('map-view').click({ position: { x: 200, y: 200 } });
    await expect.poll(async () => (await pilot.getByTestId('note-pin').textContent()) ?? '').toMatch(/^Pinned 46\.\d{4}, 122\.\d{4}$/);
    await pilot.getByTestId('note-input').fill('POLICE1 passed, UAV-2 resuming patrol');
    await pilot.getByTestId('note-save').click();
    await expect.poll(async () => (await commander.getByTestId('note-list').textContent()) ?? '', { timeout: 10_000 }).toContain('UAV-2 resuming patrol');
    await expect.poll(() => commander.locator('[data-testid="note"] .ops-note-pin').count(), { timeout: 10_000 }).toBe(1);
    const authors = await commander.getByTestId('note').allTextContents();
    expect(authors.join('\n')).toMatch(/Commander[\s\S]*Pilot/);
    await commander.screenshot({ path: join(SHOTS, 'ops-commander-en.png') });
  }, 120_000);

  it('the pilot flies with hold-to-confirm and sees the answer; the commander has no buttons', async () => {
    await expect.poll(() => commander.getByTestId('guided-watch-only').count()).toBe(1);
    const rtl = pilot.getByTestId('guided-rtl');
    // The pilot's window in front, as on the pilot's laptop (a background page gets no key focus).
    await pilot.bringToFront();
    // A click is not a hold: nothing is sent.
    await rtl.click();
    expect(await pilot.getByTestId('guided-answer').count()).toBe(0);
    // Held from the keyboard (Space), which a layout shift in the panel cannot move off the button.
    // Once: a hold is timed by its events, so a busy page cannot lose it (test/e2e/hold-confirm.test.ts).
    const answer = pilot.getByTestId('guided-answer');
    await rtl.focus();
    await pilot.keyboard.down(' ');
    await pilot.waitForTimeout(1200);
    await pilot.keyboard.up(' ');
    await answer.waitFor({ timeout: 10_000 }).catch(async (err: unknown) => {
      await pilot.screenshot({ path: join(SHOTS, 'ops-hold-failed.png') });
      throw err;
    });
    expect(await answer.getAttribute('data-code')).toBe('accepted');
  }, 60_000);

  it('the commander sets altitude blocks; drones above theirs raise an alert on every screen', async () => {
    await commander.bringToFront();
    await commander.getByTestId('altitude-blocks').locator('summary').click();
    await commander.getByTestId('block-drone-max').fill('20');
    await commander.getByTestId('blocks-apply').click();
    const alert = pilot.locator('[data-testid="alert"][data-kind="altitudeBlock"]');
    await alert.first().waitFor({ timeout: 15_000 });
    expect(await alert.first().textContent()).toMatch(/UAV-\d above altitude block drones ≤ 20 m: \d+ m/);
  }, 30_000);

  it('reads in Chinese', async () => {
    await commander.getByTestId('lang-switch').click();
    const zh = commander.getByTestId('lang-option-zh-CN');
    if (await zh.count()) await zh.click();
    await expect.poll(async () => (await commander.getByTestId('ops-column').textContent()) ?? '', { timeout: 5_000 }).toContain('协同备注');
    await expect.poll(async () => (await commander.getByTestId('alerts-panel').textContent()) ?? '', { timeout: 5_000 }).toMatch(/间隔告警|交通提示/);
    await commander.screenshot({ path: join(SHOTS, 'ops-commander-zh.png') });
  }, 30_000);
});
