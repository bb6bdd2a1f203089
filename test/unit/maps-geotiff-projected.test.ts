// Projected DEMs over Ulanhot (46.07 N 122.09 E: UTM zone 51N, CGCS2000 3-degree zone 41 / CM 123E,
// 6-degree zone 21 / CM 123E): the same smooth ground written in latitude/longitude and in each grid
// must give the same heights. The projection itself is checked against published values first, so
// the round trip is not the code agreeing with itself.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTerrainFolder } from '../../electron/core/maps/terrain-store';
import { parseGeoTiff } from '../../shared/terrain/geotiff';
import { epsgFromCitation, projectionForEpsg } from '../../shared/terrain/geotiff-crs';
import { TerrainModel } from '../../shared/terrain/model';
import { CGCS2000, transverseMercator, type Projection } from '../../shared/terrain/transverse-mercator';
import { writeGeoTiff, type GeoTiffSpec } from '../support/geotiff';
import { refusal } from '../support/refusal';

/** Hills of ~150 m over a 30 m/km slope: curved enough that a misplaced grid shows by metres. */
const ground = (lat: number, lon: number): number => 300 + 150 * Math.sin((lat - 46) * 40) * Math.cos((lon - 122) * 30) + 3000 * (lat - 46);
const BOX = { south: 46.0, north: 46.14, west: 122.0, east: 122.18 };
const ARC_SEC = 1 / 3600;

function geographicModel(): TerrainModel {
  const rows = Math.round((BOX.north - BOX.south) / ARC_SEC) + 1;
  const cols = Math.round((BOX.east - BOX.west) / ARC_SEC) + 1;
  const m = new TerrainModel();
  m.addGrid(parseGeoTiff('geo.tif', writeGeoTiff({ width: cols, height: rows, west: BOX.west, north: BOX.north, stepDeg: ARC_SEC, kind: 'f32', pointRegistered: true, compression: 'lzw', predictor: 3, tile: 256, heightAt: (r, c) => ground(BOX.north - r * ARC_SEC, BOX.west + c * ARC_SEC) })));
  return m;
}

/** The box in a projected grid of `pixelM` pixels (area-registered, as GDAL writes), heights from `ground`. */
function projectedSpec(proj: Projection, keys: Array<[number, number]>, pixelM = 30, extra: Partial<GeoTiffSpec> = {}): GeoTiffSpec {
  const corners = [[BOX.south, BOX.west], [BOX.south, BOX.east], [BOX.north, BOX.west], [BOX.north, BOX.east]].map(([la, lo]) => proj.forward(la!, lo!));
  const x0 = Math.floor(Math.min(...corners.map((p) => p.x)) / pixelM) * pixelM;
  const y0 = Math.ceil(Math.max(...corners.map((p) => p.y)) / pixelM) * pixelM;
  const width = Math.ceil((Math.max(...corners.map((p) => p.x)) - x0) / pixelM) + 1;
  const height = Math.ceil((y0 - Math.min(...corners.map((p) => p.y))) / pixelM) + 1;
  const heightAt = (r: number, c: number): number => {
    const p = proj.inverse(x0 + (c + 0.5) * pixelM, y0 - (r + 0.5) * pixelM);
    return ground(p.lat, p.lon);
  };
  return { width, height, west: x0, north: y0, stepDeg: pixelM, kind: 'f32', modelType: 1, keys, compression: 'deflate', predictor: 3, tile: 128, heightAt, ...extra };
}

const load = (spec: GeoTiffSpec, name = 'proj.tif'): TerrainModel => {
  const m = new TerrainModel();
  m.addGrid(parseGeoTiff(name, writeGeoTiff(spec)));
  return m;
};

