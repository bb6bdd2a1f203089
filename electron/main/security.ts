// Every security decision of the desktop host, as plain functions: no 'electron' import here, so
// each rule is unit-tested without the runtime. main.ts only wires these to Electron's hooks.
import { pathToFileURL } from 'node:url';

/** IPC channel on which the renderer (through the preload) asks for its contract port. */
export const ACQUIRE_PORT_CHANNEL = 'gcs:acquire-port';
/** IPC channel on which main answers with the port; the preload forwards it to the page. */
export const PORT_CHANNEL = 'gcs:port';

/**
 * The desktop window talks to the station over a MessagePort only, so it needs no network at all:
 * connect-src 'self' (the bundled basemap files). Styles keep 'unsafe-inline' for MapLibre's and
 * React's style attributes; scripts are the app's own files only.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The subset of BrowserWindow options we set; matches Electron's type structurally. */
export interface AppWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    experimentalFeatures: false;
    webviewTag: false;
    spellcheck: false;
  };
}

export function appWindowOptions(preloadPath: string): AppWindowOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Police GCS · 警用无人机地面站',
    show: false,
    backgroundColor: '#10161d',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

export function appIndexUrl(indexHtmlPath: string): string {
  return pathToFileURL(indexHtmlPath).href;
}

/** Same document as the app's index, ignoring query and fragment (the UI may use either). */
export function isAppUrl(url: string, appUrl: string): boolean {
  let a: URL;
  let b: URL;
  try {
    a = new URL(url);
    b = new URL(appUrl);
  } catch {
    return false;
  }
  return a.protocol === 'file:' && b.protocol === 'file:' && a.host === b.host && a.pathname === b.pathname;
}

/** The window may only ever show the app itself; links to elsewhere are not followed in it. */
export function shouldAllowNavigation(url: string, appUrl: string): boolean {
  return isAppUrl(url, appUrl);
}

export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * The UI needs no camera, microphone, location, notifications or anything else a site can ask for;
 * every request is refused, so a compromised page cannot obtain them either.
 */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** Headers with our CSP in place of any the response had (names compared case-insensitively). */
export function withCsp(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() === 'content-security-policy') continue;
    out[k] = Array.isArray(v) ? v : [v];
  }
  out['Content-Security-Policy'] = [APP_CSP];
  return out;
}

export interface SenderFrameLike {
  url: string;
  parent: unknown;
}

/**
 * Only the app's own top-level document gets a station port: not a subframe, not a page the window
 * was somehow navigated to, not a frame that is already gone (senderFrame is null then).
 */
export function isTrustedSender(frame: SenderFrameLike | null | undefined, appUrl: string): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url, appUrl);
}
