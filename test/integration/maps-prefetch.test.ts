// Prefetch and the tile route against a local tile server started here: counts, cache hits, cancel and
// resume, a server that fails some tiles and one that is too slow, then tiles served by the server host
// with the tile server stopped (offline).
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Events } from '../../shared/contract/api';
import { boundsPolygon, countTilesForArea } from '../../shared/geo/tiles';
import { GroundStation } from '../../electron/core/station';
import { startServer } from '../../electron/server/server';
import { SourceStore } from '../../electron/core/maps/source-store';
import { TileService, tileRouteFor } from '../../electron/core/maps/tile-service';
import { openStationDb } from '../../electron/core/recording/station-db';
import { solidPng } from '../support/png';
import { waitFor } from '../support/wait';

const pilot = { role: 'pilot' as const, name: 'test' };

/** One tile of a source through the station's own route (cached after). */
async function fetchTileOf(station: GroundStation, sourceId: string): Promise<boolean> {
  const r = await tileRouteFor(station.dataDir)(`/tiles/${sourceId}/3/1/1`);
  return r.status === 200;
}
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface TileServer {
  port: number;
  hits: string[];
  delayMs: number;
  failEvery: number;
  hang: boolean;
  close(): Promise<void>;
}

async function startTileServer(): Promise<TileServer> {
  const png = Buffer.from(solidPng(40, 160, 60, 16));
  const state: TileServer = { port: 0, hits: [], delayMs: 0, failEvery: 0, hang: false, close: async () => {} };
  const server: Server = createServer((req, res) => {
    state.hits.push(req.url ?? '');
    if (state.hang) return; // never answers
    const n = state.hits.length;
    setTimeout(() => {
      if (state.failEvery > 0 && n % state.failEvery === 0) {
        res.writeHead(500).end('boom');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'image/png' }).end(png);
    }, state.delayMs);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.port = (server.address() as { port: number }).port;
  state.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return state;
}

// About 1.1 km x 1.1 km at Ulanhot.
const AREA = boundsPolygon({ west: 122.085, south: 46.068, east: 122.1, north: 46.078 });

describe('prefetch against a local tile server', () => {
  it('estimates, fetches, skips cached, cancels and resumes, survives failures, then serves offline', async () => {
    const tiles = await startTileServer();
    cleanups.push(() => tiles.close());
    const dataDir = mkdtempSync(join(tmpdir(), 'maps-prefetch-'));
    const station = new GroundStation({ host: 'server', dataDir });
    cleanups.push(() => station.close());
    await station.start();
    const progress: Array<Events['mapsPrefetch']> = [];
    station.subscribe((name, payload) => {
      if (name === 'mapsPrefetch') progress.push(payload as Events['mapsPrefetch']);
    });
    const source = await station.mapsAddSource({ name: 'Local', kind: 'xyz', url: `http://127.0.0.1:${tiles.port}/{z}/{x}/{y}.png`, datum: 'WGS84', attribution: 'test', maxZoom: 19 }, pilot);
    const area = { sourceId: source.id, polygon: AREA, minZoom: 12, maxZoom: 15 };
    const expected = countTilesForArea(AREA, 12, 15);

    const est = await station.mapsPrefetchEstimate(area, pilot);
    expect(est).toMatchObject({ tiles: expected, cached: 0, toFetch: expected, tooMany: false });
    expect(est.estimatedBytes).toBeGreaterThan(0);
    const { jobId } = await station.mapsPrefetchStart(area, pilot);
    const done = await waitFor('the first prefetch', () => progress.find((p) => p.jobId === jobId && p.state === 'done'), 30_000);
    expect(done).toMatchObject({ total: expected, done: expected, fetched: expected, skipped: 0, failed: 0 });
    expect(tiles.hits).toHaveLength(expected);

    // Again: everything is a cache hit, the server hears nothing.
    const again = await station.mapsPrefetchStart(area, pilot);
    expect(again.estimate.cached).toBe(expected);
    await waitFor('the second prefetch', () => progress.find((p) => p.jobId === again.jobId && p.state === 'done'), 30_000);
    expect(progress.find((p) => p.jobId === again.jobId && p.state === 'done')).toMatchObject({ skipped: expected, fetched: 0 });
    expect(tiles.hits).toHaveLength(expected);

    // Cancel part-way through deeper zooms, then resume: nothing fetched twice.
    tiles.delayMs = 30;
    const deeper = { ...area, minZoom: 16, maxZoom: 17 };
    const deeperCount = countTilesForArea(AREA, 16, 17);
    const hitsBefore = tiles.hits.length;
    const first = await station.mapsPrefetchStart(deeper, pilot);
    await waitFor('some progress', () => progress.some((p) => p.jobId === first.jobId && p.fetched >= 8), 30_000);
    await station.mapsPrefetchCancel({ jobId: first.jobId }, pilot);
    const cancelled = await waitFor('the cancel', () => progress.find((p) => p.jobId === first.jobId && p.state === 'cancelled'), 30_000);
    expect(cancelled.done).toBeLessThan(deeperCount);
    tiles.delayMs = 0;
    tiles.failEvery = 7; // and the server now fails some tiles
    const resumed = await station.mapsPrefetchStart(deeper, pilot);
    expect(resumed.estimate.cached).toBe(cancelled.fetched);
    const end = await waitFor('the resumed prefetch', () => progress.find((p) => p.jobId === resumed.jobId && p.state === 'done'), 60_000);
    expect(end.skipped).toBe(cancelled.fetched);
    expect(end.failed).toBeGreaterThan(0);
    expect(end.lastError).toMatch(/upstream 500/);
    expect(end.fetched + end.failed + end.skipped).toBe(deeperCount);
    // Each deeper tile was asked for exactly once across the cancelled run and its resumption.
    expect(tiles.hits.length - hitsBefore).toBe(deeperCount);

    // The server host's /tiles/ route, then with the tile server gone: cached tiles still come, fast.
    const server = await startServer({ station, port: 0, staticDir: dataDir, tiles: tileRouteFor(dataDir) });
    cleanups.push(() => server.close());
    const url = (z: number, x: number, y: number) => `http://127.0.0.1:${server.port}/tiles/${source.id}/${z}/${x}/${y}.png?token=${server.token}`;
    const z15 = { x: Math.floor(((122.09 + 180) / 360) * 2 ** 15), y: 0 };
    z15.y = Math.floor(((1 - Math.log(Math.tan((46.073 * Math.PI) / 180) + 1 / Math.cos((46.073 * Math.PI) / 180)) / Math.PI) / 2) * 2 ** 15);
    const online = await fetch(url(15, z15.x, z15.y));
    expect(online.status).toBe(200);
    expect(online.headers.get('content-type')).toBe('image/png');
    await tiles.close();
    const offline = await fetch(url(15, z15.x, z15.y));
    expect(offline.status).toBe(200);
    const t0 = Date.now();
    const missing = await fetch(url(10, 0, 0));
    expect(missing.status).toBe(504);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect((await fetch(`http://127.0.0.1:${server.port}/tiles/${source.id}/1/0/0.png`)).status).toBe(401); // no token
  }, 120_000);

  it('takes the raster sources of a MapLibre style URL, and refuses a vector-only style', async () => {
    const png = Buffer.from(solidPng(1, 2, 3, 8));
    const server = createServer((req, res) => {
      const json = (v: unknown) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(v));
      if (req.url === '/style.json') {
        return json({ version: 8, name: 'Unit imagery', sources: {
          photo: { type: 'raster', tiles: ['/photo/{z}/{x}/{y}.png'], maxzoom: 18, attribution: '<a href="x">Unit</a>' },
          relief: { type: 'raster', url: '/relief.json' },
          roads: { type: 'vector', tiles: ['/v/{z}/{x}/{y}.pbf'] },
        }, layers: [] });
      }
      if (req.url === '/relief.json') return json({ tilejson: '2.2.0', tiles: ['/relief/{z}/{x}/{y}.png'], scheme: 'tms', maxzoom: 12 });
      if (req.url === '/vector.json') return json({ version: 8, name: 'Streets', sources: { roads: { type: 'vector', tiles: ['/v/{z}/{x}/{y}.pbf'] } }, layers: [] });
      if (req.url?.startsWith('/photo/')) return res.writeHead(200, { 'Content-Type': 'image/png' }).end(png);
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const station = new GroundStation({ host: 'server', dataDir: mkdtempSync(join(tmpdir(), 'maps-style-')) });
    cleanups.push(() => station.close());
    await station.start();
    const added = await station.mapsAddStyle({ url: `${base}/style.json`, datum: 'WGS84' }, pilot);
    expect(added.map((s) => [s.name, s.kind, s.url, s.maxZoom, s.attribution])).toEqual([
      ['Unit imagery: photo', 'xyz', `${base}/photo/{z}/{x}/{y}.png`, 18, 'Unit'],
      ['Unit imagery: relief', 'tms', `${base}/relief/{z}/{x}/{y}.png`, 12, 'Unit imagery'],
    ]);
    const tile = await fetchTileOf(station, added[0]!.id);
    expect(tile).toBe(true);
    await expect(station.mapsAddStyle({ url: `${base}/vector.json`, datum: 'WGS84' }, pilot)).rejects.toMatchObject({ code: 'tiles-style-vector' });
    await expect(station.mapsAddStyle({ url: `${base}/missing.json`, datum: 'WGS84' }, pilot)).rejects.toMatchObject({ code: 'tiles-style-unreachable' });
  });

  it('gives up on a tile server that never answers, within its timeout', async () => {
    const tiles = await startTileServer();
    cleanups.push(() => tiles.close());
    tiles.hang = true;
    const db = openStationDb(join(mkdtempSync(join(tmpdir(), 'maps-slow-')), 'station.sqlite'));
    cleanups.push(() => {
      db.close();
    });
    const sources = new SourceStore(db);
    const service = new TileService(mkdtempSync(join(tmpdir(), 'maps-slow-data-')), sources, undefined, 300);
    cleanups.push(() => service.close());
    const s = sources.add({ name: 'Slow', kind: 'xyz', url: `http://127.0.0.1:${tiles.port}/{z}/{x}/{y}.png`, datum: 'WGS84', attribution: '', maxZoom: 19 });
    const t0 = Date.now();
    const r = await service.tile(s.id, 3, 1, 1);
    expect(r).toMatchObject({ ok: false, status: 504, reason: 'upstream timed out' });
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
