// The server host over real sockets on 127.0.0.1: token and cookie, static files, WebSocket
// authentication, roles, rate limiting, events fan-out and hostile input.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import type { Channel } from '../../shared/contract/channel';
import { createClient, type StationClient } from '../../shared/contract/client';
import { startServer, type RunningServer } from '../../electron/server/server';
import { FakeStation } from '../support/fake-station';

interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, path: string, headers: Record<string, string> = {}, host = '127.0.0.1'): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a WebSocket; resolves with it when open, or with the HTTP status of a refused upgrade. */
function openWs(url: string, headers: Record<string, string> = {}): Promise<{ ws: WebSocket } | { status: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
    });
    ws.once('error', (err) => reject(err));
  });
}

async function mustOpen(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const r = await openWs(url, headers);
  if (!('ws' in r)) throw new Error(`WebSocket refused with ${r.status}`);
  return r.ws;
}

function nodeWsChannel(ws: WebSocket): Channel {
  return {
    send: (text) => ws.send(text),
    onMessage: (h) => ws.on('message', (d) => h(d.toString())),
    onClose: (h) => ws.on('close', () => h()),
    close: () => ws.close(),
  };
}

function wsUrl(s: RunningServer, query: string): string {
  return `ws://127.0.0.1:${s.port}/ws${query}`;
}

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
  vi.restoreAllMocks();
});

