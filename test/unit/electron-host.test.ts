// The desktop host with Electron mocked: desktop-app.ts runs for real and every hook it registers
// is captured and exercised: the app:// scheme and its handler, window options, CSP, navigation,
// window.open, permissions, and the port hand-over with sender validation (refusals audited).
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ElectronApi } from '../../electron/main/desktop-app';
import { FakeStation } from '../support/fake-station';

const h = vi.hoisted(() => {
  const appHandlers = new Map<string, Array<(...a: unknown[]) => void>>();
  const ipcHandlers = new Map<string, (event: unknown) => void>();
  const windows: Array<{ options: unknown; loadedFile: string | null; loadedUrl: string | null }> = [];
  const channels: Array<{ port1: unknown; port2: unknown }> = [];
  // What happened, in order, so the test can tell what ran before 'ready' and what after.
  const events: string[] = [];
  const protocol = {
    registered: [] as unknown[],
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
  };
  const readiness = { ready: false };
  const session = {
    headersListener: null as null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void),
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | ((wc: unknown, permission: string) => boolean),
    devicePermission: null as null | ((details: unknown) => boolean),
    beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  };
  // What the station's audit log was given (GroundStation.recordRefusal in the real app).
  const refusals: Array<{ channel: string; who: string; reason: string }> = [];
  return { appHandlers, ipcHandlers, windows, channels, session, events, protocol, readiness, refusals, stationStarted: false };
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class FakePortMain extends EventEmitter {
    other: FakePortMain | null = null;
    started = false;
    closed = false;
    postMessage(data: unknown) {
      this.other?.emit('message', { data });
    }
    start() {
      this.started = true;
    }
    close() {
      if (this.closed) return;
      this.closed = true;
      this.emit('close');
      this.other?.close();
    }
  }
  class MessageChannelMain {
    port1 = new FakePortMain();
    port2 = new FakePortMain();
    constructor() {
      this.port1.other = this.port2;
      this.port2.other = this.port1;
      h.channels.push(this);
    }
  }
  class BrowserWindow extends EventEmitter {
    static all: BrowserWindow[] = [];
    static getAllWindows() {
      return BrowserWindow.all;
    }
    record: { options: unknown; loadedFile: string | null; loadedUrl: string | null };
    constructor(options: unknown) {
      super();
      this.record = { options, loadedFile: null, loadedUrl: null };
      h.windows.push(this.record);
      BrowserWindow.all.push(this);
    }
    loadFile(file: string) {
      this.record.loadedFile = file;
      return Promise.resolve();
    }
    loadURL(url: string) {
      h.events.push('loadURL');
      this.record.loadedUrl = url;
      return Promise.resolve();
    }
    show() {}
    focus() {}
  }
  const app = {
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: () => true,
    whenReady: () => {
      h.events.push('whenReady');
      return Promise.resolve().then(() => {
        h.readiness.ready = true;
        h.events.push('ready');
      });
    },
    getPath: () => '/tmp/gcs-user-data',
    on(name: string, fn: (...a: unknown[]) => void) {
      const list = h.appHandlers.get(name) ?? [];
      list.push(fn);
      h.appHandlers.set(name, list);
      return app;
    },
    quit: vi.fn(),
    exit: vi.fn(),
  };
  const session = {
    defaultSession: {
      webRequest: {
        onHeadersReceived: (fn: typeof h.session.headersListener) => (h.session.headersListener = fn),
        onBeforeRequest: (fn: typeof h.session.beforeRequest) => (h.session.beforeRequest = fn),
      },
      setDevicePermissionHandler: (fn: typeof h.session.devicePermission) => (h.session.devicePermission = fn),
      setPermissionRequestHandler: (fn: typeof h.session.permissionRequest) => (h.session.permissionRequest = fn),
      setPermissionCheckHandler: (fn: typeof h.session.permissionCheck) => (h.session.permissionCheck = fn),
    },
  };
  const ipcMain = { on: (ch: string, fn: (e: unknown) => void) => h.ipcHandlers.set(ch, fn) };
  // Electron's rules, enforced as Electron does: privileged schemes only before ready, handlers after.
  const protocol = {
    registerSchemesAsPrivileged(schemes: unknown[]) {
      if (h.readiness.ready) throw new Error('registerSchemesAsPrivileged after ready');
      h.events.push('registerSchemesAsPrivileged');
      h.protocol.registered.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>) {
      if (!h.readiness.ready) throw new Error('protocol.handle before ready');
      h.events.push(`handle:${scheme}`);
      h.protocol.handlers.set(scheme, handler);
    },
  };
  const api = { app, BrowserWindow, MessageChannelMain, ipcMain, protocol, session };
  return { ...api, default: api };
});

