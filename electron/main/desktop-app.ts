// The desktop app's wiring: the rules in security.ts and the port broker, attached to Electron's
// hooks. Electron and the station are passed in, so tests run this with a mocked 'electron' and a
// fake station; main.ts passes the real ones.
import { join } from 'node:path';
import type { Station } from '../../shared/contract/api';
import type { Refusal } from '../core/security/audit-log';
import { createRefusalRecorder } from '../core/security/refusal-recorder';
import { createPortBroker } from './acquire-port';
import { createAppProtocolHandler } from './app-protocol';
import { requestAllowed } from './remote-content';
import { tileRouteFor } from '../core/maps/tile-service';
import type { MainPortLike } from './port-channel';
import {
  ACQUIRE_PORT_CHANNEL,
  APP_INDEX_URL,
  APP_SCHEME,
  appSchemeRegistration,
  appWindowOptions,
  permissionDecision,
  shouldAllowNavigation,
  windowOpenDecision,
  withCsp,
} from './security';

export type ElectronApi = Pick<typeof import('electron'), 'app' | 'BrowserWindow' | 'ipcMain' | 'MessageChannelMain' | 'protocol' | 'session'>;

export interface StartableStation extends Station {
  start(): Promise<void>;
  close(): Promise<void>;
  /** Where the host's refusals go: the audit log (GroundStation.recordRefusal). */
  recordRefusal?(r: Refusal): void;
}

/** bundleDir: where main.cjs and preload.cjs are (dist/electron); the renderer is ../renderer, served as app://gcs/. */
export async function startDesktopApp(
  electron: ElectronApi,
  createStation: (dataDir: string) => StartableStation,
  bundleDir: string,
): Promise<void> {
  const { app, BrowserWindow, ipcMain, MessageChannelMain, protocol, session } = electron;
  const RENDERER_DIR = join(bundleDir, '..', 'renderer');
  const PRELOAD = join(bundleDir, 'preload.cjs');

  // Before ready: every renderer is sandboxed, whatever its own options say.
  app.enableSandbox();
  // Before ready, and only once (Electron's rule): app:// becomes a standard, secure origin.
  protocol.registerSchemesAsPrivileged(appSchemeRegistration());

  // A page trying to leave the app, open a window or attach a webview is what a compromised renderer
  // does: each refusal goes to the audit log, like the server host's. No window exists before the
  // station, so none is refused before there is a log to write to.
  let auditTo: StartableStation | null = null;
  const audit = createRefusalRecorder({ record: (r) => auditTo?.recordRefusal?.(r), floodChannel: 'desktop' });
  const refuse = (channel: string, reason: string) => {
    console.warn(`[gcs main] refused ${channel}: ${reason}`);
    audit({ channel, who: 'desktop window', reason });
  };

  // Hardening for every web contents, present or future (windows, devtools, anything).
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (shouldAllowNavigation(url)) return;
      event.preventDefault();
      refuse('navigation', `navigation to ${url.slice(0, 200)}`);
    });
    contents.on('will-redirect', (event, url) => {
      if (shouldAllowNavigation(url)) return;
      event.preventDefault();
      refuse('navigation', `redirect to ${url.slice(0, 200)}`);
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      refuse('webview', 'a webview was to be attached');
    });
    contents.setWindowOpenHandler((details) => {
      refuse('window.open', `a new window for ${String(details?.url ?? '').slice(0, 200)}`);
      return windowOpenDecision();
    });
  });

  if (!app.requestSingleInstanceLock()) {
    // A second copy would fight the first for the UDP port and the flight library.
    app.quit();
    return;
  }
  await app.whenReady();
  const station = createStation(app.getPath('userData'));
  auditTo = station;
  await station.start();

  // The handler must be in place before the first window loads app://gcs/index.html. It is on the
  // default session, which is the one the window uses (no partition).
  protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR, undefined, tileRouteFor(app.getPath('userData'))));

  const ses = session.defaultSession;
  // app:// responses carry the CSP from the handler; this keeps it on anything else as well.
  ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCsp(details.responseHeaders) }));
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  // No USB/HID/serial device for web content: the station talks to radios from Node, never the page.
  ses.setDevicePermissionHandler(() => false);
  // No remote content, whatever a page or a bug asks for (see remote-content.ts).
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = requestAllowed(details.url);
    if (!allowed) console.warn(`[gcs main] blocked a request for ${details.url.slice(0, 120)}`);
    callback({ cancel: !allowed });
  });

  const broker = createPortBroker({
    station,
    createChannel: () => {
      const { port1, port2 } = new MessageChannelMain();
      return { port1: port1 as unknown as MainPortLike, port2 };
    },
    onRefusal: (r) => station.recordRefusal?.(r),
  });
  ipcMain.on(ACQUIRE_PORT_CHANNEL, (event) => {
    broker.handle(event);
  });

  const createWindow = () => {
    const win = new BrowserWindow(appWindowOptions(PRELOAD));
    win.once('ready-to-show', () => win.show());
    void win.loadURL(APP_INDEX_URL);
  };
  createWindow();
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Close the station first: links, the simulator process and recordings end cleanly.
    event.preventDefault();
    quitting = true;
    broker.closeAll();
    station
      .close()
      .catch((err: unknown) => console.error('[gcs main] closing the station:', err))
      .finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
}

