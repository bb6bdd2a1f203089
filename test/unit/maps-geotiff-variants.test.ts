// Every encoding a unit's GeoTIFF DEM may come in, written here by an independent encoder
// (test/support/tiff-encode.ts): sample types x compressions x predictors, strips and tiles, TIFF and
// BigTIFF, both byte orders, voids; each must give the same heights. Then damaged and oversized files.
import { describe, expect, it } from 'vitest';
import { parseGeoTiff } from '../../shared/terrain/geotiff';
import { TerrainModel } from '../../shared/terrain/model';
import { writeGeoTiff, type GeoTiffSpec, type SampleKind } from '../support/geotiff';
import { refusal } from '../support/refusal';

// 0.001 degree pixels from 46.2 N 122.0 E; a plane, so bilinear lookups are exact.
const base: GeoTiffSpec = { width: 90, height: 70, west: 122.0, north: 46.2, stepDeg: 0.001, kind: 'i16', pointRegistered: true, heightAt: (r, c) => 400 + 2 * r + c };
const plane = (lat: number, lon: number, offset: number): number => 400 + offset + 2 * ((46.2 - lat) / 0.001) + (lon - 122.0) / 0.001;
const POINTS: Array<[number, number]> = [[46.2, 122.0], [46.15, 122.05], [46.1734, 122.0567], [46.1315, 122.0885]];

function heightsOf(spec: GeoTiffSpec): Array<number | null> {
  const m = new TerrainModel();
  m.addGrid(parseGeoTiff('dem.tif', writeGeoTiff(spec)));
  return POINTS.map(([lat, lon]) => m.heightMslM(lat, lon));
}

const KINDS: SampleKind[] = ['i16', 'u16', 'i32', 'f32', 'f64'];
const COMPRESSIONS = ['none', 'lzw', 'deflate', 'packbits'] as const;

