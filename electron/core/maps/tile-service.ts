// Tiles for the map, from the station: a cached tile from the source's MBTiles cache; otherwise, for
// an online source, fetched upstream (bounded time), stored in the cache and returned; for a local
// pack (MBTiles/PMTiles), read from the file. With the network gone, cached tiles still come and
// missing ones are a quick 404 (MapLibre leaves them blank), never a hang.
import { join } from 'node:path';
import { expandTileUrl, type MapSource } from '../../../shared/maps/sources';
import { validTile } from '../../../shared/geo/tiles';
import { MbTiles } from './mbtiles';
import { PmTiles } from './pmtiles';
import type { SourceStore, StoredSource } from './source-store';

export type FetchFn = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

export type TileResult = { ok: true; data: Uint8Array; contentType: string; fromCache: boolean } | { ok: false; status: number; reason: string };

export interface TileReader {
  get(z: number, x: number, y: number): Promise<Uint8Array | null> | Uint8Array | null;
  close(): void;
}

export const UPSTREAM_TIMEOUT_MS = 10_000;
/** OSM's tile policy asks for an identifying User-Agent. */
const USER_AGENT = 'police-gcs/0.1 (offline tile cache)';
const MAX_TILE_BYTES = 4 * 1024 * 1024;

export function sniffContentType(data: Uint8Array): string {
  if (data[0] === 0x89 && data[1] === 0x50) return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8) return 'image/jpeg';
  if (data[0] === 0x52 && data[1] === 0x49 && data[8] === 0x57 && data[9] === 0x45) return 'image/webp';
  return 'application/octet-stream';
}

export class TileService {
  private readonly caches = new Map<string, MbTiles>();
  private readonly packs = new Map<string, TileReader>();
  /** After close: no new cache files are opened by a prefetch still finishing its last requests. */
  private closed = false;

  constructor(
    private readonly dataDir: string,
    private readonly sources: SourceStore,
    private readonly fetchFn: FetchFn = (url, init) => fetch(url, init),
    private readonly timeoutMs = UPSTREAM_TIMEOUT_MS,
  ) {}

  cacheOf(sourceId: string): MbTiles {
    if (this.closed) throw new Error('tile service closed');
    let c = this.caches.get(sourceId);
    if (!c) {
      c = MbTiles.openCache(join(this.dataDir, 'tiles', `${sourceId.replace(/[^A-Za-z0-9_-]/g, '_')}.mbtiles`), sourceId);
      this.caches.set(sourceId, c);
    }
    return c;
  }

  private packOf(source: StoredSource): TileReader {
    let p = this.packs.get(source.id);
    if (!p) {
      p = source.kind === 'pmtiles' ? PmTiles.open(source.path ?? '') : MbTiles.openPack(source.path ?? '');
      this.packs.set(source.id, p);
    }
    return p;
  }

  /** Opens a pack once to check it (the add call refuses files that are not packs). */
  checkPack(kind: 'mbtiles' | 'pmtiles', path: string): void {
    (kind === 'pmtiles' ? PmTiles.open(path) : MbTiles.openPack(path)).close();
  }

  async tile(sourceId: string, z: number, x: number, y: number, opts: { cacheOnly?: boolean } = {}): Promise<TileResult> {
    if (this.closed) return { ok: false, status: 503, reason: 'station closing' };
    if (!validTile({ z, x, y })) return { ok: false, status: 400, reason: 'not a tile' };
    let source: StoredSource;
    try {
      source = this.sources.get(sourceId);
    } catch {
      return { ok: false, status: 404, reason: 'unknown source' };
    }
    if (source.kind === 'mbtiles' || source.kind === 'pmtiles') {
      const data = await this.packOf(source).get(z, x, y);
      return data ? { ok: true, data, contentType: sniffContentType(data), fromCache: true } : { ok: false, status: 404, reason: 'not in the pack' };
    }
    const cache = this.cacheOf(sourceId);
    const cached = cache.get(z, x, y);
    if (cached) return { ok: true, data: cached, contentType: sniffContentType(cached), fromCache: true };
    if (opts.cacheOnly || z > source.maxZoom) return { ok: false, status: 404, reason: 'not cached' };
    return this.fetchAndStore(source, z, x, y);
  }

