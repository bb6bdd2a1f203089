// Signing and vehicle faults in the real UI: the server host and station in this process, the
// simulator as its own process over TCP, the built renderer in Debian's Chromium. The pilot sets a
// key, sends it to the aircraft over the link, and the vehicle row turns "signed"; then the aircraft
// reboots and a banner says so, with its state.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpSim, type SimProcess } from '../support/gcs-cli';
import { SHOTS, startUiStation, type UiStation } from '../support/ui-station';

describe('signing and vehicle faults in Chromium', () => {
  let ui: UiStation;
  let page: Page;
  let sim: SimProcess;

  beforeAll(async () => {
    sim = await startTcpSim(['--reboot-after', '25']);
    ui = await startUiStation();
    await ui.station.openLink({ spec: `tcp:127.0.0.1:${sim.tcpPort}` }, { role: 'pilot', name: 'setup' });
    page = await ui.open();
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
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
    await expect.poll(async () => (await ui.station.getSigning({}, { role: 'pilot', name: 't' }))[0]?.requireSigned, { timeout: 5_000 }).toBe(true);
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
