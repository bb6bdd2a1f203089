// A small GeoTIFF writer for terrain tests: one band, any of the sample types, compressions and
// predictors the station reads, strips or tiles, classic TIFF or BigTIFF, either byte order, and
// geographic or projected georeferencing through the geokeys.
import { zlibSync } from 'fflate';
import { floatingPointDifference, horizontalDifference, lzwEncode, packBitsEncode } from './tiff-encode';

export type SampleKind = 'i16' | 'u16' | 'i32' | 'f32' | 'f64';

export interface GeoTiffSpec {
  width: number;
  height: number;
  /** Tie point (0,0) -> (west, north) of the grid, and the pixel size: degrees, or metres when projected. */
  west: number;
  north: number;
  stepDeg: number;
  kind: SampleKind;
  /** Deflate; kept for the first tests (with predictor 2 on int16 unless `predictor` says). */
  deflate?: boolean;
  compression?: 'none' | 'deflate' | 'lzw' | 'packbits';
  predictor?: 1 | 2 | 3;
  /** Square tiles of this size instead of strips. */
  tile?: number;
  bigTiff?: boolean;
  bigEndian?: boolean;
  pointRegistered?: boolean;
  noData?: number;
  rowsPerStrip?: number;
  heightAt(row: number, col: number): number;
  /** GTModelTypeGeoKey: 2 geographic (default), 1 projected, null left out (as some exporters do). */
  modelType?: number | null;
  /** Further geokeys: [id, value]; a value that is not an integer goes to the double params. */
  keys?: Array<[number, number]>;
  /** PCSCitationGeoKey text (ArcGIS names the grid there, sometimes with nothing else). */
  citation?: string;
  /** Samples per pixel (for refusal tests); the extra bands repeat the first. */
  bands?: number;
}

const KIND: Record<SampleKind, { bytes: number; format: number }> = {
  i16: { bytes: 2, format: 2 }, u16: { bytes: 2, format: 1 }, i32: { bytes: 4, format: 2 }, f32: { bytes: 4, format: 3 }, f64: { bytes: 8, format: 3 },
};
const COMPRESSION_TAG = { none: 1, deflate: 8, lzw: 5, packbits: 32773 } as const;

function setSample(dv: DataView, o: number, kind: SampleKind, v: number, le: boolean): void {
  if (kind === 'f32') dv.setFloat32(o, v, le);
  else if (kind === 'f64') dv.setFloat64(o, v, le);
  else if (kind === 'i16') dv.setInt16(o, Math.round(v), le);
  else if (kind === 'u16') dv.setUint16(o, Math.round(v), le);
  else dv.setInt32(o, Math.round(v), le);
}

export function writeGeoTiff(s: GeoTiffSpec): Uint8Array {
  const { bytes: size, format } = KIND[s.kind];
  const le = !s.bigEndian;
  const bands = s.bands ?? 1;
  const compression = s.compression ?? (s.deflate ? 'deflate' : 'none');
  const predictor = s.predictor ?? (s.deflate && s.kind === 'i16' ? 2 : 1);
  const bw = s.tile ?? s.width;
  const bh = s.tile ?? Math.min(s.rowsPerStrip ?? 16, s.height);
  const blocks: Uint8Array[] = [];
  for (let r0 = 0; r0 < s.height; r0 += bh) {
    for (let c0 = 0; c0 < s.width; c0 += bw) {
      const rows = s.tile ? bh : Math.min(bh, s.height - r0);
      const raw = new Uint8Array(rows * bw * size * bands);
      const dv = new DataView(raw.buffer);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < bw; c++) {
          if (r0 + r >= s.height || c0 + c >= s.width) continue;
          const v = s.heightAt(r0 + r, c0 + c);
          for (let b = 0; b < bands; b++) setSample(dv, ((r * bw + c) * bands + b) * size, s.kind, v, le);
        }
      }
      if (predictor === 2) horizontalDifference(raw, bw * bands, size, le);
      if (predictor === 3) floatingPointDifference(raw, bw * bands, size, le);
      blocks.push(compression === 'deflate' ? zlibSync(raw) : compression === 'lzw' ? lzwEncode(raw) : compression === 'packbits' ? packBitsEncode(raw) : raw);
    }
  }
  const noData = s.noData === undefined ? null : new TextEncoder().encode(`${s.noData}\0`);
  const shortKeys: number[][] = [[1025, s.pointRegistered ? 2 : 1]];
  if (s.modelType !== null) shortKeys.push([1024, s.modelType ?? 2]);
  const doubles: number[] = [];
  for (const [id, v] of s.keys ?? []) {
    if (Number.isInteger(v) && v >= 0 && v < 65536) shortKeys.push([id, v]);
    else {
      shortKeys.push([id, v, 34736]);
      doubles.push(v);
    }
  }
  const ascii = s.citation === undefined ? [] : [...new TextEncoder().encode(`${s.citation}|`)];
  if (ascii.length) shortKeys.push([3073, 0, 34737]);
  shortKeys.sort((a, b) => a[0]! - b[0]!);
  let d = 0;
  const entryOf = ([id, v, where]: number[]): number[] => (where === 34737 ? [id!, where, ascii.length, 0] : where ? [id!, where, 1, d++] : [id!, 0, 1, v!]);
  const geoKeys = [1, 1, 0, shortKeys.length, ...shortKeys.flatMap(entryOf)];
  const big = !!s.bigTiff;
  const offType = big ? 16 : 4;
  type Tag = [number, number, number[]];
  const tags: Tag[] = [
    [256, 3, [s.width]], [257, 3, [s.height]], [258, 3, Array(bands).fill(size * 8)], [259, 3, [COMPRESSION_TAG[compression]]], [262, 3, [1]],
    [277, 3, [bands]], [317, 3, [predictor]], [339, 3, Array(bands).fill(format)],
    [33550, 12, [s.stepDeg, s.stepDeg, 0]], [33922, 12, [0, 0, 0, s.west, s.north, 0]], [34735, 3, geoKeys],
  ];
  if (s.tile) tags.push([322, 3, [bw]], [323, 3, [bh]], [324, offType, blocks.map(() => 0)], [325, offType, blocks.map((x) => x.length)]);
  else tags.push([273, offType, blocks.map(() => 0)], [278, 3, [bh]], [279, offType, blocks.map((x) => x.length)]);
  if (doubles.length) tags.push([34736, 12, doubles]);
  if (ascii.length) tags.push([34737, 2, [...ascii, 0]]);
  if (noData) tags.push([42113, 2, [...noData]]);
  tags.sort((a, b) => a[0] - b[0]);
  const offsetsTag = tags.find(([t]) => t === 273 || t === 324)!;
  return assemble(tags, blocks, offsetsTag, big, le);
}