let root: string;
let staticDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'gcs-server-'));
  staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>GCS</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(staticDir, 'assets', 'worker.mjs'), 'export {}');
  writeFileSync(join(staticDir, 'assets', 'm.wasm'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(staticDir, 'land.geojson'), '{"type":"FeatureCollection","features":[]}');
  writeFileSync(join(staticDir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'secret.txt'), 'TOP SECRET');
  symlinkSync(join(root, 'secret.txt'), join(staticDir, 'link-out.txt'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('server host', () => {
  let station: FakeStation;
  let server: RunningServer;

  beforeEach(async () => {
    station = new FakeStation({ tickMs: 50 });
    await station.start();
    server = await startServer({ station, port: 0, staticDir });
    cleanup.push(() => station.close(), () => server.close());
  });

  it('prints a loopback URL that carries the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('serves the index only with the token, then sets an HttpOnly SameSite=Strict cookie', async () => {
    const without = await get(server.port, '/');
    expect(without.status).toBe(401);
    expect(without.body).toContain('访问令牌');

    const withToken = await get(server.port, `/?token=${server.token}`);
    expect(withToken.status).toBe(200);
    expect(withToken.headers['content-type']).toBe('text/html; charset=utf-8');
    const cookie = String(withToken.headers['set-cookie']);
    expect(cookie).toContain(`gcs_token_${server.port}=${server.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');

    expect(withToken.headers['content-security-policy']).toContain("script-src 'self'");
    expect(withToken.headers['content-security-policy']).toContain("default-src 'self'");
    expect(withToken.headers['x-content-type-options']).toBe('nosniff');
    expect(withToken.headers['referrer-policy']).toBe('no-referrer');
    expect(withToken.headers['x-frame-options']).toBe('DENY');
  });

  it('serves assets with the cookie and their MIME types; 401 without', async () => {
    expect((await get(server.port, '/assets/app.js')).status).toBe(401);
    const cookie = { Cookie: `gcs_token_${server.port}=${server.token}` };
    const cases: Array<[string, string]> = [
      ['/assets/app.js', 'text/javascript; charset=utf-8'],
      ['/assets/worker.mjs', 'text/javascript; charset=utf-8'],
      ['/assets/m.wasm', 'application/wasm'],
      ['/land.geojson', 'application/geo+json; charset=utf-8'],
      ['/icon.svg', 'image/svg+xml'],
    ];
    for (const [path, mime] of cases) {
      const r = await get(server.port, path, cookie);
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type'], path).toBe(mime);
    }
    expect((await get(server.port, '/index.html', cookie)).status).toBe(200);
    expect((await get(server.port, '/nope.js', cookie)).status).toBe(404);
  });

  it('refuses to leave the static directory, whatever the spelling', async () => {
    const cookie = { Cookie: `gcs_token_${server.port}=${server.token}` };
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/link-out.txt', '/%00', '/%E0%A4%A']) {
      const r = await get(server.port, path, cookie);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.body, path).not.toContain('TOP SECRET');
    }
  });

  it('refuses a Host name that is not ours (DNS rebinding)', async () => {
    const r = await get(server.port, `/?token=${server.token}`, { Host: `evil.example:${server.port}` });
    expect(r.status).toBe(403);
  });

  it('logs and refuses a wrong token on HTTP', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const r = await get(server.port, '/?token=wrong');
    expect(r.status).toBe(401);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/wrong token/);
  });

  it('refuses WebSockets with a bad or missing token, or a foreign Origin', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await openWs(wsUrl(server, '?token=bad'))).toEqual({ status: 401 });
    expect(await openWs(wsUrl(server, ''))).toEqual({ status: 401 });
    expect(await openWs(wsUrl(server, `?token=${server.token}`), { Origin: 'http://evil.example' })).toEqual({ status: 403 });
    expect(await openWs(wsUrl(server, `?token=${server.token}`), { Origin: `http://127.0.0.1:${server.port + 1}` })).toEqual({ status: 403 });
    expect(warn.mock.calls.length).toBeGreaterThanOrEqual(4);
    for (const call of warn.mock.calls) expect(String(call[0])).not.toContain('\n');

    const own = await mustOpen(wsUrl(server, `?token=${server.token}`), { Origin: `http://127.0.0.1:${server.port}` });
    own.close();
    const byCookie = await mustOpen(wsUrl(server, ''), { Cookie: `gcs_token_${server.port}=${server.token}` });
    byCookie.close();
  });

  it('gives a loopback peer the pilot role; ?role=observer cannot open links', async () => {
    const pilot = createClient(nodeWsChannel(await mustOpen(wsUrl(server, `?token=${server.token}`))));
    cleanup.push(() => pilot.close());
    expect((await pilot.call('hello')).role).toBe('pilot');
    expect((await pilot.call('openLink', { spec: 'udp:0.0.0.0:14550' })).state).toBe('open');

    const observer = createClient(nodeWsChannel(await mustOpen(wsUrl(server, `?token=${server.token}&role=observer`))));
    cleanup.push(() => observer.close());
    expect((await observer.call('hello')).role).toBe('observer');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(observer.call('openLink', { spec: 'udp:0.0.0.0:14551' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(station.calls.filter((c) => c.method === 'openLink')).toHaveLength(1);
    expect(warn).toHaveBeenCalled();

    expect(await openWs(wsUrl(server, `?token=${server.token}&role=admin`))).toEqual({ status: 400 });
  });

  it('blocks an address after 5 different wrong tokens, even its right token, but not a stale one repeated', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // The same stale cookie on every asset request must not lock its person out.
    for (let i = 0; i < 8; i++) expect((await get(server.port, '/assets/app.js', { Cookie: `gcs_token_${server.port}=stale` })).status).toBe(401);
    expect((await get(server.port, `/?token=${server.token}`)).status).toBe(200);

    // The stale token counted once; four more different ones make five.
    for (let i = 0; i < 4; i++) expect(await openWs(wsUrl(server, `?token=guess${i}`))).toEqual({ status: 401 });
    expect(await openWs(wsUrl(server, `?token=${server.token}`))).toEqual({ status: 429 });
    expect((await get(server.port, `/?token=${server.token}`)).status).toBe(429);
  });

  it('sends events to two clients at once', async () => {
    const a = createClient(nodeWsChannel(await mustOpen(wsUrl(server, `?token=${server.token}`))));
    const b = createClient(nodeWsChannel(await mustOpen(wsUrl(server, `?token=${server.token}&role=commander`))));
    cleanup.push(() => a.close(), () => b.close());
    const seen = (c: StationClient) =>
      new Promise<number>((resolve) => {
        const off = c.on('vehicles', (p) => {
          off();
          resolve(p.vehicles[0].lat ?? NaN);
        });
      });
    const [latA, latB] = await Promise.all([seen(a), seen(b)]);
    expect(latA).toBeCloseTo(46.07, 1);
    expect(latB).toBeCloseTo(46.07, 1);

    const gotA = new Promise((r) => a.on('statustext', r));
    const gotB = new Promise((r) => b.on('statustext', r));
    station.emit('statustext', { key: '1:1', sysid: 1, compid: 1, severity: 4, text: 'PreArm: test', t: Date.now() });
    expect(await gotA).toMatchObject({ text: 'PreArm: test' });
    expect(await gotB).toMatchObject({ text: 'PreArm: test' });
  });

  it('survives malformed and oversized messages and keeps serving others', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const raw = await mustOpen(wsUrl(server, `?token=${server.token}`));
    raw.send('not json {');
    raw.send('{"t":"call"}');
    raw.send('{"t":"call","id":-1,"method":"hello"}');
    raw.send(JSON.stringify({ t: 'call', id: 1, method: '__proto__', params: {} }));
    raw.send(Buffer.from([1, 2, 3]), { binary: true });
    const answer = await new Promise<string>((resolve) => raw.on('message', (d) => resolve(d.toString())));
    expect(JSON.parse(answer)).toMatchObject({ t: 'result', id: 1, ok: false, error: { code: 'unknown_method' } });

    const closed = new Promise<number>((resolve) => raw.on('close', (code) => resolve(code)));
    raw.send('x'.repeat(5 * 1024 * 1024));
    expect(await closed).toBe(1009);

    const other = createClient(nodeWsChannel(await mustOpen(wsUrl(server, `?token=${server.token}`))));
    cleanup.push(() => other.close());
    expect((await other.call('hello')).role).toBe('pilot');
  });

  it('closes with clients connected, and unsubscribes them from the station', async () => {
    const ws = await mustOpen(wsUrl(server, `?token=${server.token}`));
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    expect(station.listenerCount).toBe(1);
    await server.close();
    expect(await closed).toBe(1001);
    expect(station.listenerCount).toBe(0);
  });
});

describe('server host binding', () => {
  it('refuses a non-loopback interface unless the LAN is allowed', async () => {
    const station = new FakeStation();
    await expect(startServer({ station, host: '0.0.0.0', port: 0, staticDir })).rejects.toThrow(/--lan/);
  });

  const lanIp = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && !i.internal && i.family === 'IPv4')?.address;

  it.skipIf(!lanIp)('never gives a peer from the network the pilot role, even when asked', async () => {
    const station = new FakeStation();
    const server = await startServer({ station, host: '0.0.0.0', port: 0, staticDir, allowLan: true });
    cleanup.push(() => server.close());
    const ws = await mustOpen(`ws://${lanIp}:${server.port}/ws?token=${server.token}&role=pilot`);
    const client = createClient(nodeWsChannel(ws));
    cleanup.push(() => client.close());
    expect((await client.call('hello')).role).toBe('observer');
    await expect(client.call('startSimulator', { vehicles: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    // The page is served to the LAN address too, with the token.
    expect((await get(server.port, `/?token=${server.token}`, {}, lanIp)).status).toBe(200);
  });
});
