// Every security decision of the desktop host, as plain functions: no 'electron' import here, so
// each rule is unit-tested without the runtime. main.ts only wires these to Electron's hooks.
import { mimeType, resolveStaticPath } from '../server/static-files';

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

/**
 * The renderer is served from app://gcs/, not file://. A file:// page has an opaque origin, so
 * MapLibre's module worker and the page's own fetches fail, and file:// grants reach to the whole
 * disk; a privileged standard scheme gives the app one real origin (app://gcs) that sees only the
 * renderer directory. This is item 18 of Electron's security checklist.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'gcs';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Matches Electron's Privileges structurally, so this file needs no 'electron' import. */
export interface AppSchemePrivileges {
  standard: true;
  secure: true;
  supportFetchAPI: true;
  stream: true;
  corsEnabled: false;
  bypassCSP: false;
}

/**
 * standard: relative URLs (./assets/...) resolve and the page has an origin; secure: treated like
 * https (module workers, no mixed-content downgrade); supportFetchAPI: fetch() of the map style and
 * basemap tiles; stream: large files need not be buffered by the media stack. Not corsEnabled (no
 * other origin may read it) and never bypassCSP: the app's CSP must apply to its own pages.
 */
export const APP_SCHEME_PRIVILEGES: AppSchemePrivileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
  corsEnabled: false,
  bypassCSP: false,
};

/** The argument to protocol.registerSchemesAsPrivileged. */
export function appSchemeRegistration(): Array<{ scheme: string; privileges: AppSchemePrivileges }> {
  return [{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }];
}

/** The parsed URL if it is on our scheme and host, with no port or credentials tucked in; else null. */
function parseAppUrl(url: string): URL | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:`) return null;
  // host, not hostname: app://gcs:1234/ is not the app's origin.
  if (u.host !== APP_HOST) return null;
  if (u.username !== '' || u.password !== '') return null;
  return u;
}

/** The app's own document, ignoring query and fragment (the UI may use either). */
export function isAppUrl(url: string): boolean {
  return parseAppUrl(url)?.pathname === '/index.html';
}

/**
 * The file under rendererDir that an app:// request names, or null for anything else: another
 * scheme or host, traversal (../ or %2e%2e%2f, encoded or not), NUL, backslashes, symlinks out of
 * the directory, missing files. Containment is resolveStaticPath's, shared with the server host.
 */
export async function resolveAppRequestFile(rendererDir: string, requestUrl: string): Promise<string | null> {
  const u = parseAppUrl(requestUrl);
  if (!u) return null;
  // u.pathname is still percent-encoded; resolveStaticPath decodes once and then checks containment.
  return resolveStaticPath(rendererDir, u.pathname);
}

/**
 * Headers of every app:// response. The CSP goes on here because protocol.handle responses are
 * ours to shape; nosniff so a file is only ever run as the type its extension says.
 */
export function appResponseHeaders(file: string | null): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': APP_CSP,
    'X-Content-Type-Options': 'nosniff',
  };
  headers['Content-Type'] = file ? mimeType(file) : 'text/plain; charset=utf-8';
  return headers;
}

/** The window may only ever show the app itself; links to elsewhere are not followed in it. */
export function shouldAllowNavigation(url: string): boolean {
  return isAppUrl(url);
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
export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  return untrustedSenderReason(frame) === null;
}

/** Why a sender is not trusted, for the console and the audit log; null when it is. */
export function untrustedSenderReason(frame: SenderFrameLike | null | undefined): string | null {
  if (!frame) return 'the asking frame is gone';
  if (frame.parent !== null) return 'a subframe asked';
  if (!isAppUrl(frame.url)) return 'not the app\'s own document';
  return null;
}
