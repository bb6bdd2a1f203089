// "Do not load remote content" (Electron security checklist): the desktop app is offline by design, so
// every request a renderer makes must be for the app's own files (app://gcs), in-memory data (data:,
// blob:) or DevTools. Anything else (http, https, ws, file, ftp...) is cancelled before it leaves, on
// top of the CSP: a CSP governs documents, this governs the whole session (workers, redirects, fetches).
import { APP_HOST, APP_SCHEME } from './security';

export function requestAllowed(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  switch (u.protocol) {
    case `${APP_SCHEME}:`:
      return u.host === APP_HOST && u.username === '' && u.password === '';
    case 'data:':
    case 'blob:':
    case 'devtools:':
    case 'chrome-extension:': // DevTools' own pages, only when a developer opens them
      return true;
    default:
      return false;
  }
}
