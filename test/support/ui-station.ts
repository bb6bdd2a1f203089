// A station on the server host with the built UI open in Chromium: what an end-to-end test of a view
// starts from. One place for it, so each view's test says only what it does with the page.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { GroundStation } from '../../electron/core/station';
import { startServer } from '../../electron/server/server';
import { launchChromium } from './browser';

export const ROOT = join(__dirname, '..', '..');
export const STATIC_DIR = join(ROOT, 'dist', 'renderer');
export const SHOTS = join(ROOT, 'test-results');

export interface UiStation {
  station: GroundStation;
  page: Page;
  close(): Promise<void>;
}

export async function openUiStation(opts: { dataDir?: string; lang?: 'en-US' | 'zh-CN' } = {}): Promise<UiStation> {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test does).');
  mkdirSync(SHOTS, { recursive: true });
  const lang = opts.lang ?? 'en-US';
  const station = new GroundStation({ host: 'server', ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) });
  await station.start();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await server?.close();
    await station.close();
  };
  try {
    server = await startServer({ station, port: 0, staticDir: STATIC_DIR });
    browser = await launchChromium({ lang });
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, locale: lang });
    page.on('pageerror', (err) => console.error('page error:', err.message));
    await page.goto(server.url);
    return { station, page, close };
  } catch (err) {
    await close();
    throw err;
  }
}
