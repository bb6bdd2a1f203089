// renderer/platform in real Chromium against the server host: a tiny page bundled from the real
// platform code connects over WebSocket under the server's CSP, with the token from the address,
// then by cookie alone after a reload, and reconnects when the connection drops.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/server/server';
import { launchChromium } from '../support/browser';
import { FakeStation } from '../support/fake-station';

const ENTRY = `
import { keepStationConnected } from '${join(__dirname, '..', '..', 'renderer', 'platform', 'index').replace(/\\/g, '/')}';
const out = document.getElementById('out');
let connections = 0;
keepStationConnected({
  async onConnected({ client, host }) {
    connections++;
    const hello = await client.call('hello');
    out.dataset.role = hello.role;
    out.dataset.host = host;
    out.dataset.connections = String(connections);
    client.on('vehicles', (p) => { out.dataset.lat = String(p.vehicles[0].lat); });
    try { await client.call('openLink', { spec: 'udp:0.0.0.0:14550' }); out.dataset.open = 'ok'; }
    catch (e) { out.dataset.open = e.code; }
  },
  onDisconnected(reason) { out.dataset.lost = reason; },
});
`;

describe('renderer platform over the server host, in Chromium', () => {
  let dir: string;
  let station: FakeStation;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gcs-platform-'));
    const staticDir = join(dir, 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'entry.ts'), ENTRY);
    await build({ entryPoints: [join(dir, 'entry.ts')], bundle: true, format: 'esm', outfile: join(staticDir, 'assets', 'app.js'), logLevel: 'silent' });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><div id="out"></div><script type="module" src="/assets/app.js"></script>');
    station = new FakeStation({ tickMs: 100 });
    await station.start();
    server = await startServer({ station, port: 0, staticDir });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await station?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const data = (key: string) => page.locator('#out').getAttribute(`data-${key}`);

  it('connects with the token from the address as pilot, gets events, and hides the token', async () => {
    await page.goto(server.url);
    await expect.poll(() => data('role'), { timeout: 10_000 }).toBe('pilot');
    expect(await data('host')).toBe('server');
    await expect.poll(() => data('open')).toBe('ok');
    await expect.poll(() => data('lat')).toMatch(/^46\./);
    expect(page.url()).not.toContain('token=');
    expect(errors).toEqual([]);
  }, 30_000);

  it('reconnects by cookie after a reload, and again when the server comes back', async () => {
    await page.reload();
    await expect.poll(() => data('role'), { timeout: 10_000 }).toBe('pilot');
    expect(await data('connections')).toBe('1');
    expect(station.listenerCount).toBe(1);

    const { port, token } = server;
    await server.close();
    await expect.poll(() => data('lost'), { timeout: 5_000 }).not.toBeNull();
    server = await startServer({ station, port, token, staticDir: join(dir, 'renderer') });
    await expect.poll(() => data('connections'), { timeout: 15_000 }).toBe('2');
    expect(await data('role')).toBe('pilot');
    expect(errors.filter((e) => !/WebSocket/.test(e))).toEqual([]);
  }, 40_000);

  it('asks for a lesser role from the address: ?role=observer may not open links', async () => {
    await server.close();
    server = await startServer({ station, port: 0, staticDir: join(dir, 'renderer') });
    await page.goto(`${server.url}&role=observer`);
    await expect.poll(() => data('role'), { timeout: 10_000 }).toBe('observer');
    await expect.poll(() => data('open')).toBe('forbidden');
  }, 30_000);
});
