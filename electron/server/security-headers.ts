// Headers on every HTTP answer of the server host. The UI is one origin's own scripts and styles;
// nothing else may run, frame it or learn where it came from.

/**
 * worker-src keeps blob: because MapLibre falls back to a blob worker when no worker URL is set;
 * the renderer sets a file URL, so 'self' is what is used. style-src needs 'unsafe-inline' for
 * MapLibre's and React's inline style attributes; scripts stay 'self' only.
 */
export const SERVER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': SERVER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
