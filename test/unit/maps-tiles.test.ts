// Tile arithmetic, MBTiles and PMTiles files made here, and the datum rules of map sources.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundsPolygon, countTilesForArea, latToTileY, lonToTileX, tileBounds, tilesForArea } from '../../shared/geo/tiles';
import { buildPmTiles, findPmEntry, parsePmDirectory, serializePmDirectory, zxyToTileId } from '../../shared/maps/pmtiles-format';
import { checkTileUrl, expandTileUrl, refuseShiftedDatum } from '../../shared/maps/sources';
import { MbTiles } from '../../electron/core/maps/mbtiles';
import { PmTiles } from '../../electron/core/maps/pmtiles';
import { parseTilePath } from '../../electron/core/maps/tile-service';
import { solidPng } from '../support/png';

const dir = mkdtempSync(join(tmpdir(), 'maps-tiles-'));

describe('tile arithmetic', () => {
  it('finds the tile of a point and its bounds', () => {
    const z = 17;
    const t = { z, x: lonToTileX(122.0933, z), y: latToTileY(46.0726, z) };
    const b = tileBounds(t);
    expect(b.west).toBeLessThanOrEqual(122.0933);
    expect(b.east).toBeGreaterThan(122.0933);
    expect(b.south).toBeLessThanOrEqual(46.0726);
    expect(b.north).toBeGreaterThan(46.0726);
  });

  it('counts a thin diagonal strip as far fewer tiles than its bounding box', () => {
    const strip = [{ lat: 46, lon: 122 }, { lat: 46.001, lon: 122 }, { lat: 46.1, lon: 122.1 }, { lat: 46.099, lon: 122.1 }];
    const box = boundsPolygon({ west: 122, south: 46, east: 122.1, north: 46.1 });
    const z = 15;
    expect(countTilesForArea(strip, z, z)).toBeLessThan(countTilesForArea(box, z, z) / 3);
    expect([...tilesForArea(box, 0)]).toEqual([{ z: 0, x: 0, y: 0 }]);
  });

  it('parses tile paths strictly', () => {
    expect(parseTilePath('/tiles/osm/3/4/5.png')).toEqual({ sourceId: 'osm', z: 3, x: 4, y: 5 });
    expect(parseTilePath('/tiles/../3/4/5')).toBeNull();
    expect(parseTilePath('/tiles/osm/3/4')).toBeNull();
  });
});

describe('map sources', () => {
  it('refuses GCJ-02 and BD-09 sources, and their hosts whatever datum is claimed', () => {
    expect(refuseShiftedDatum('GCJ02', 'https://example.com/{z}/{x}/{y}.png')?.code).toBe('tiles-shifted-datum');
    const amap = refuseShiftedDatum('WGS84', 'https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8');
    expect(amap?.userMessage.en).toMatch(/Gaode\/AMap.*GCJ-02/);
    expect(amap?.userMessage.zh).toMatch(/坐标系/);
    expect(refuseShiftedDatum('WGS84', 'https://maponline0.bdimg.com/tile/?qt=vtile&x={x}&y={y}&z={z}')?.userMessage.en).toMatch(/BD-09/);
    expect(refuseShiftedDatum('CGCS2000', 'https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={token}')).toBeNull();
  });

  it('expands URL templates (TMS rows, subdomains, token) and checks them', () => {
    expect(expandTileUrl('https://a/{z}/{x}/{y}.png?k={token}', 3, 1, 2, 'a b', false)).toBe('https://a/3/1/2.png?k=a%20b');
    expect(expandTileUrl('https://a/{z}/{x}/{y}.png', 3, 1, 2, null, true)).toBe('https://a/3/1/5.png');
    expect(checkTileUrl('ftp://a/{z}/{x}/{y}')).not.toBeNull();
    expect(checkTileUrl('https://a/{z}/{x}.png')).not.toBeNull();
    expect(checkTileUrl('http://127.0.0.1:8080/{z}/{x}/{y}.png')).toBeNull();
  });
});

describe('MBTiles', () => {
  it('stores XYZ tiles as TMS rows and reads external packs read-only', () => {
    const path = join(dir, 'cache.mbtiles');
    const cache = MbTiles.openCache(path, 'test');
    const png = solidPng(255, 0, 0, 8);
    cache.put(3, 1, 2, png);
    expect(cache.get(3, 1, 2)).toEqual(Buffer.from(png));
    expect(cache.get(3, 1, 5)).toBeNull();
    expect(cache.stats()).toEqual({ tiles: 1, bytes: png.byteLength });
    cache.close();
    const ext = MbTiles.openPack(path);
    expect(ext.readOnly).toBe(true);
    expect(ext.has(3, 1, 2)).toBe(true);
    expect(ext.info().name).toBe('test');
    ext.close();
    writeFileSync(join(dir, 'junk.mbtiles'), 'not sqlite');
    expect(() => MbTiles.openPack(join(dir, 'junk.mbtiles'))).toThrow(/not an MBTiles file/);
  });
});

describe('PMTiles', () => {
  it('numbers tiles along the Hilbert curve like the reference implementation', () => {
    expect(zxyToTileId(0, 0, 0)).toBe(0);
    expect(zxyToTileId(1, 0, 0)).toBe(1);
    expect(zxyToTileId(1, 0, 1)).toBe(2);
    expect(zxyToTileId(1, 1, 1)).toBe(3);
    expect(zxyToTileId(1, 1, 0)).toBe(4);
    expect(zxyToTileId(2, 0, 0)).toBe(5);
  });

  it('round-trips directories, including runs and contiguous offsets', () => {
    const entries = [
      { tileId: 0, offset: 0, length: 10, runLength: 1 },
      { tileId: 1, offset: 10, length: 20, runLength: 3 },
      { tileId: 9, offset: 500, length: 5, runLength: 1 },
    ];
    const back = parsePmDirectory(serializePmDirectory(entries));
    expect(back).toEqual(entries);
    expect(findPmEntry(back, 3)).toEqual(entries[1]);
    expect(findPmEntry(back, 5)).toBeNull();
  });

  it('reads tiles from a pack written here, and refuses junk', () => {
    const red = solidPng(255, 0, 0, 8);
    const blue = solidPng(0, 0, 255, 8);
    const path = join(dir, 'pack.pmtiles');
    writeFileSync(path, buildPmTiles([{ z: 0, x: 0, y: 0, data: red }, { z: 2, x: 3, y: 1, data: blue }]));
    const pm = PmTiles.open(path);
    expect(pm.get(0, 0, 0)).toEqual(red);
    expect(pm.get(2, 3, 1)).toEqual(blue);
    expect(pm.get(2, 3, 2)).toBeNull();
    expect(pm.get(5, 0, 0)).toBeNull();
    pm.close();
    writeFileSync(join(dir, 'junk.pmtiles'), 'PMTiles but not really');
    expect(() => PmTiles.open(join(dir, 'junk.pmtiles'))).toThrow(/not a PMTiles v3 file/);
  });
});
