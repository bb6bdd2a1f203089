// The plain-Node host: the built renderer over HTTP and the contract over WebSocket, both behind
// one token. Binds to loopback unless told otherwise; every connection gets a role.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_ENVELOPE_BYTES, type Caller, type Station } from '../../shared/contract/api';
import { attachConnection } from '../../shared/contract/dispatch';
import type { Refusal } from '../core/security/audit-log';
import { createRefusalRecorder } from '../core/security/refusal-recorder';
import {
  allowedHosts,
  cookieName,
  decideRole,
  FailureLimiter,
  hostAllowed,
  isLoopback,
  newToken,
  originAllowed,
  readCookie,
  tokenCookie,
  tokenMatches,
} from './auth';
import { SECURITY_HEADERS } from './security-headers';
import { resolveStaticPath, sendFile } from './static-files';
import { wsChannel } from './ws-channel';
import type { TileRoute } from '../core/maps/tile-service';

export interface ServerOptions {
  station: Station;
  /** Interface to bind; loopback by default. Anything else needs allowLan. */
  host?: string;
  /** 0 = any free port. */
  port?: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  token?: string;
  allowLan?: boolean;
  /** The maps area's /tiles/ route (electron/core/maps/tile-service.ts tileRouteFor). */
  tiles?: TileRoute;
  /** For tests: a limiter with a fake clock or other thresholds. */
  limiter?: FailureLimiter;
  /** Every refusal, besides the console line: the station's audit log. */
  onRefusal?: (r: Refusal) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8765;
const HEARTBEAT_MS = 30_000;
/** Per connection: enough lines to see what a misbehaving client does, not enough to flood the log. */
const MAX_LOGGED_REFUSALS = 10;

type AuthResult = 'query' | 'cookie' | 'missing' | 'wrong' | 'blocked';

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || isLoopback(host);
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const bindHost = opts.host ?? '127.0.0.1';
  const allowLan = opts.allowLan ?? false;
  if (!isLoopbackHost(bindHost) && !allowLan) {
    throw new Error(`Refusing to listen on ${bindHost}: only loopback is allowed unless the LAN is explicitly enabled (--lan).`);
  }
  const token = opts.token ?? newToken();
  const limiter = opts.limiter ?? new FailureLimiter();
  const station = opts.station;
  let port = opts.port ?? DEFAULT_PORT;
  let allowed = new Set<string>();
  const sockets = new Set<WebSocket>();

  const audit = createRefusalRecorder({ record: opts.onRefusal, floodChannel: 'server' });
  /** One line on the console and one row in the audit log per refusal. */
  function refused(channel: string, who: string, reason: string, log = true): void {
    if (log) console.warn(`[gcs server] refused ${channel} from ${who}: ${reason}`);
    audit({ channel, who, reason });
  }

  function authenticate(req: IncomingMessage, query: URLSearchParams, what: string): AuthResult {
    const addr = req.socket.remoteAddress ?? 'unknown';
    // Not audited again: the block was, when it began; a blocked guesser must not fill the disk.
    if (limiter.isBlocked(addr)) return 'blocked';
    const fromQuery = query.get('token');
    const fromCookie = readCookie(req.headers.cookie, cookieName(port));
    const given = fromQuery ?? fromCookie;
    if (given === null) return 'missing';
    if (tokenMatches(token, given)) return fromQuery !== null ? 'query' : 'cookie';
    const nowBlocked = limiter.recordFailure(addr, given);
    refused(what, addr, `wrong token${nowBlocked ? ' (address blocked for a while after repeated failures)' : ''}`);
    return 'wrong';
  }