/** Largest height difference from `ground` and from the geographic model over points inside the box. */
function worstDifferences(m: TerrainModel, geo: TerrainModel): { vsGround: number; vsGeographic: number } {
  let vsGround = 0;
  let vsGeographic = 0;
  for (let i = 0; i < 400; i++) {
    const lat = 46.01 + ((i * 7919) % 1000) / 1000 * 0.12;
    const lon = 122.01 + ((i * 104729) % 1000) / 1000 * 0.16;
    const h = m.heightMslM(lat, lon);
    expect(h).not.toBeNull();
    vsGround = Math.max(vsGround, Math.abs(h! - ground(lat, lon)));
    vsGeographic = Math.max(vsGeographic, Math.abs(h! - geo.heightMslM(lat, lon)!));
  }
  return { vsGround, vsGeographic };
}

describe('projections', () => {
  it('UTM agrees with GeographicLib (GeoConvert: 33.3 44.4 -> 38n 444140.54 3684706.36), both hemispheres', () => {
    const p = projectionForEpsg(32638)!.forward(33.3, 44.4);
    expect(p.x).toBeCloseTo(444140.54, 1);
    expect(p.y).toBeCloseTo(3684706.36, 1);
    expect(projectionForEpsg(32738)!.forward(-33.3, 44.4).y).toBeCloseTo(10_000_000 - 3684706.36, 1);
    const back = projectionForEpsg(32651)!.inverse(429625.61, 5102227.52);
    expect(back.lat).toBeCloseTo(46.07, 6);
    expect(back.lon).toBeCloseTo(122.09, 6);
  });

  it('CGCS2000 Gauss-Krüger codes have their central meridians and false eastings', () => {
    const east = (code: number, lon: number): number => projectionForEpsg(code)!.forward(46.07, lon).x;
    expect(east(4550, 123)).toBeCloseTo(500_000, 3); // 3-degree, CM 123E
    expect(east(4529, 123)).toBeCloseTo(41_500_000, 3); // 3-degree zone 41
    expect(east(4547, 114)).toBeCloseTo(500_000, 3); // 3-degree, CM 114E
    expect(east(4510, 123)).toBeCloseTo(500_000, 3); // 6-degree, CM 123E
    expect(east(4499, 123)).toBeCloseTo(21_500_000, 3); // 6-degree zone 21
    expect(east(4491, 75)).toBeCloseTo(13_500_000, 3);
    expect(east(4554, 135)).toBeCloseTo(500_000, 3);
    // Scale 1 on the central meridian where UTM has 0.9996 (GRS80 and WGS-84 meridians differ by < 1 mm).
    expect(projectionForEpsg(4550)!.forward(46.07, 123).y).toBeCloseTo(projectionForEpsg(32651)!.forward(46.07, 123).y / 0.9996, 2);
  });
});

