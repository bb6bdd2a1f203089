// The desktop host with Electron mocked: main.ts is imported for real and every hook it registers
// is captured and exercised: window options, CSP, navigation, window.open, permissions, and the
// port hand-over with sender validation.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ElectronApi } from '../../electron/main/desktop-app';
import { FakeStation } from '../support/fake-station';

const h = vi.hoisted(() => {
  const appHandlers = new Map<string, Array<(...a: unknown[]) => void>>();
  const ipcHandlers = new Map<string, (event: unknown) => void>();
  const windows: Array<{ options: unknown; loadedFile: string | null }> = [];
  const channels: Array<{ port1: unknown; port2: unknown }> = [];
  const session = {
    headersListener: null as null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void),
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | ((wc: unknown, permission: string) => boolean),
  };
  return { appHandlers, ipcHandlers, windows, channels, session, stationStarted: false };
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
    record: { options: unknown; loadedFile: string | null };
    constructor(options: unknown) {
      super();
      this.record = { options, loadedFile: null };
      h.windows.push(this.record);
      BrowserWindow.all.push(this);
    }
    loadFile(file: string) {
      this.record.loadedFile = file;
      return Promise.resolve();
    }
    show() {}
    focus() {}
  }
  const app = {
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
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
      },
      setPermissionRequestHandler: (fn: typeof h.session.permissionRequest) => (h.session.permissionRequest = fn),
      setPermissionCheckHandler: (fn: typeof h.session.permissionCheck) => (h.session.permissionCheck = fn),
    },
  };
  const ipcMain = { on: (ch: string, fn: (e: unknown) => void) => h.ipcHandlers.set(ch, fn) };
  return { app, BrowserWindow, MessageChannelMain, ipcMain, session, default: { app, BrowserWindow, MessageChannelMain, ipcMain, session } };
});

const BUNDLE_DIR = join(__dirname, '..', '..', 'dist', 'electron');
const APP_URL = pathToFileURL(join(BUNDLE_DIR, '..', 'renderer', 'index.html')).href;

class FakeWebContents extends EventEmitter {
  openHandler: (() => unknown) | null = null;
  setWindowOpenHandler(fn: () => unknown) {
    this.openHandler = fn;
  }
}

function navigationEvent() {
  return { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
}

beforeAll(async () => {
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
    expect(h.windows[0].loadedFile).toMatch(/renderer[\\/]index\.html$/);
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

  it('denies navigation away from the app and every window.open', () => {
    const contents = new FakeWebContents();
    for (const fn of h.appHandlers.get('web-contents-created') ?? []) fn({}, contents);

    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'file:///tmp/other.html', 'javascript:alert(1)']) {
      const ev = navigationEvent();
      contents.emit('will-navigate', ev, url);
      expect(ev.defaultPrevented, url).toBe(true);
    }
    const same = navigationEvent();
    contents.emit('will-navigate', same, `${APP_URL}#/plan`);
    expect(same.defaultPrevented).toBe(false);

    const webview = navigationEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);

    expect(contents.openHandler?.()).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'serial']) {
      let answer: boolean | undefined;
      h.session.permissionRequest!({}, p, (ok) => (answer = ok));
      expect(answer, p).toBe(false);
      expect(h.session.permissionCheck!({}, p), p).toBe(false);
    }
  });

  it('hands the app window a working pilot port, and refuses other frames', async () => {
    const acquire = h.ipcHandlers.get('gcs:acquire-port')!;
    const posted: Array<{ channel: string; transfer: unknown[] }> = [];
    const sender = { id: 1, postMessage: (channel: string, _m: unknown, transfer: unknown[]) => posted.push({ channel, transfer }) };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    acquire({ sender, senderFrame: { url: 'https://evil.example/', parent: null } });
    acquire({ sender, senderFrame: { url: APP_URL, parent: { url: APP_URL } } }); // a subframe
    acquire({ sender, senderFrame: null }); // a frame already gone
    acquire({ sender, senderFrame: { url: 'file:///home/user/Downloads/index.html', parent: null } });
    expect(posted).toHaveLength(0);
    expect(h.channels).toHaveLength(0);
    expect(warn).toHaveBeenCalledTimes(4);

    acquire({ sender, senderFrame: { url: APP_URL, parent: null } });
    expect(posted).toHaveLength(1);
    expect(posted[0].channel).toBe('gcs:port');
    const port2 = posted[0].transfer[0] as EventEmitter & { postMessage(d: unknown): void };
    expect(port2).toBe(h.channels[0].port2);

    const answer = new Promise<unknown>((resolve) => port2.on('message', (ev: { data: string }) => resolve(JSON.parse(ev.data))));
    port2.postMessage(JSON.stringify({ t: 'call', id: 7, method: 'hello', params: {} }));
    expect(await answer).toMatchObject({ t: 'result', id: 7, ok: true, value: { host: 'electron', role: 'pilot' } });
  });
});
