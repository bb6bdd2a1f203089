// GeoTIFF elevation models written here: heights at known points for int16 strips, Deflate with the
// horizontal predictor, float32 with no-data, point- and area-registered grids; refusals with reasons.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGeoTiff } from '../../shared/terrain/geotiff';
import { TerrainModel } from '../../shared/terrain/model';
import { loadTerrainFolder } from '../../electron/core/maps/terrain-store';
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
});