  async fetchAndStore(source: MapSource & { token: string | null }, z: number, x: number, y: number): Promise<TileResult> {
    if (!source.url) return { ok: false, status: 404, reason: 'no URL' };
    if (source.needsToken && !source.token) return { ok: false, status: 404, reason: 'no token' };
    const url = expandTileUrl(source.url, z, x, y, source.token, source.kind === 'tms');
    try {
      const res = await this.fetchFn(url, { signal: AbortSignal.timeout(this.timeoutMs), headers: { 'User-Agent': USER_AGENT } });
      if (!res.ok) return { ok: false, status: 502, reason: `upstream ${res.status}` };
      const data = new Uint8Array(await res.arrayBuffer());
      if (data.byteLength === 0 || data.byteLength > MAX_TILE_BYTES || sniffContentType(data) === 'application/octet-stream') {
        return { ok: false, status: 502, reason: 'upstream sent no image' };
      }
      this.cacheOf(source.id).put(z, x, y, data);
      return { ok: true, data, contentType: sniffContentType(data), fromCache: false };
    } catch (err) {
      const why = err instanceof Error && err.name === 'TimeoutError' ? 'upstream timed out' : 'upstream unreachable';
      return { ok: false, status: 504, reason: why };
    }
  }

  forget(sourceId: string): void {
    this.packs.get(sourceId)?.close();
    this.packs.delete(sourceId);
  }

  close(): void {
    this.closed = true;
    for (const c of this.caches.values()) c.close();
    for (const p of this.packs.values()) p.close();
    this.caches.clear();
    this.packs.clear();
  }
}

/** "/tiles/<source>/<z>/<x>/<y>[.ext]" -> its parts, or null. */
export function parseTilePath(path: string): { sourceId: string; z: number; x: number; y: number } | null {
  const m = /^\/tiles\/([A-Za-z0-9_-]{1,64})\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})(?:\.(?:png|jpg|jpeg|webp))?$/.exec(path);
  if (!m) return null;
  return { sourceId: m[1]!, z: Number(m[2]), x: Number(m[3]), y: Number(m[4]) };
}

/** What both hosts serve for a /tiles/ path: the HTTP route and the Electron protocol share it. */
export async function answerTilePath(service: TileService, path: string): Promise<{ status: number; contentType: string; body: Uint8Array | string; cacheControl: string }> {
  const parts = parseTilePath(path);
  if (!parts) return { status: 404, contentType: 'text/plain', body: 'Not a tile', cacheControl: 'no-store' };
  const r = await service.tile(parts.sourceId, parts.z, parts.x, parts.y);
  if (!r.ok) return { status: r.status, contentType: 'text/plain', body: r.reason, cacheControl: 'no-store' };
  return { status: 200, contentType: r.contentType, body: r.data, cacheControl: 'private, max-age=3600' };
}

// The hosts find a station's tiles by its data folder: the station's maps area registers its service
// here, so neither host nor station.ts needs to know about the maps area.
const services = new Map<string, TileService>();
export function registerTileService(dataDir: string, service: TileService | null): void {
  if (service) services.set(dataDir, service);
  else services.delete(dataDir);
}
export function tileServiceFor(dataDir: string): TileService | undefined {
  return services.get(dataDir);
}

export type TileRoute = (path: string) => Promise<{ status: number; contentType: string; body: Uint8Array | string; cacheControl: string }>;

/** The /tiles/ route of a station's data folder, for the hosts (looked up per request: the station may start later). */
export function tileRouteFor(dataDir: string): TileRoute {
  return async (path) => {
    const service = tileServiceFor(dataDir);
    if (!service) return { status: 503, contentType: 'text/plain', body: 'Tiles not ready', cacheControl: 'no-store' };
    return answerTilePath(service, path);
  };
}