describe('GeoTIFF encodings', () => {
  const cases: Array<[string, GeoTiffSpec]> = [];
  let n = 0;
  for (const kind of KINDS) {
    const float = kind === 'f32' || kind === 'f64';
    const predictors: Array<1 | 2 | 3> = float ? [1, 3] : [1, 2];
    for (const compression of COMPRESSIONS) {
      for (const predictor of predictors) {
        for (const tile of [undefined, 32]) {
          n++;
          // Byte order and BigTIFF alternate through the matrix rather than multiplying it.
          const spec: GeoTiffSpec = { ...base, kind, compression, predictor, tile, rowsPerStrip: 9, bigTiff: n % 3 === 0, bigEndian: n % 2 === 0, heightAt: (r, c) => 400 + 2 * r + c + (float ? 0.25 : 0) };
          cases.push([`${kind} ${compression} predictor ${predictor} ${tile ? 'tiled' : 'striped'}${spec.bigTiff ? ' BigTIFF' : ''}${spec.bigEndian ? ' big-endian' : ''}`, spec]);
        }
      }
    }
  }

  it.each(cases)('%s gives the heights of the surface', (_name, spec) => {
    const offset = spec.kind === 'f32' || spec.kind === 'f64' ? 0.25 : 0;
    heightsOf(spec).forEach((h, i) => expect(h).toBeCloseTo(plane(POINTS[i]![0], POINTS[i]![1], offset), 3));
  });

  it('LZW of a large, varied grid (past the 4094-code table reset) and odd tile edges', () => {
    const noisy = (r: number, c: number): number => ((r * 7919 + c * 104729) % 3001) - 500;
    const spec: GeoTiffSpec = { ...base, width: 301, height: 257, tile: 48, compression: 'lzw', predictor: 2, heightAt: noisy };
    const g = parseGeoTiff('noisy.tif', writeGeoTiff(spec));
    for (const [r, c] of [[0, 0], [100, 200], [256, 300], [255, 47], [48, 48]] as const) expect(g.heightsM[r * 301 + c]).toBe(noisy(r, c));
  });

  it('reads CGCS2000 (EPSG:4490) and WGS-84 (EPSG:4326) latitude/longitude alike', () => {
    expect(heightsOf({ ...base, keys: [[2048, 4490]] })).toEqual(heightsOf({ ...base, keys: [[2048, 4326]] }));
    expect(heightsOf({ ...base, keys: [[2048, 4490]] })[1]).toBeCloseTo(plane(46.15, 122.05, 0), 6);
  });

  it('treats GDAL_NODATA, -32768, -9999 and impossible heights as voids in every type', () => {
    const voidAt = (v: number) => (r: number, c: number) => (r === 30 && c === 50 ? v : 400 + 2 * r + c);
    const probe = (spec: GeoTiffSpec): number | null => {
      const m = new TerrainModel();
      m.addGrid(parseGeoTiff('v.tif', writeGeoTiff(spec)));
      return m.heightMslM(46.2 - 0.0305, 122.0505);
    };
    expect(probe({ ...base, heightAt: voidAt(-32768) })).toBeNull();
    expect(probe({ ...base, heightAt: voidAt(-9999) })).toBeNull();
    expect(probe({ ...base, kind: 'i32', compression: 'lzw', heightAt: voidAt(-9999) })).toBeNull();
    expect(probe({ ...base, kind: 'f32', heightAt: voidAt(-3.4028234663852886e38) })).toBeNull();
    expect(probe({ ...base, kind: 'f64', heightAt: voidAt(Number.NaN) })).toBeNull();
    expect(probe({ ...base, kind: 'u16', noData: 0, heightAt: voidAt(0) })).toBeNull();
    expect(probe({ ...base, kind: 'f32', noData: 123.5, heightAt: voidAt(123.5) })).toBeNull();
    // ... and the sample next door, out of reach of the void, still reads.
    const m = new TerrainModel();
    m.addGrid(parseGeoTiff('v.tif', writeGeoTiff({ ...base, heightAt: voidAt(-9999) })));
    expect(m.heightMslM(46.2 - 0.0305, 122.0525)).toBeCloseTo(plane(46.2 - 0.0305, 122.0525, 0), 3);
  });

  it('refuses truncated, garbage and oversized files with a reason in both languages', () => {
    const good = writeGeoTiff({ ...base, compression: 'lzw', tile: 32, bigTiff: true });
    for (const cut of [8, 20, 120, 300, good.length - 40]) {
      const e = refusal(() => parseGeoTiff('cut.tif', good.subarray(0, cut)));
      expect(e.code).toBe('terrain-geotiff');
      expect(e.userMessage.en).toMatch(/^cut\.tif: .*(truncated|damaged|incomplete|shorter|not a TIFF|missing)/);
      expect(e.userMessage.zh).toMatch(/^cut\.tif：/);
    }
    let seed = 7;
    const garbage = Uint8Array.from({ length: 5000 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    garbage.set([0x49, 0x49, 42, 0, 8, 0, 0, 0]);
    expect(refusal(() => parseGeoTiff('junk.tif', garbage)).userMessage.zh).toMatch(/^junk\.tif：/);
    // A header claiming 100,000 x 100,000 samples is refused before anything that size is allocated.
    const huge = patchSize(writeGeoTiff(base), 100_000, 100_000);
    expect(refusal(() => parseGeoTiff('huge.tif', huge)).userMessage.en).toMatch(/100000 x 100000 samples is more than the 60 million/);
    expect(refusal(() => parseGeoTiff('rgb.tif', writeGeoTiff({ ...base, bands: 3 }))).userMessage.en).toMatch(/3 bands/);
    const zstd = writeGeoTiff(base);
    new DataView(zstd.buffer).setUint16(10 + 3 * 12 + 8, 50000, true); // the compression tag, 4th entry
    expect(refusal(() => parseGeoTiff('zstd.tif', zstd)).userMessage.en).toMatch(/compression 50000 \(ZSTD\) is not supported; export with LZW, Deflate or none/);
    expect(refusal(() => parseGeoTiff('bj.tif', writeGeoTiff({ ...base, keys: [[2048, 4214]] }))).userMessage.en).toMatch(/Beijing 1954/);
    expect(refusal(() => parseGeoTiff('tokyo.tif', writeGeoTiff({ ...base, keys: [[2048, 4301]] }))).userMessage.en).toMatch(/EPSG:4301 is not one aligned with GPS/);
  });
});

/** Rewrites the width and height tags (the first two entries of a classic little-endian IFD) as LONGs. */
function patchSize(tiff: Uint8Array, width: number, height: number): Uint8Array {
  const out = tiff.slice();
  const dv = new DataView(out.buffer);
  for (const [i, v] of [[0, width], [1, height]] as const) {
    const o = 10 + i * 12;
    dv.setUint16(o + 2, 4, true);
    dv.setUint32(o + 8, v, true);
  }
  return out;
}
