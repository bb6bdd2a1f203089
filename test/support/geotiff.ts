// A small GeoTIFF writer for terrain tests: little-endian, one band, strips, optionally Deflate with
// the horizontal predictor, int16 or float32, geographic (EPSG:4326) georeferencing.
import { zlibSync } from 'fflate';

export interface GeoTiffSpec {
  width: number;
  height: number;
  /** Tie point (0,0) -> (west, north) of the grid, and degrees per pixel. */
  west: number;
  north: number;
  stepDeg: number;
  kind: 'i16' | 'f32';
  deflate?: boolean;
  pointRegistered?: boolean;
  noData?: number;
  rowsPerStrip?: number;
  heightAt(row: number, col: number): number;
  /** 1 = geographic; 1 projected (for refusal tests) */
  modelType?: number;
}

export function writeGeoTiff(s: GeoTiffSpec): Uint8Array {
  const size = s.kind === 'f32' ? 4 : 2;
  const rps = s.rowsPerStrip ?? 16;
  const strips: Uint8Array[] = [];
  for (let r0 = 0; r0 < s.height; r0 += rps) {
    const rows = Math.min(rps, s.height - r0);
    const raw = new Uint8Array(rows * s.width * size);
    const dv = new DataView(raw.buffer);
    for (let r = 0; r < rows; r++) {
      let prev = 0;
      for (let c = 0; c < s.width; c++) {
        const v = s.heightAt(r0 + r, c);
        const o = (r * s.width + c) * size;
        if (s.kind === 'f32') dv.setFloat32(o, v, true);
        else if (s.deflate) {
          const iv = Math.round(v);
          dv.setInt16(o, ((iv - prev) << 16) >> 16, true);
          prev = iv;
        } else dv.setInt16(o, Math.round(v), true);
      }
    }
    strips.push(s.deflate ? zlibSync(raw) : raw);
  }
  const noData = s.noData === undefined ? null : new TextEncoder().encode(`${s.noData}\0`);
  const geoKeys = [1, 1, 0, 2, 1024, 0, 1, s.modelType ?? 2, 1025, 0, 1, s.pointRegistered ? 2 : 1];
  type Tag = [number, number, number[]];
  const tags: Tag[] = [
    [256, 3, [s.width]], [257, 3, [s.height]], [258, 3, [size * 8]], [259, 3, [s.deflate ? 8 : 1]], [262, 3, [1]],
    [273, 4, strips.map(() => 0)], [277, 3, [1]], [278, 3, [rps]], [279, 4, strips.map((x) => x.length)],
    [317, 3, [s.deflate && s.kind === 'i16' ? 2 : 1]], [339, 3, [s.kind === 'f32' ? 3 : 2]],
    [33550, 12, [s.stepDeg, s.stepDeg, 0]], [33922, 12, [0, 0, 0, s.west, s.north, 0]], [34735, 3, geoKeys],
  ];
  if (noData) tags.push([42113, 2, [...noData]]);
  const typeSize: Record<number, number> = { 2: 1, 3: 2, 4: 4, 12: 8 };
  const ifdSize = 2 + tags.length * 12 + 4;
  let extra = 8 + ifdSize;
  const extraOffsets = tags.map(([, type, vals]) => {
    const bytes = typeSize[type]! * vals.length;
    if (bytes <= 4) return -1;
    const at = extra;
    extra += bytes + (bytes % 2);
    return at;
  });
  let dataAt = extra;
  const stripOffsets = strips.map((x) => {
    const at = dataAt;
    dataAt += x.length;
    return at;
  });
  tags[5]![2] = stripOffsets;
  const out = new Uint8Array(dataAt);
  const dv = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0, 8, 0, 0, 0]);
  dv.setUint16(8, tags.length, true);
  const put = (o: number, type: number, v: number): void => {
    if (type === 3) dv.setUint16(o, v, true);
    else if (type === 4) dv.setUint32(o, v, true);
    else if (type === 12) dv.setFloat64(o, v, true);
    else out[o] = v;
  };
  tags.forEach(([tag, type, vals], i) => {
    const o = 10 + i * 12;
    dv.setUint16(o, tag, true);
    dv.setUint16(o + 2, type, true);
    dv.setUint32(o + 4, vals.length, true);
    const at = extraOffsets[i]!;
    if (at < 0) vals.forEach((v, k) => put(o + 8 + k * typeSize[type]!, type, v));
    else {
      dv.setUint32(o + 8, at, true);
      vals.forEach((v, k) => put(at + k * typeSize[type]!, type, v));
    }
  });
  strips.forEach((x, i) => out.set(x, stripOffsets[i]!));
  return out;
}
