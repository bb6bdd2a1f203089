// Terrain from small elevation tiles made here: heights at known points (1" and 3" tiles), voids,
// bad files, and the ArduPilot grid arithmetic of the MAVLink terrain exchange.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors';
import { encodeHgt, HGT_VOID, hgtFileName, parseHgt, parseHgtName } from '../../shared/terrain/hgt';
import { ALL_BITS_MASK, distanceNeM, gridBlockAt, maskBits, offsetE7, subgridHeights } from '../../shared/terrain/mavlink-grid';
import { TerrainModel } from '../../shared/terrain/model';
import { loadTerrainFolder } from '../../electron/core/maps/terrain-store';

/** A plane over the tile: 500 m at its SW corner, +1000 m per degree north, +200 m per degree east. */
const plane = (lat: number, lon: number, south: number, west: number): number => 500 + 1000 * (lat - south) + 200 * (lon - west);
function planeTile(samples: number, south = 46, west = 122): Uint8Array {
  const n = samples - 1;
  return encodeHgt(samples, (r, c) => plane(south + 1 - r / n, west + c / n, south, west));
}

describe('SRTM tiles', () => {
  it('reads names both ways', () => {
    expect(parseHgtName('N46E122.hgt')).toEqual({ south: 46, west: 122 });
    expect(parseHgtName('/x/s33w071.HGT')).toEqual({ south: -33, west: -71 });
    expect(parseHgtName('N46E122.tif')).toBeNull();
    expect(hgtFileName(-33, -71)).toBe('S33W071.hgt');
  });

  it('gives heights at known points of 3" and 1" tiles (corners, centre, between samples)', () => {
    for (const samples of [1201, 3601]) {
      const model = new TerrainModel();
      model.add(parseHgt('N46E122.hgt', planeTile(samples)));
      expect(model.heightMslM(46, 122)).toBeCloseTo(500, 0);
      expect(model.heightMslM(46.5, 122.5)).toBeCloseTo(1100, 0);
      expect(model.heightMslM(46.999999, 122.999999)).toBeCloseTo(1700, 0);
      expect(model.heightMslM(46.0726, 122.0933)).toBeCloseTo(plane(46.0726, 122.0933, 46, 122), 0);
      expect(model.heightMslM(45.9, 122.5)).toBeNull(); // no tile there
    }
  });

  it('says null over a void instead of inventing sea level', () => {
    const bytes = encodeHgt(1201, (r, c) => (r === 600 && c === 600 ? HGT_VOID : 700));
    const model = new TerrainModel();
    model.add(parseHgt('N46E122.hgt', bytes));
    expect(model.heightMslM(46.5, 122.5)).toBeNull();
    expect(model.heightMslM(46.2, 122.2)).toBe(700);
  });

  it('refuses files that are not tiles, with bilingual reasons', () => {
    expect(() => parseHgt('N46E122.hgt', new Uint8Array(1000))).toThrow(ContractError);
    expect(() => parseHgt('dem.hgt', planeTile(1201))).toThrow(/not an SRTM tile name/);
  });

  it('loads a folder of .hgt and zipped tiles, reporting broken ones and going on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maps-terrain-'));
    writeFileSync(join(dir, 'N46E122.hgt'), planeTile(1201));
    writeFileSync(join(dir, 'N47E122.hgt.zip'), zipSync({ 'N47E122.hgt': planeTile(1201, 47, 122) }));
    writeFileSync(join(dir, 'N45E122.hgt'), new Uint8Array(12));
    writeFileSync(join(dir, 'N44E122.hgt.zip'), new Uint8Array([1, 2, 3]));
    const model = new TerrainModel();
    const report = loadTerrainFolder(model, dir);
    expect(report.tiles.map((t) => t.file)).toEqual(['N46E122.hgt', 'N47E122.hgt.zip']);
    expect(report.errors.map((e) => e.file)).toEqual(['N44E122.hgt.zip', 'N45E122.hgt']);
    expect(report.errors[0]!.message.zh).toMatch(/zip/);
    expect(model.heightMslM(47.5, 122.5)).toBeCloseTo(1100, 0);
  });
});

describe('ArduPilot terrain grid', () => {
  it('offsets and measures like Location::offset / get_distance_NE', () => {
    const p = offsetE7(460726000, 1220933000, 1000, 2000);
    const d = distanceNeM(460726000, 1220933000, p.latE7, p.lonE7);
    expect(d.northM).toBeCloseTo(1000, 1);
    expect(d.eastM).toBeCloseTo(2000, 0);
  });

  it('puts a position in a 28 x 32 block anchored on whole degrees', () => {
    const g = gridBlockAt(460726000, 1220933000, 100);
    expect(g.idxNorth).toBeLessThan(24);
    expect(g.idxEast).toBeLessThan(28);
    // The block's corner plus the index lands on the point's grid cell.
    const cell = offsetE7(g.latE7, g.lonE7, g.idxNorth * 100, g.idxEast * 100);
    const d = distanceNeM(cell.latE7, cell.lonE7, 460726000, 1220933000);
    expect(d.northM).toBeGreaterThanOrEqual(-0.5);
    expect(d.northM).toBeLessThan(100.5);
    expect(d.eastM).toBeGreaterThanOrEqual(-0.5);
    expect(d.eastM).toBeLessThan(100.5);
  });

  it('reads the 56-bit mask exactly, including the top bits a double would lose', () => {
    expect(maskBits(ALL_BITS_MASK)).toHaveLength(56);
    expect(maskBits((1n << 55n) | 1n)).toEqual([0, 55]);
    expect(maskBits(1n << 60n)).toEqual([]);
  });

  it('fills a 4x4 sub-grid north-then-east from the model at the right spacing', () => {
    const model = new TerrainModel();
    model.add(parseHgt('N46E122.hgt', planeTile(3601)));
    const block = { latE7: 460700000, lonE7: 1220900000, spacingM: 30 };
    const data = subgridHeights(block, 9, model.groundElevationMslM)!; // 1 sub-grid north, 1 east
    expect(data).toHaveLength(16);
    for (let i = 0; i < 16; i++) {
      const p = offsetE7(block.latE7, block.lonE7, 30 * (4 + Math.floor(i / 4)), 30 * (4 + (i % 4)));
      expect(Math.abs(data[i]! - plane(p.latE7 / 1e7, p.lonE7 / 1e7, 46, 122))).toBeLessThanOrEqual(1); // tile samples and answers are both whole metres
    }
    expect(data[4]! - data[0]!).toBeGreaterThan(0); // north is higher on this plane
    expect(subgridHeights({ latE7: 450000000, lonE7: 1220000000, spacingM: 100 }, 0, model.groundElevationMslM)).toBeNull();
    expect(subgridHeights(block, 56, model.groundElevationMslM)).toBeNull();
  });
});
