// Fuzz target for terrain files: GeoTIFF DEMs as a unit might be handed them (LZW tiles in a BigTIFF,
// Deflate strips with the horizontal predictor, big-endian floats with predictor 3, projected grids,
// one named only by its citation), mutated. A file may be read or refused with the bilingual 'terrain-geotiff' error; nothing else.
import { ContractError } from '../../shared/contract/errors';
import { parseGeoTiff } from '../../shared/terrain/geotiff';
import type { FuzzTarget } from './fuzz-targets';
import { writeGeoTiff, type GeoTiffSpec } from './geotiff';

const base: GeoTiffSpec = { width: 40, height: 30, west: 122.0, north: 46.2, stepDeg: 0.001, kind: 'i16', heightAt: (r, c) => 400 + ((r * 7 + c * 13) % 50) };

export function terrainSeeds(): Uint8Array[] {
  return [
    writeGeoTiff({ ...base, compression: 'lzw', predictor: 2, tile: 16, bigTiff: true }),
    writeGeoTiff({ ...base, deflate: true, rowsPerStrip: 7, noData: -9999 }),
    writeGeoTiff({ ...base, kind: 'f32', compression: 'packbits', predictor: 3, bigEndian: true, pointRegistered: true }),
    writeGeoTiff({ ...base, kind: 'f64', compression: 'lzw', predictor: 3, tile: 32 }),
    writeGeoTiff({ ...base, west: 429_000, north: 5_103_000, stepDeg: 30, modelType: 1, keys: [[3072, 32651]], compression: 'lzw', predictor: 2 }),
    writeGeoTiff({ ...base, west: 429_000, north: 5_103_000, stepDeg: 30, modelType: 1, keys: [[3072, 32767]], citation: 'CGCS2000_3_Degree_GK_CM_123E' }),
  ];
}

/** Overwrites an aligned word in the header and IFD: counts, offsets, sizes and geokeys are where a TIFF breaks. */
function damageHeader(input: Uint8Array, rand: () => number): Uint8Array {
  if (input.length < 16 || rand() < 0.5) return input;
  const b = input.slice();
  const dv = new DataView(b.buffer);
  const at = Math.floor((rand() * Math.min(b.length - 4, 600)) / 2) * 2;
  const values = [0, 1, 0xffff, 0xffffffff, 0x7fffffff, b.length, b.length - 1, Math.floor(rand() * 2 ** 32)];
  dv.setUint32(at, values[Math.floor(rand() * values.length)]!, rand() < 0.5);
  return b;
}

export function terrainGeoTiff(seeds: Uint8Array[]): FuzzTarget {
  return {
    name: 'terrain-geotiff',
    seeds,
    mutate: damageHeader,
    run(input) {
      try {
        parseGeoTiff('fuzz.tif', input);
        return 'ok';
      } catch (err) {
        if (err instanceof ContractError && err.code === 'terrain-geotiff' && err.userMessage.en.length > 20 && err.userMessage.zh.length > 10) return 'refused';
        throw err;
      }
    },
  };
}
