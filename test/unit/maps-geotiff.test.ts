// GeoTIFF elevation models written here: heights at known points for int16 strips, Deflate with the
// horizontal predictor, float32 with no-data, point- and area-registered grids; refusals with reasons;
// the terrain folder. Every encoding: maps-geotiff-variants; projected grids: maps-geotiff-projected.
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGeoTiff } from '../../shared/terrain/geotiff';
import { TerrainModel } from '../../shared/terrain/model';
import { loadTerrainFolder } from '../../electron/core/maps/terrain-store';
import { projectionForEpsg } from '../../shared/terrain/geotiff-crs';
import { writeGeoTiff, type GeoTiffSpec } from '../support/geotiff';

// 0.001 degree pixels from 46.2 N 122.0 E; height = 400 + 2 per row south + 1 per column east.
const base: GeoTiffSpec = { width: 200, height: 150, west: 122.0, north: 46.2, stepDeg: 0.001, kind: 'i16', pointRegistered: true, heightAt: (r, c) => 400 + 2 * r + c };
const expected = (lat: number, lon: number): number => 400 + 2 * ((46.2 - lat) / 0.001) + (lon - 122.0) / 0.001;

function model(spec: GeoTiffSpec): TerrainModel {
  const m = new TerrainModel();
  m.addGrid(parseGeoTiff('dem.tif', writeGeoTiff(spec)));
  return m;
}

describe('GeoTIFF terrain', () => {
  it('reads int16 strips, and Deflate with the horizontal predictor, to the same heights', () => {
    for (const spec of [base, { ...base, deflate: true, rowsPerStrip: 7 }]) {
      const m = model(spec);
      expect(m.heightMslM(46.2, 122.0)).toBeCloseTo(400, 6);
      expect(m.heightMslM(46.15, 122.05)).toBeCloseTo(expected(46.15, 122.05), 6);
      expect(m.heightMslM(46.1234, 122.1567)).toBeCloseTo(expected(46.1234, 122.1567), 4);
      expect(m.heightMslM(46.3, 122.05)).toBeNull();
    }
  });

  it('shifts area-registered grids by half a pixel, and honours no-data in float grids', () => {
    const area = model({ ...base, pointRegistered: false });
    // Pixel (0,0) is centred half a pixel in from the tie point.
    expect(area.heightMslM(46.2 - 0.0005, 122.0005)).toBeCloseTo(400, 6);
    const f = model({ ...base, kind: 'f32', noData: -9999, heightAt: (r, c) => (r === 50 && c === 50 ? -9999 : 100.25 + r) });
    expect(f.heightMslM(46.2 - 0.01, 122.01)).toBeCloseTo(110.25, 4);
    expect(f.heightMslM(46.2 - 0.05, 122.05)).toBeNull();
  });

  it('refuses what it cannot read correctly, with the reason', () => {
    expect(() => parseGeoTiff('x.tif', new TextEncoder().encode('not a tiff at all'))).toThrow(/not a TIFF/);
    const cut = writeGeoTiff(base).subarray(0, 400);
    expect(() => parseGeoTiff('cut.tif', cut)).toThrow(/truncated|incomplete|damaged/);
  });

  it('reads between tiles that do not share edge samples (tiles cut from one raster), and only there', () => {
    // Four area-registered 0.1-degree tiles of one plane, as GDAL retiles or Copernicus ships them.
    const m = new TerrainModel();
    for (const [north, west] of [[46.2, 122.0], [46.2, 122.1], [46.1, 122.0], [46.1, 122.1]] as const) {
      const r0 = Math.round((46.2 - north) / 0.001);
      const c0 = Math.round((west - 122.0) / 0.001);
      m.addGrid(parseGeoTiff('t.tif', writeGeoTiff({ ...base, width: 100, height: 100, west, north, pointRegistered: false, heightAt: (r, c) => 400 + 2 * (r + r0) + (c + c0) })));
    }
    // The plane at pixel centres: row r is at 46.2 - (r + 0.5) * 0.001.
    const plane = (lat: number, lon: number): number => 400 + 2 * ((46.2 - lat) / 0.001 - 0.5) + ((lon - 122.0) / 0.001 - 0.5);
    for (const [lat, lon] of [[46.15, 122.1], [46.15, 122.0998], [46.1, 122.05], [46.1, 122.1], [46.1003, 122.0996]] as const) {
      expect(m.heightMslM(lat, lon)).toBeCloseTo(plane(lat, lon), 4);
    }
    // Outside all four by more than a cell, still no ground.
    expect(m.heightMslM(46.1, 122.2008)).toBeNull();
    expect(m.heightMslM(46.2004, 122.05)).toBeNull();
  });

  it('loads from the terrain folder beside .hgt tiles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maps-geotiff-'));
    writeFileSync(join(dir, 'dem.tif'), writeGeoTiff({ ...base, deflate: true }));
    writeFileSync(join(dir, 'broken.tif'), writeGeoTiff({ ...base, bigTiff: true, compression: 'lzw' }).subarray(0, 300));
    const m = new TerrainModel();
    const report = loadTerrainFolder(m, dir);
    expect(report.tiles).toEqual([{ file: 'dem.tif', south: expect.closeTo(46.051, 6), west: 122, resolutionArcSec: 3.6 }]);
    expect(report.errors[0]).toMatchObject({ file: 'broken.tif' });
    expect(report.errors[0]!.message.en).toMatch(/broken\.tif: .*(truncated|incomplete)/);
    expect(report.errors[0]!.message.zh).toMatch(/截断|不完整/);
    expect(m.heightMslM(46.1, 122.1)).toBeCloseTo(expected(46.1, 122.1), 4);
  });

  it('loads a Gauss-Krüger DEM from the folder, and refuses an oversized file by its size alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maps-geotiff-'));
    const gk = projectionForEpsg(4550)!;
    const origin = gk.forward(46.1, 122.0);
    // A tilted plane in grid metres: 500 m plus 1 m per 100 m east.
    writeFileSync(join(dir, 'gk.tif'), writeGeoTiff({ width: 200, height: 200, west: origin.x, north: origin.y, stepDeg: 10, kind: 'f32', modelType: 1, keys: [[3072, 4550]], compression: 'lzw', predictor: 3, tile: 64, heightAt: (r, c) => 500 + (c * 10 + 5) / 100 }));
    writeFileSync(join(dir, 'huge.tif'), '');
    truncateSync(join(dir, 'huge.tif'), 300 * 1024 * 1024); // sparse: no disk used
    const m = new TerrainModel();
    const report = loadTerrainFolder(m, dir);
    expect(report.tiles.map((t) => t.file)).toEqual(['gk.tif']);
    expect(report.tiles[0]!.resolutionArcSec).toBeCloseTo(0.3, 1);
    expect(report.errors).toEqual([{ file: 'huge.tif', message: { en: expect.stringMatching(/300 MB, more than the 256 MB.*cut it into smaller tiles/), zh: expect.stringMatching(/256 MB/) } }]);
    const p = gk.inverse(origin.x + 1000, origin.y - 500);
    expect(m.heightMslM(p.lat, p.lon)).toBeCloseTo(510, 1);
  });
});