  const http = createServer((req, res) => {
    handleHttp(req, res).catch((err: unknown) => {
      console.warn(`[gcs server] error answering ${req.method} ${sanitize(req.url)}: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) plain(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    if (!hostAllowed(req.headers.host, allowed)) {
      refused(`${req.method ?? 'HTTP'} ${sanitize(req.url)}`, req.socket.remoteAddress ?? 'unknown', `unknown host name ${sanitize(req.headers.host)}`, false);
      return plain(res, 403, 'Unknown host name');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return plain(res, 405, 'Method not allowed');
    }
    const { path, query } = splitUrl(req.url);
    if (path === null) return plain(res, 400, 'Bad request');
    const auth = authenticate(req, query, `GET ${sanitize(path)}`);
    if (auth === 'blocked') return plain(res, 429, 'Too many wrong tokens; try again in a minute.');
    if (auth === 'missing' || auth === 'wrong') {
      // A stale cookie from an earlier run is useless: drop it, so the person's next try is clean.
      if (auth === 'wrong') res.setHeader('Set-Cookie', `${cookieName(port)}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
      return path === '/' || path === '/index.html' ? sendUnauthorizedPage(res) : plain(res, 401, 'Unauthorized');
    }
    if (auth === 'query') res.setHeader('Set-Cookie', tokenCookie(port, token));
    if (opts.tiles && path.startsWith('/tiles/')) {
      const t = await opts.tiles(path);
      res.writeHead(t.status, { 'Content-Type': t.contentType, 'Cache-Control': t.cacheControl, 'Content-Length': String(typeof t.body === 'string' ? Buffer.byteLength(t.body) : t.body.byteLength) });
      res.end(req.method === 'HEAD' ? undefined : t.body);
      return;
    }
    const file = await resolveStaticPath(opts.staticDir, path);
    if (!file) return plain(res, 404, 'Not found');
    // Vite puts content hashes in asset names, so they never change; everything else is revalidated.
    const cache = path.startsWith('/assets/') ? 'private, max-age=31536000, immutable' : 'no-cache';
    await sendFile(res, file, req.method === 'HEAD', cache);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_ENVELOPE_BYTES });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const addr = req.socket.remoteAddress ?? 'unknown';
    const refuse = (status: number, reason: string, log = true) => {
      if (log) refused('WebSocket', addr, reason);
      rejectUpgrade(socket, status, reason);
    };
    const { path, query } = splitUrl(req.url);
    if (path !== '/ws') return refuse(404, 'not found', false);
    if (!hostAllowed(req.headers.host, allowed)) return refuse(403, `unknown host name ${sanitize(req.headers.host)}`);
    if (limiter.isBlocked(addr)) return refuse(429, 'too many wrong tokens');
    if (!originAllowed(req.headers.origin, allowed)) return refuse(403, `foreign origin ${sanitize(req.headers.origin)}`);
    const auth = authenticate(req, query, 'WebSocket');
    if (auth === 'blocked') return refuse(429, 'too many wrong tokens');
    if (auth === 'wrong') return rejectUpgrade(socket, 401, 'wrong token'); // already logged
    if (auth === 'missing') return refuse(401, 'no token');
    const role = decideRole(addr, query.get('role'));
    if (!role.ok) return refuse(400, role.reason);
    const caller: Caller = { role: role.role, name: `${role.role}@${addr}` };
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, caller));
  });

  function onConnection(ws: WebSocket, caller: Caller): void {
    sockets.add(ws);
    let refusals = 0;
    const onRefusal = (reason: string) => {
      refusals++;
      refused('call', caller.name, reason, false);
      if (refusals <= MAX_LOGGED_REFUSALS) console.warn(`[gcs server] ${reason.includes(caller.name) ? reason : `${caller.name}: ${reason}`}`);
      if (refusals === MAX_LOGGED_REFUSALS) console.warn(`[gcs server] ${caller.name}: further refusals not logged`);
    };
    let alive = true;
    ws.on('pong', () => {
      alive = true;
    });
    // The ws library reports oversized frames and protocol errors here and then closes the socket.
    ws.on('error', (err) => onRefusal(`connection error: ${err.message}`));
    ws.on('close', () => sockets.delete(ws));
    const heartbeat = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, HEARTBEAT_MS);
    heartbeat.unref();
    ws.on('close', () => clearInterval(heartbeat));
    attachConnection(wsChannel(ws, onRefusal), station, caller, onRefusal);
  }

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    http.once('error', onError);
    http.listen(port, bindHost, () => {
      http.off('error', onError);
      resolve();
    });
  });
  const address = http.address();
  port = typeof address === 'object' && address ? address.port : port;
  allowed = allowedHosts(bindHost, port, allowLan);
  http.on('error', (err) => console.warn(`[gcs server] ${err.message}`));

  const shownHost = bindHost === '0.0.0.0' || bindHost === '::' || bindHost === 'localhost' ? '127.0.0.1' : bindHost.includes(':') ? `[${bindHost}]` : bindHost;
  const url = `http://${shownHost}:${port}/?token=${token}`;

  let closing: Promise<void> | null = null;
  async function close(): Promise<void> {
    closing ??= (async () => {
      for (const ws of sockets) ws.close(1001, 'server closing');
      await waitUntil(() => sockets.size === 0, 500);
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    })();
    return closing;
  }

  return { url, port, token, close };
}

/** Splits a request target by hand: `new URL` would read `//evil/x` as a host name. */
function splitUrl(raw: string | undefined): { path: string | null; query: URLSearchParams } {
  const target = raw ?? '/';
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));
  return { path: path.startsWith('/') && path.length <= 2048 ? path : null, query };
}

function sanitize(text: string | undefined): string {
  return (text ?? '').replace(/[^\x20-\x7e]/g, '?').slice(0, 120);
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text + '\n');
}

function sendUnauthorizedPage(res: ServerResponse): void {
  res.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Police GCS</title></head><body>
<h1>Police GCS · 警用无人机地面站</h1>
<p>Open the full address that the server printed when it started; it carries an access token.</p>
<p>请打开地面站服务启动时打印的完整地址（其中包含访问令牌）。</p>
</body></html>\n`);
}

function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  const text = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests' }[status] ?? 'Error';
  const body = `${reason}\n`;
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!done() && Date.now() - start < timeoutMs) await new Promise((r) => setTimeout(r, 20));
}
