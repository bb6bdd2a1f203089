// The maps area's benchmarks, run by bench/run.ts.
//  - Tile serving from the MBTiles cache through the /tiles/ route's code path (source lookup, cache
//    read, content type), against a bare SELECT of the same tiles from the same file (the floor).
//  - Terrain ground-height queries (bilinear on a 3" SRTM tile), against the great-circle distance
//    function on the same number of points (a same-run yardstick of the machine's arithmetic speed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { distanceM } from '../../shared/geo/distance';
import { encodeHgt, parseHgt } from '../../shared/terrain/hgt';
import { TerrainModel } from '../../shared/terrain/model';
import { SourceStore } from '../../electron/core/maps/source-store';
import { answerTilePath, TileService } from '../../electron/core/maps/tile-service';
import { openStationDb } from '../../electron/core/recording/station-db';
import type { BenchRow } from '../table';

const TILE_BYTES = 20_000;

async function benchTileServe(): Promise<BenchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-tiles-'));
  const db = openStationDb(join(dir, 'station.sqlite'));
  const sources = new SourceStore(db);
  const service = new TileService(dir, sources);
  const tile = new Uint8Array(TILE_BYTES);
  tile.set([0x89, 0x50, 0x4e, 0x47]);
  const cache = service.cacheOf('osm');
  const side = 32;
  for (let x = 0; x < side; x++) for (let y = 0; y < side; y++) cache.put(14, 13000 + x, 5000 + y, tile);
  const paths: string[] = [];
  for (let x = 0; x < side; x++) for (let y = 0; y < side; y++) paths.push(`/tiles/osm/14/${13000 + x}/${5000 + y}.png`);
  const rounds = 5;
  let t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const p of paths) await answerTilePath(service, p);
  const oursPerS = (rounds * paths.length) / ((performance.now() - t0) / 1000);
  const raw = new Database(join(dir, 'tiles', 'osm.mbtiles'), { readonly: true });
  const stmt = raw.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (let x = 0; x < side; x++) for (let y = 0; y < side; y++) stmt.get(14, 13000 + x, 2 ** 14 - 1 - (5000 + y));
  const rawPerS = (rounds * side * side) / ((performance.now() - t0) / 1000);
  raw.close();
  service.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    name: 'maps: tiles served from the MBTiles cache (20 KB)',
    value: oursPerS, unit: 'tiles/s', baselineName: 'bare SELECT', baseline: rawPerS,
    // A full-screen map needs ~40 tiles; 1000/s redraws it in well under a tenth of a second.
    target: '>= 1000 tiles/s', pass: oursPerS >= 1000,
  };
}

async function benchTerrainQuery(): Promise<BenchRow> {
  const model = new TerrainModel();
  model.add(parseHgt('N46E122.hgt', encodeHgt(1201, (r, c) => 300 + ((r * 7 + c * 13) % 500))));
  const n = 1_000_000;
  const lats = new Float64Array(n);
  const lons = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lats[i] = 46 + ((i * 7919) % 10007) / 10007;
    lons[i] = 122 + ((i * 104729) % 10009) / 10009;
  }
  let sink = 0;
  let t0 = performance.now();
  for (let i = 0; i < n; i++) sink += model.heightMslM(lats[i]!, lons[i]!) ?? 0;
  const oursPerS = n / ((performance.now() - t0) / 1000);
  const home = { lat: 46.07, lon: 122.09 };
  t0 = performance.now();
  for (let i = 0; i < n; i++) sink += distanceM(home, { lat: lats[i]!, lon: lons[i]! });
  const basePerS = n / ((performance.now() - t0) / 1000);
  if (sink === 42) console.log('');
  return {
    name: 'maps: terrain ground-height queries (3" SRTM, bilinear)',
    value: oursPerS, unit: 'queries/s', baselineName: 'haversine distance', baseline: basePerS,
    // A 5000-sample route profile and a cursor readout: 100k/s keeps either under 50 ms.
    target: '>= 100k queries/s', pass: oursPerS >= 100_000,
  };
}

export const mapsBenches: Array<() => Promise<BenchRow>> = [benchTileServe, benchTerrainQuery];
