// The desktop app's wiring: the rules in security.ts and the port broker, attached to Electron's
// hooks. Electron and the station are passed in, so tests run this with a mocked 'electron' and a
// fake station; main.ts passes the real ones.
import { join } from 'node:path';
import type { Station } from '../../shared/contract/api';
import { createPortBroker } from './acquire-port';
import type { MainPortLike } from './port-channel';
import {
  ACQUIRE_PORT_CHANNEL,
  appIndexUrl,
  appWindowOptions,
  permissionDecision,
  shouldAllowNavigation,
  windowOpenDecision,
  withCsp,
} from './security';

export type ElectronApi = Pick<typeof import('electron'), 'app' | 'BrowserWindow' | 'ipcMain' | 'MessageChannelMain' | 'session'>;

export interface StartableStation extends Station {
  start(): Promise<void>;
  close(): Promise<void>;
}

/** bundleDir: where main.cjs and preload.cjs are (dist/electron); the renderer is ../renderer. */
export async function startDesktopApp(
  electron: ElectronApi,
  createStation: (dataDir: string) => StartableStation,
  bundleDir: string,
): Promise<void> {
  const { app, BrowserWindow, ipcMain, MessageChannelMain, session } = electron;
  const INDEX_HTML = join(bundleDir, '..', 'renderer', 'index.html');
  const PRELOAD = join(bundleDir, 'preload.cjs');
  const APP_URL = appIndexUrl(INDEX_HTML);

  // Before ready: every renderer is sandboxed, whatever its own options say.
  app.enableSandbox();

  // Hardening for every web contents, present or future (windows, devtools, anything).
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!shouldAllowNavigation(url, APP_URL)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!shouldAllowNavigation(url, APP_URL)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => windowOpenDecision());
  });

  if (!app.requestSingleInstanceLock()) {
    // A second copy would fight the first for the UDP port and the flight library.
    app.quit();
    return;
  }
  await app.whenReady();
  const station = createStation(app.getPath('userData'));
  await station.start();

  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCsp(details.responseHeaders) }));
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));

  const broker = createPortBroker({
    station,
    appUrl: APP_URL,
    createChannel: () => {
      const { port1, port2 } = new MessageChannelMain();
      return { port1: port1 as unknown as MainPortLike, port2 };
    },
  });
  ipcMain.on(ACQUIRE_PORT_CHANNEL, (event) => {
    broker.handle(event);
  });

  const createWindow = () => {
    const win = new BrowserWindow(appWindowOptions(PRELOAD));
    win.once('ready-to-show', () => win.show());
    void win.loadFile(INDEX_HTML);
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