describe('projected DEMs over Ulanhot', () => {
  const geo = geographicModel();
  const cases: Array<[string, Projection, Array<[number, number]>]> = [
    ['UTM 51N (EPSG:32651)', projectionForEpsg(32651)!, [[3072, 32651]]],
    ['UTM 49N, two zones west (EPSG:32649)', projectionForEpsg(32649)!, [[3072, 32649]]],
    ['CGCS2000 3-degree CM 123E (EPSG:4550)', projectionForEpsg(4550)!, [[3072, 4550]]],
    ['CGCS2000 3-degree zone 41 (EPSG:4529)', projectionForEpsg(4529)!, [[3072, 4529]]],
    ['CGCS2000 6-degree CM 123E (EPSG:4510)', projectionForEpsg(4510)!, [[3072, 4510]]],
    ['CGCS2000 6-degree zone 21 (EPSG:4499)', projectionForEpsg(4499)!, [[3072, 4499]]],
    [
      'user-defined Transverse Mercator on CGCS2000',
      transverseMercator({ ...CGCS2000, lon0Deg: 122.5, lat0Deg: 0, k0: 1, falseEastingM: 500_000, falseNorthingM: 0 }),
      [[2048, 4490], [3072, 32767], [3074, 32767], [3075, 1], [3080, 122.5], [3081, 0], [3082, 500_000], [3083, 0], [3092, 1]],
    ],
    ['Web Mercator (EPSG:3857)', projectionForEpsg(3857)!, [[3072, 3857]]],
  ];

  it.each(cases)('%s gives the ground heights of the latitude/longitude DEM within a metre', (_name, proj, keys) => {
    const { vsGround, vsGeographic } = worstDifferences(load(projectedSpec(proj, keys)), geo);
    expect(vsGround).toBeLessThan(1);
    expect(vsGeographic).toBeLessThan(1);
  });

  it('int16 LZW with the horizontal predictor, point-registered, in UTM 51N', () => {
    const spec = projectedSpec(projectionForEpsg(32651)!, [[3072, 32651]], 30, { kind: 'i16', compression: 'lzw', predictor: 2, tile: undefined, rowsPerStrip: 8 });
    const { vsGround } = worstDifferences(load({ ...spec, pointRegistered: true, west: spec.west + 15, north: spec.north - 15 }), geo);
    expect(vsGround).toBeLessThan(1);
  });

  it('takes a named projected CRS without the model type key as projected', () => {
    const { vsGround } = worstDifferences(load({ ...projectedSpec(projectionForEpsg(4550)!, [[3072, 4550]]), modelType: null }), geo);
    expect(vsGround).toBeLessThan(1);
  });

  it('reads a grid named only by its citation, as ArcGIS exports do', () => {
    expect(epsgFromCitation('CGCS2000_3_Degree_GK_CM_123E')).toBe(4550);
    expect(epsgFromCitation('CGCS2000 / 3-degree Gauss-Kruger zone 41')).toBe(4529);
    expect(epsgFromCitation('CGCS2000_GK_CM_123E')).toBe(4510);
    expect(epsgFromCitation('CGCS2000 / Gauss-Kruger zone 21')).toBe(4499);
    expect(epsgFromCitation('WGS_1984_UTM_Zone_51N')).toBe(32651);
    expect(epsgFromCitation('WGS 84 / UTM zone 50S')).toBe(32750);
    expect(epsgFromCitation('CGCS2000_3_Degree_GK_CM_124E')).toBeNull();
    const spec = projectedSpec(projectionForEpsg(4550)!, [[3072, 32767]]);
    expect(worstDifferences(load({ ...spec, citation: 'CGCS2000_3_Degree_GK_CM_123E' }), geo).vsGround).toBeLessThan(1);
    expect(refusal(() => parseGeoTiff('bj.tif', writeGeoTiff({ ...spec, width: 40, height: 40, citation: 'Beijing_1954_3_Degree_GK_CM_123E' }))).userMessage.en).toMatch(/Beijing 1954/);
    expect(refusal(() => parseGeoTiff('none.tif', writeGeoTiff({ ...spec, width: 40, height: 40, citation: 'My local grid' }))).userMessage.en).toMatch(/is not one we can read/);
  });

  it('joins map sheets on one lattice, so their edges leave no strip without ground', () => {
    const whole = projectedSpec(projectionForEpsg(4550)!, [[3072, 4550]]);
    const dir = mkdtempSync(join(tmpdir(), 'maps-sheets-'));
    const cut = { c: Math.floor(whole.width / 2), r: Math.floor(whole.height / 2) };
    const separate = new TerrainModel();
    for (const [r0, r1] of [[0, cut.r], [cut.r, whole.height]]) {
      for (const [c0, c1] of [[0, cut.c], [cut.c, whole.width]]) {
        const sheet = writeGeoTiff({ ...whole, width: c1! - c0!, height: r1! - r0!, west: whole.west + c0! * 30, north: whole.north - r0! * 30, heightAt: (r, c) => whole.heightAt(r + r0!, c + c0!) });
        writeFileSync(join(dir, `sheet-${r0}-${c0}.tif`), sheet);
        separate.addGrid(parseGeoTiff('one sheet', sheet));
      }
    }
    const joined = new TerrainModel();
    const report = loadTerrainFolder(joined, dir);
    expect(report.errors).toEqual([]);
    expect(report.tiles).toHaveLength(4);
    // Points along the vertical seam: one grid per sheet has no ground there; the joined one has.
    const seam = projectionForEpsg(4550)!.inverse(whole.west + (cut.c - 0.5) * 30, whole.north - cut.r * 30 + 600);
    let gaps = 0;
    for (let k = 0; k < 40; k++) {
      const lat = seam.lat + (k - 20) * 0.002;
      if (lat < 46.01 || lat > 46.13) continue;
      if (separate.heightMslM(lat, seam.lon) === null) gaps++;
      expect(Math.abs(joined.heightMslM(lat, seam.lon)! - ground(lat, seam.lon))).toBeLessThan(1);
    }
    expect(gaps).toBeGreaterThan(0);
    expect(worstDifferences(joined, geo).vsGround).toBeLessThan(1);
  });

  it('keeps voids void, and a ground point outside the grid unknown', () => {
    const proj = projectionForEpsg(4550)!;
    const spec = projectedSpec(proj, [[3072, 4550]]);
    const hole = proj.forward(46.07, 122.09);
    const m = load({ ...spec, noData: -9999, heightAt: (r, c) => (Math.hypot(spec.west + c * 30 - hole.x, spec.north - r * 30 - hole.y) < 200 ? -9999 : spec.heightAt(r, c)) });
    expect(m.heightMslM(46.07, 122.09)).toBeNull();
    expect(m.heightMslM(46.05, 122.05)).toBeCloseTo(ground(46.05, 122.05), 0);
    expect(m.heightMslM(46.5, 122.09)).toBeNull();
  });

  it('refuses local datums, unknown projections, feet and oversized results with what to do', () => {
    const p = projectionForEpsg(32651)!;
    const small = (keys: Array<[number, number]>) => writeGeoTiff({ ...projectedSpec(p, keys), width: 40, height: 40 });
    expect(refusal(() => parseGeoTiff('bj54.tif', small([[3072, 2422]]))).userMessage.en).toMatch(/Beijing 1954.*convert the DEM to CGCS2000/);
    expect(refusal(() => parseGeoTiff('xa80.tif', small([[3072, 2370]]))).userMessage.zh).toMatch(/西安|Xi'an 1980/);
    expect(refusal(() => parseGeoTiff('kras.tif', small([[3072, 32767], [3075, 1], [3080, 123], [2056, 7024]]))).userMessage.en).toMatch(/Krassowsky/);
    expect(refusal(() => parseGeoTiff('uk.tif', small([[3072, 27700]]))).userMessage.en).toMatch(/EPSG:27700 is not one we can read; export it in latitude\/longitude/);
    expect(refusal(() => parseGeoTiff('lcc.tif', small([[3072, 32767], [3075, 8], [3080, 123]]))).userMessage.zh).toMatch(/无法读取其投影/);
    // Zone-number eastings (41,5xx,xxx m) under a code without them put the grid off the Earth.
    const prefixed = { ...projectedSpec(projectionForEpsg(4529)!, [[3072, 4550]]), width: 40, height: 40 };
    expect(refusal(() => parseGeoTiff('zone.tif', writeGeoTiff(prefixed))).userMessage.en).toMatch(/do not fall where its projection/);
    expect(refusal(() => parseGeoTiff('ft.tif', small([[3072, 32651], [3076, 9002]]))).userMessage.en).toMatch(/not metres/);
    // 6,000 x 6,000 1 m pixels 11 degrees from UTM 49N's meridian turn ~8 degrees against north:
    // the lat/lon grid around them would need ~46 million samples. Refused from the header alone.
    const far = writeGeoTiff({ ...projectedSpec(projectionForEpsg(32649)!, [[3072, 32649]], 1), width: 40, height: 40 });
    const dv = new DataView(far.buffer);
    for (const [i, v] of [[0, 6000], [1, 6000]] as const) dv.setUint16(10 + i * 12 + 8, v, true);
    expect(refusal(() => parseGeoTiff('big.tif', far)).userMessage.en).toMatch(/would need \d+ million samples, more than the 40 million/);
  });
});
