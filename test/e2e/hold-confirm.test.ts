// Hold-to-confirm in Chromium when the page is busy: a real hold of more than HOLD_MS must confirm
// even when the page's main thread stalls and the release is handled before the hold timer (Chromium
// runs input before overdue timers). A MapLibre frame with software GL on a loaded machine is such a
// stall; it made the ops e2e test's hold fail now and then.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpSim, type SimProcess } from '../support/gcs-cli';
import { SHOTS, startUiStation, type UiStation } from '../support/ui-station';
import { waitFor } from '../support/wait';

/** Blocks the page's main thread for ms, starting shortly: a long frame, as on a loaded laptop. */
function stallSoon(page: Page, ms: number): Promise<void> {
  return page.evaluate((block) => {
    setTimeout(() => {
      const end = performance.now() + block;
      while (performance.now() < end) {
        // busy, like a long frame
      }
    }, 50);
  }, ms);
}

describe('hold-to-confirm under a stalled main thread', () => {
  let ui: UiStation;
  let page: Page;
  let sim: SimProcess;

  beforeAll(async () => {
    sim = await startTcpSim();
    ui = await startUiStation();
    await ui.station.openLink({ spec: `tcp:127.0.0.1:${sim.tcpPort}` }, { role: 'pilot', name: 'setup' });
    await waitFor('the vehicle', () => ui.station.getVehicles().length === 1, 20_000);
    page = await ui.open();
    await page.getByTestId('guided-rtl').waitFor({ timeout: 20_000 });
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
    sim?.child.kill('SIGKILL');
  });

  const answer = () => page.getByTestId('guided-answer');

  it('a short press during a stall is still not a hold', async () => {
    const rtl = page.getByTestId('guided-rtl');
    await rtl.focus();
    // Pressed and released inside the stall: both handled late, back to back, and still short.
    await stallSoon(page, 1500);
    await page.waitForTimeout(200);
    // Sent together, so the release is not held back until the press is handled (as a person's
    // quick tap is timed by the keyboard, not by when the page gets to it).
    await Promise.all([page.keyboard.down(' '), page.keyboard.up(' ')]);
    await page.waitForTimeout(2500);
    expect(await answer().count()).toBe(0);
  }, 30_000);

  it('a keyboard hold released while the page is stalled confirms', async () => {
    const rtl = page.getByTestId('guided-rtl');
    await rtl.focus();
    await page.keyboard.down(' ');
    // The hold timer falls due inside the stall; the release arrives inside it too, after 1000 ms.
    await stallSoon(page, 1500);
    await page.waitForTimeout(1000);
    await page.keyboard.up(' ');
    await answer().waitFor({ timeout: 10_000 }).catch(async (err: unknown) => {
      await page.screenshot({ path: join(SHOTS, 'hold-stalled-failed.png') });
      throw err;
    });
    expect(await answer().getAttribute('data-code')).toBe('accepted');
  }, 30_000);

  it('a pointer hold released while the page is stalled confirms', async () => {
    await page.reload();
    const land = page.getByTestId('guided-land');
    await land.waitFor({ timeout: 20_000 });
    // The side panel scrolls; the button must be on screen for a pointer to reach it.
    await land.scrollIntoViewIfNeeded();
    const box = (await land.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await stallSoon(page, 1500);
    await page.waitForTimeout(1000);
    await page.mouse.up();
    await answer().waitFor({ timeout: 10_000 }).catch(async (err: unknown) => {
      await page.screenshot({ path: join(SHOTS, 'hold-pointer-failed.png') });
      throw err;
    });
    expect(await answer().textContent()).toMatch(/LAND|accepted|Accepted/i);
  }, 30_000);
});
