// Signing and vehicle faults in the real UI: the server host and station in this process, the
// simulator as its own process over TCP, the built renderer in Debian's Chromium. The pilot sets a
// key, sends it to the aircraft over the link, and the vehicle row turns "signed"; then the aircraft
// reboots and a banner says so, with its state.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroundStation } from '../../electron/core/station';
import { startServer } from '../../electron/server/server';
import { launchChromium } from '../support/browser';
import { startTcpSim, type SimProcess } from '../support/gcs-cli';

const ROOT = join(__dirname, '..', '..');
const STATIC_DIR = join(ROOT, 'dist', 'renderer');
const SHOTS = join(ROOT, 'test-results');

describe('signing and vehicle faults in Chromium', () => {
  let station: GroundStation;
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  let sim: SimProcess;

  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test does).');
    mkdirSync(SHOTS, { recursive: true });
    sim = await startTcpSim(['--reboot-after', '25']);
    station = new GroundStation({ host: 'server' });
    await station.start();
    await station.openLink({ spec: `tcp:127.0.0.1:${sim.tcpPort}` }, { role: 'pilot', name: 'setup' });
    server = await startServer({ station, port: 0, staticDir: STATIC_DIR });
    browser = await launchChromium({ lang: 'en-US' });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    page.on('pageerror', (err) => console.error('page error:', err.message));
    await page.goto(server.url);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await station?.close();
    sim?.child.kill('SIGKILL');
  });

  it('sets a key, sends SETUP_SIGNING over the chosen link, and the vehicle row shows signed', async () => {
    const chip = page.getByTestId('vehicle-row').first().getByTestId('signing-chip');
    await expect.poll(async () => chip.getAttribute('data-state'), { timeout: 30_000 }).toBe('unsigned');
    await page.getByTestId('signing-passphrase').fill('night-market-07');
    await page.getByTestId('signing-set').click();
    await expect.poll(async () => (await page.getByTestId('signing-key').textContent()) ?? '', { timeout: 5_000 }).toMatch(/^Key [0-9a-f]{8}$/);
    await page.getByTestId('signing-setup').click();
    await expect.poll(async () => chip.getAttribute('data-state'), { timeout: 15_000 }).toBe('signed');
    await page.getByTestId('signing-require').check();
    await expect.poll(async () => (await station.getSigning({}, { role: 'pilot', name: 't' }))[0]?.requireSigned, { timeout: 5_000 }).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'security-signed-en.png') });
    await page.getByTestId('vehicle-row').first().screenshot({ path: join(SHOTS, 'security-vehicle-row-en.png') });
  }, 60_000);

  it('a reboot of the aircraft shows a banner with its state, until dismissed', async () => {
    const banner = page.getByTestId('fault-banner');
    await banner.first().waitFor({ timeout: 40_000 });
    expect(await banner.first().getAttribute('data-kind')).toBe('rebooted');
    expect(await banner.first().textContent()).toMatch(/REBOOTED.*Now disarmed/);
    await page.screenshot({ path: join(SHOTS, 'security-reboot-en.png') });
    await page.getByTestId('lang-switch').click();
    const zh = page.getByTestId('lang-option-zh-CN');
    if (await zh.count()) await zh.click();
    await expect.poll(async () => (await banner.first().textContent()) ?? '', { timeout: 5_000 }).toMatch(/已重启/);
    await page.screenshot({ path: join(SHOTS, 'security-reboot-zh.png') });
    await page.getByTestId('fault-dismiss').first().click();
    await expect.poll(async () => banner.count(), { timeout: 5_000 }).toBe(0);
  }, 60_000);
});