// A built app in a temp dir: bundle dir, renderer beside it, and a secret just outside the renderer
// that no app:// URL may reach (directly, encoded, or through a symlink).
const ROOT = mkdtempSync(join(tmpdir(), 'gcs-electron-host-'));
const BUNDLE_DIR = join(ROOT, 'electron');
const RENDERER_DIR = join(ROOT, 'renderer');
const INDEX_HTML = '<!doctype html><title>GCS</title><script type="module" src="./assets/index-abc.js"></script>';
const WORKER_JS = 'self.onmessage = () => {};';
const SECRET = 'TOP SECRET: not for the renderer';
const APP_INDEX_URL = 'app://gcs/index.html';
const OLD_FILE_URL = pathToFileURL(join(RENDERER_DIR, 'index.html')).href;

class FakeWebContents extends EventEmitter {
  openHandler: (() => unknown) | null = null;
  setWindowOpenHandler(fn: () => unknown) {
    this.openHandler = fn;
  }
}

function navigationEvent() {
  return { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
}

function buildFakeApp() {
  mkdirSync(BUNDLE_DIR, { recursive: true });
  mkdirSync(join(RENDERER_DIR, 'assets'), { recursive: true });
  writeFileSync(join(RENDERER_DIR, 'index.html'), INDEX_HTML);
  writeFileSync(join(RENDERER_DIR, 'assets', 'maplibre-gl-worker-abc.mjs'), WORKER_JS);
  writeFileSync(join(RENDERER_DIR, 'assets', 'style.json'), '{"version":8}');
  writeFileSync(join(ROOT, 'secret.txt'), SECRET);
  symlinkSync(join(ROOT, 'secret.txt'), join(RENDERER_DIR, 'assets', 'linked.txt'));
}

function appHandler() {
  const handler = h.protocol.handlers.get('app');
  if (!handler) throw new Error('no app:// handler registered');
  return handler;
}

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

beforeAll(async () => {
  buildFakeApp();
  // Electron's module is the mock above; the station is the fake one, as GroundStation would be made.
  const electron = await import('electron');
  const { startDesktopApp } = await import('../../electron/main/desktop-app');
  await startDesktopApp(
    electron as unknown as ElectronApi,
    () => {
      const station = new FakeStation({ host: 'electron' });
      const start = station.start.bind(station);
      station.start = async () => {
        h.stationStarted = true;
        await start();
      };
      (station as FakeStation & { recordRefusal(r: (typeof h.refusals)[number]): void }).recordRefusal = (r) => h.refusals.push(r);
      return station;
    },
    BUNDLE_DIR,
  );
  expect(h.windows.length).toBe(1);
});

describe('Electron main process', () => {
  it('starts the station and opens one window with isolation, sandbox and no Node', () => {
    expect(h.stationStarted).toBe(true);
    const opts = h.windows[0].options as { webPreferences: Record<string, unknown> };
    expect(opts.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(opts.webPreferences.preload)).toMatch(/preload\.cjs$/);
  });

  it('loads the window from app://gcs/index.html, never from file://', () => {
    expect(h.windows[0].loadedUrl).toBe(APP_INDEX_URL);
    expect(h.windows[0].loadedFile).toBeNull();
  });

  it('registers app:// as a privileged scheme before ready, and its handler after', () => {
    expect(h.protocol.registered).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: false, bypassCSP: false },
      },
    ]);
    const at = (e: string) => h.events.indexOf(e);
    expect(at('registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
    expect(at('registerSchemesAsPrivileged')).toBeLessThan(at('whenReady'));
    expect(at('handle:app')).toBeGreaterThan(at('ready'));
    // The first load must find the handler in place.
    expect(at('handle:app')).toBeLessThan(at('loadURL'));
    expect(h.events.filter((e) => e === 'registerSchemesAsPrivileged')).toHaveLength(1);
  });

  it('puts a strict CSP on every response, replacing any other', () => {
    let result: { responseHeaders: Record<string, string[]> } | undefined;
    h.session.headersListener!({ responseHeaders: { 'content-security-policy': ["script-src *"], 'X-Other': ['1'] } }, (r) => (result = r as typeof result));
    const csp = result!.responseHeaders['Content-Security-Policy'];
    expect(csp).toHaveLength(1);
    expect(csp[0]).toContain("script-src 'self'");
    expect(csp[0]).toContain("default-src 'self'");
    expect(csp[0]).not.toContain('unsafe-eval');
    expect(result!.responseHeaders['content-security-policy']).toBeUndefined();
    expect(result!.responseHeaders['X-Other']).toEqual(['1']);
  });

  it('denies navigation away from the app and every window.open, and audits each', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const contents = new FakeWebContents();
    for (const fn of h.appHandlers.get('web-contents-created') ?? []) fn({}, contents);

    const elsewhere = [
      'https://evil.example/',
      'https://gcs/index.html',
      'file:///etc/passwd',
      OLD_FILE_URL,
      'app://other/index.html',
      'app://gcs/other.html',
      'javascript:alert(1)',
    ];
    for (const url of elsewhere) {
      for (const hook of ['will-navigate', 'will-redirect']) {
        const ev = navigationEvent();
        contents.emit(hook, ev, url);
        expect(ev.defaultPrevented, `${hook} ${url}`).toBe(true);
      }
    }
    for (const hook of ['will-navigate', 'will-redirect']) {
      const same = navigationEvent();
      contents.emit(hook, same, `${APP_INDEX_URL}#/plan`);
      expect(same.defaultPrevented, hook).toBe(false);
    }

    const webview = navigationEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);

    expect(contents.openHandler?.()).toEqual({ action: 'deny' });

    // Each refusal is in the audit log (issue 8), the app's own navigation is not.
    const seen = h.refusals.filter((r) => r.channel !== 'ipc');
    expect(seen.filter((r) => r.channel === 'navigation')).toHaveLength(elsewhere.length * 2);
    expect(seen.map((r) => r.reason)).toContain('navigation to https://evil.example/');
    expect(seen.map((r) => r.reason)).toContain('redirect to file:///etc/passwd');
    expect(seen.map((r) => r.channel)).toEqual(expect.arrayContaining(['webview', 'window.open']));
    expect(seen.every((r) => !r.reason.includes('app://gcs/index.html#/plan'))).toBe(true);
    warn.mockRestore();
  });

  it('denies every permission request and check', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'serial']) {
      let answer: boolean | undefined;
      h.session.permissionRequest!({}, p, (ok) => (answer = ok));
      expect(answer, p).toBe(false);
      expect(h.session.permissionCheck!({}, p), p).toBe(false);
    }
  });

  it('denies every device (USB, HID, serial) to web content', () => {
    for (const deviceType of ['usb', 'hid', 'serial']) expect(h.session.devicePermission!({ deviceType }), deviceType).toBe(false);
  });

  it('cancels every request for remote or disk content, and lets the app own files through', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      h.session.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    for (const url of ['https://tiles.example.com/1/2/3.png', 'http://127.0.0.1:8765/', 'ws://evil.example/', 'file:///etc/passwd', 'ftp://x/', 'app://other/index.html', 'app://user:pw@gcs/index.html', 'not a url']) {
      expect(decide(url), url).toBe(true);
    }
    for (const url of [APP_INDEX_URL, 'app://gcs/assets/maplibre-gl-worker-abc.mjs', 'data:image/png;base64,AA==', 'blob:app://gcs/1234']) {
      expect(decide(url), url).toBe(false);
    }
    warn.mockRestore();
  });

  it('hands the app window a working pilot port, and refuses other frames', async () => {
    const acquire = h.ipcHandlers.get('gcs:acquire-port')!;
    const posted: Array<{ channel: string; transfer: unknown[] }> = [];
    const sender = { id: 1, postMessage: (channel: string, _m: unknown, transfer: unknown[]) => posted.push({ channel, transfer }) };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    acquire({ sender, senderFrame: { url: 'https://evil.example/', parent: null } });
    acquire({ sender, senderFrame: { url: APP_INDEX_URL, parent: { url: APP_INDEX_URL } } }); // a subframe
    acquire({ sender, senderFrame: null }); // a frame already gone
    acquire({ sender, senderFrame: { url: 'file:///home/user/Downloads/index.html', parent: null } });
    // The app's own file, but loaded as file://: no longer the app's origin.
    acquire({ sender, senderFrame: { url: OLD_FILE_URL, parent: null } });
    acquire({ sender, senderFrame: { url: 'app://other/index.html', parent: null } });
    expect(posted).toHaveLength(0);
    expect(h.channels).toHaveLength(0);
    expect(warn).toHaveBeenCalledTimes(6);
    // Each refusal is in the audit log too, as the server host's are (issue 8).
    const ipc = h.refusals.filter((r) => r.channel === 'ipc');
    expect(ipc).toHaveLength(6);
    expect(ipc.every((r) => /^station port refused: /.test(r.reason))).toBe(true);
    expect(ipc.map((r) => r.who)).toContain('frame https://evil.example/');
    expect(ipc[1]!.reason).toMatch(/subframe/);
    expect(ipc[2]).toMatchObject({ who: 'a frame that is gone', reason: 'station port refused: the asking frame is gone' });

    acquire({ sender, senderFrame: { url: APP_INDEX_URL, parent: null } });
    expect(posted).toHaveLength(1);
    expect(posted[0].channel).toBe('gcs:port');
    const port2 = posted[0].transfer[0] as EventEmitter & { postMessage(d: unknown): void };
    expect(port2).toBe(h.channels[0].port2);

    const answer = new Promise<unknown>((resolve) => port2.on('message', (ev: { data: string }) => resolve(JSON.parse(ev.data))));
    port2.postMessage(JSON.stringify({ t: 'call', id: 7, method: 'hello', params: {} }));
    expect(await answer).toMatchObject({ t: 'result', id: 7, ok: true, value: { host: 'electron', role: 'pilot' } });
  });

  it('serves index.html over app:// with its MIME type, the CSP and nosniff', async () => {
    const res = await appHandler()(new Request(APP_INDEX_URL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it('serves an asset (the MapLibre worker) as JavaScript, and a query string does not matter', async () => {
    const res = await appHandler()(new Request('app://gcs/assets/maplibre-gl-worker-abc.mjs?v=1'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toBe(WORKER_JS);
  });

  it('refuses traversal, encoded or not, symlinks out, other hosts and missing files with 404', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const refused = [
      'app://gcs/../../etc/passwd',
      'app://gcs/%2e%2e/%2e%2e/etc/passwd',
      'app://gcs/%2e%2e/secret.txt',
      'app://gcs/%2e%2e%2fsecret.txt', // an encoded slash survives URL parsing: the real traversal
      'app://gcs/..%2fsecret.txt',
      'app://gcs/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://gcs/assets/linked.txt', // a symlink inside the renderer pointing out of it
      'app://gcs/index.html%00.png',
      'app://other/index.html',
      'app://gcs:8080/index.html',
      'app://gcs/nope.js',
    ];
    for (const url of refused) {
      const res = await appHandler()(new Request(url));
      const body = await res.text();
      expect(res.status, url).toBe(404);
      expect(body, url).not.toContain('SECRET');
      expect(res.headers.get('content-security-policy'), url).toContain("default-src 'self'");
    }
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('only reads: HEAD has headers and no body, other methods get 405', async () => {
    const head = await appHandler()(new Request(APP_INDEX_URL, { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await head.text()).toBe('');
    const post = await appHandler()(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    expect(await post.text()).not.toContain('GCS');
  });
});
