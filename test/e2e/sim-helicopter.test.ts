// "Start simulator" with the helicopter, from the UI: the box next to the vehicle count asks the
// station for `gcs sim --helicopter`, and the police helicopter's ADS-B track appears on the map.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startUiStation, type UiStation } from '../support/ui-station';

describe('simulator with the helicopter, started from the UI', () => {
  let ui: UiStation;
  let page: Page;

  beforeAll(async () => {
    ui = await startUiStation();
    page = await ui.open();
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
  });

  it('the helicopter box starts the simulated helicopter beside the drones', async () => {
    await page.getByTestId('sim-count').fill('2');
    await page.getByTestId('sim-helicopter').check();
    await page.locator('header.topbar').screenshot({ path: join(SHOTS, 'sim-helicopter-topbar-en.png') });
    await page.getByTestId('sim-start').click();
    await expect.poll(() => page.getByTestId('vehicle-marker').count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => page.getByTestId('traffic-marker').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('.traffic-marker__label').first().textContent()).toMatch(/^POLICE1/);
    expect(await page.getByTestId('sim-stop').getAttribute('data-helicopter')).toBe('true');
    expect(ui.station.getSimulator()).toMatchObject({ running: true, vehicles: 2, helicopter: true });
    await page.screenshot({ path: join(SHOTS, 'sim-helicopter-en.png') });
  }, 60_000);

  it('without the box, no helicopter', async () => {
    await page.getByTestId('sim-stop').click();
    await page.getByTestId('sim-helicopter').uncheck();
    await page.getByTestId('sim-start').click();
    await expect.poll(() => page.getByTestId('sim-stop').getAttribute('data-helicopter'), { timeout: 20_000 }).toBe('false');
    expect(ui.station.getSimulator()).toMatchObject({ running: true, helicopter: false });
  }, 60_000);
});
