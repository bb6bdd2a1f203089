// What an end-to-end test of the UI starts: the station and the server host in this process, the
// built renderer served by it, and Debian's Chromium. Pages open with a role, as a commander's
// browser would (`&role=commander`); page errors are printed, since the test cannot see a console.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { GroundStation, type GroundStationOptions } from '../../electron/core/station';
import { startServer } from '../../electron/server/server';
import { launchChromium } from './browser';

export const ROOT = join(__dirname, '..', '..');
export const STATIC_DIR = join(ROOT, 'dist', 'renderer');
/** Screenshots the tests take, to be looked at. */
export const SHOTS = join(ROOT, 'test-results');

export interface UiStation {
  station: GroundStation;
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
  open(opts?: { role?: string; width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startUiStation(opts: { station?: Omit<GroundStationOptions, 'host'>; auditRefusals?: boolean; lang?: 'en-US' | 'zh-CN' } = {}): Promise<UiStation> {
  const lang = opts.lang ?? 'en-US';
  if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test does).');
  mkdirSync(SHOTS, { recursive: true });
  const station = new GroundStation({ host: 'server', ...opts.station });
  await station.start();
  const server = await startServer({ station, port: 0, staticDir: STATIC_DIR, onRefusal: opts.auditRefusals ? (r) => station.recordRefusal(r) : undefined });
  const browser = await launchChromium({ lang });
  return {
    station,
    server,
    browser,
    async open(o = {}) {
      const page = await browser.newPage({ viewport: { width: o.width ?? 1400, height: o.height ?? 900 }, locale: lang });
      page.on('pageerror', (err) => console.error(`${o.role ?? 'pilot'} page error:`, err.message));
      await page.goto(o.role ? `${server.url}&role=${o.role}` : server.url);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await station.close();
    },
  };
}

/** One page on a fresh station: what most views' tests start from. */
export interface UiPage {
  station: GroundStation;
  page: Page;
  close(): Promise<void>;
}

export async function openUiStation(opts: { dataDir?: string; lang?: 'en-US' | 'zh-CN' } = {}): Promise<UiPage> {
  const ui = await startUiStation({ lang: opts.lang, station: opts.dataDir ? { dataDir: opts.dataDir } : {} });
  try {
    const page = await ui.open({ height: 860 });
    return { station: ui.station, page, close: () => ui.close() };
  } catch (err) {
    await ui.close();
    throw err;
  }
}
