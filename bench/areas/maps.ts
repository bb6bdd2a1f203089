// The maps area's benchmarks, run by bench/run.ts.
//  - Tile serving from the MBTiles cache through the /tiles/ route's code path (source lookup, cache
//    read, content type), against a bare SELECT of the same tiles from the same file (the floor).
//  - Terrain ground-height queries (bilinear on a 3" SRTM tile), against the great-circle distance
//    function on the same number of points (a same-run yardstick of the machine's arithmetic speed).
//  - GeoTIFF DEM loading: a 1" tile (3601 x 3601 int16) in LZW with the horizontal predictor, as
//    GDAL and most sources ship it, against the same grid uncompressed (the reader's floor); and the
//    same grid in UTM, resampled into latitude/longitude on load.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { distanceM } from '../../shared/geo/distance';
import { parseGeoTiff } from '../../shared/terrain/geotiff';
import { projectionForEpsg } from '../../shared/terrain/geotiff-crs';
import { encodeHgt, parseHgt } from '../../shared/terrain/hgt';
import { TerrainModel } from '../../shared/terrain/model';
import { SourceStore } from '../../electron/core/maps/source-store';
import { answerTilePath, TileService } from '../../electron/core/maps/tile-service';
import { openStationDb } from '../../electron/core/recording/station-db';
import { writeGeoTiff, type GeoTiffSpec } from '../../test/support/geotiff';
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

const DEM_SIDE = 3601;
/** Hills and a few metres of hashed noise, so LZW sees what it sees in a real DEM, not a plane it packs to nothing. */
const demHeight = (r: number, c: number): number => 300 + 200 * Math.sin(r / 300) * Math.cos(c / 250) + (((Math.imul(r, 73856093) ^ Math.imul(c, 19349663)) >>> 0) % 7);
const dem: GeoTiffSpec = { width: DEM_SIDE, height: DEM_SIDE, west: 122, north: 47, stepDeg: 1 / 3600, kind: 'i16', pointRegistered: true, rowsPerStrip: 1, heightAt: demHeight };

/** Best of three loads, in decoded MB/s (the int16 grid is 26 MB whatever the file's size). */
function loadMbPerS(file: Uint8Array): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    parseGeoTiff('bench.tif', file);
    best = Math.min(best, performance.now() - t0);
  }
  return (DEM_SIDE * DEM_SIDE * 2) / 1e6 / (best / 1000);
}

async function benchGeoTiffLoad(): Promise<BenchRow> {
  const lzw = writeGeoTiff({ ...dem, compression: 'lzw', predictor: 2, tile: 256 });
  const plain = writeGeoTiff(dem);
  const lzwMbps = loadMbPerS(lzw);
  const plainMbps = loadMbPerS(plain);
  return {
    name: `maps: GeoTIFF 1" DEM load, 3601x3601 int16, LZW + predictor (${(lzw.length / 1e6).toFixed(1)} MB file)`,
    value: lzwMbps, unit: 'MB/s', baselineName: 'same grid uncompressed', baseline: plainMbps,
    // Reload terrain with a folder of a dozen 1" tiles should take seconds, not a minute: 26 MB in < 1 s.
    target: '>= 26 MB/s', pass: lzwMbps >= 26,
  };
}

async function benchProjectedLoad(): Promise<BenchRow> {
  const utm = projectionForEpsg(32651)!;
  const sw = utm.forward(46, 122);
  const spec: GeoTiffSpec = { ...dem, west: Math.round(sw.x), north: Math.round(sw.y) + DEM_SIDE * 30, stepDeg: 30, modelType: 1, keys: [[3072, 32651]], compression: 'lzw', predictor: 2, tile: 256 };
  const projected = writeGeoTiff(spec);
  const geographic = writeGeoTiff({ ...dem, compression: 'lzw', predictor: 2, tile: 256 });
  const projMbps = loadMbPerS(projected);
  const geoMbps = loadMbPerS(geographic);
  return {
    name: 'maps: GeoTIFF DEM load, 3601x3601 int16 LZW in UTM 51N (30 m), resampled to lat/lon',
    value: projMbps, unit: 'MB/s', baselineName: 'same file in lat/lon', baseline: geoMbps,
    target: '>= 10 MB/s', pass: projMbps >= 10,
  };
}

export const mapsBenches: Array<() => Promise<BenchRow>> = [benchTileServe, benchTerrainQuery, benchGeoTiffLoad, benchProjectedLoad];
