// The app:// handler given to Electron's protocol.handle: a request in, a Response out. No 'electron'
// import (Request and Response are the web globals Node and Electron share), so it runs in tests.
import { readFile } from 'node:fs/promises';
import { appResponseHeaders, resolveAppRequestFile } from './security';
import type { TileRoute } from '../core/maps/tile-service';

export type AppProtocolHandler = (request: Request) => Promise<Response>;

/**
 * Serves files under rendererDir and nothing else. It never throws: Electron would turn a thrown
 * error into a network failure with no clue, so every refusal is an ordinary 404 (or 405).
 */
export function createAppProtocolHandler(rendererDir: string, warn: (line: string) => void = (l) => console.warn(l), tiles?: TileRoute): AppProtocolHandler {
  return async (request) => {
    // Only reading: the renderer is static files, and a POST to them means something is wrong.
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { ...appResponseHeaders(null), Allow: 'GET, HEAD' } });
    }
    // Map tiles come from the station (cache, packs, upstream), not from the renderer's files.
    const tilePath = tiles ? /^app:\/\/[^/]+(\/tiles\/[^?#]*)/.exec(request.url)?.[1] : undefined;
    if (tiles && tilePath) {
      const t = await tiles(tilePath).catch(() => ({ status: 500, contentType: 'text/plain', body: 'Tile error', cacheControl: 'no-store' }));
      const body = typeof t.body === 'string' ? t.body : new Uint8Array(t.body);
      return new Response(request.method === 'HEAD' ? null : body, { status: t.status, headers: { ...appResponseHeaders(null), 'Content-Type': t.contentType, 'Cache-Control': t.cacheControl } });
    }
    const file = await resolveAppRequestFile(rendererDir, request.url).catch(() => null);
    if (!file) {
      warn(`[gcs main] app:// refused ${request.url.slice(0, 200)}`);
      return new Response('Not found', { status: 404, headers: appResponseHeaders(null) });
    }
    // readFile, not a stream: Electron makes fs.promises.readFile read inside app.asar, and the
    // renderer's files are a few MB at most.
    let body: Buffer<ArrayBuffer>;
    try {
      body = await readFile(file);
    } catch {
      return new Response('Not found', { status: 404, headers: appResponseHeaders(null) });
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...appResponseHeaders(file), 'Content-Length': String(body.byteLength) },
    });
  };
}