function assemble(tags: Array<[number, number, number[]]>, blocks: Uint8Array[], offsetsTag: [number, number, number[]], big: boolean, le: boolean): Uint8Array {
  const typeSize: Record<number, number> = { 2: 1, 3: 2, 4: 4, 12: 8, 16: 8 };
  const header = big ? 16 : 8;
  const entry = big ? 20 : 12;
  const inlineMax = big ? 8 : 4;
  const ifdSize = (big ? 8 : 2) + tags.length * entry + (big ? 8 : 4);
  let extra = header + ifdSize;
  const extraOffsets = tags.map(([, type, vals]) => {
    const bytes = typeSize[type]! * vals.length;
    if (bytes <= inlineMax) return -1;
    const at = extra;
    extra += bytes + (bytes % 2);
    return at;
  });
  let dataAt = extra;
  offsetsTag[2] = blocks.map((x) => {
    const at = dataAt;
    dataAt += x.length;
    return at;
  });
  const out = new Uint8Array(dataAt);
  const dv = new DataView(out.buffer);
  out.set(le ? [0x49, 0x49] : [0x4d, 0x4d]);
  dv.setUint16(2, big ? 43 : 42, le);
  if (big) {
    dv.setUint16(4, 8, le);
    dv.setBigUint64(8, BigInt(header), le);
    dv.setBigUint64(header, BigInt(tags.length), le);
  } else {
    dv.setUint32(4, header, le);
    dv.setUint16(header, tags.length, le);
  }
  const put = (o: number, type: number, v: number): void => {
    if (type === 3) dv.setUint16(o, v, le);
    else if (type === 4) dv.setUint32(o, v, le);
    else if (type === 16) dv.setBigUint64(o, BigInt(v), le);
    else if (type === 12) dv.setFloat64(o, v, le);
    else out[o] = v;
  };
  tags.forEach(([tag, type, vals], i) => {
    const o = header + (big ? 8 : 2) + i * entry;
    dv.setUint16(o, tag, le);
    dv.setUint16(o + 2, type, le);
    if (big) dv.setBigUint64(o + 4, BigInt(vals.length), le);
    else dv.setUint32(o + 4, vals.length, le);
    const valueAt = o + (big ? 12 : 8);
    const at = extraOffsets[i]!;
    if (at < 0) vals.forEach((v, k) => put(valueAt + k * typeSize[type]!, type, v));
    else {
      if (big) dv.setBigUint64(valueAt, BigInt(at), le);
      else dv.setUint32(valueAt, at, le);
      vals.forEach((v, k) => put(at + k * typeSize[type]!, type, v));
    }
  });
  blocks.forEach((x, i) => out.set(x, offsetsTag[2][i]!));
  return out;
}
