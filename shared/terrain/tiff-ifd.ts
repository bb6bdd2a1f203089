// The first image file directory of a TIFF or BigTIFF: tag -> values, with every offset and count
// checked against the file before anything is read or allocated, since a DEM from an unknown source
// can claim any size. Only the first IFD is read: overviews and masks that follow it are not heights.
export class TiffProblem extends Error {
  constructor(
    readonly en: string,
    readonly zh: string,
  ) {
    super(en);
  }
}

export const damaged = (): TiffProblem => new TiffProblem('the file is truncated or damaged.', '文件被截断或已损坏。');
const notTiff = (): TiffProblem => new TiffProblem('not a TIFF file.', '不是 TIFF 文件。');

// Bytes per value of each TIFF field type (BYTE .. IFD8); unknown types are skipped.
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 16: 8, 17: 8, 18: 8 };
/** More values than any real DEM's strip table or geokey directory holds (a 1" tile has 3601 strips). */
const MAX_VALUES = 4_000_000;

export interface Ifd {
  littleEndian: boolean;
  bigTiff: boolean;
  has(tag: number): boolean;
  /** All values of a numeric tag ([] when absent). */
  values(tag: number): number[];
  /** The first value, or the fallback; refuses when absent without one. */
  one(tag: number, fallback?: number): number;
  text(tag: number): string;
}

export function readIfd(bytes: Uint8Array): Ifd {
  if (bytes.length < 16) throw notTiff();
  const le = bytes[0] === 0x49 && bytes[1] === 0x49;
  if (!le && !(bytes[0] === 0x4d && bytes[1] === 0x4d)) throw notTiff();
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = dv.getUint16(2, le);
  if (magic !== 42 && magic !== 43) throw notTiff();
  const big = magic === 43;
  if (big && (dv.getUint16(4, le) !== 8 || dv.getUint16(6, le) !== 0)) throw notTiff();
  const check = (offset: number, length: number): void => {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > bytes.length) throw damaged();
  };
  // A 64-bit offset beyond 2^53 cannot be inside any file we would read; check() refuses it.
  const u64 = (p: number): number => Number(dv.getBigUint64(p, le));
  const offsetAt = (p: number): number => (big ? u64(p) : dv.getUint32(p, le));
  const ifd = offsetAt(big ? 8 : 4);
  check(ifd, big ? 8 : 2);
  const n = big ? u64(ifd) : dv.getUint16(ifd, le);
  const entrySize = big ? 20 : 12;
  const first = ifd + (big ? 8 : 2);
  check(first, n * entrySize);
  const entries = new Map<number, { type: number; count: number; at: number }>();
  for (let i = 0; i < n; i++) {
    const o = first + i * entrySize;
    const type = dv.getUint16(o + 2, le);
    const count = big ? u64(o + 4) : dv.getUint32(o + 4, le);
    entries.set(dv.getUint16(o, le), { type, count, at: o + (big ? 12 : 8) });
  }

  const values = (tag: number): number[] => {
    const e = entries.get(tag);
    const size = e ? TYPE_SIZE[e.type] : undefined;
    if (!e || !size) return [];
    if (e.count > MAX_VALUES) throw new TiffProblem(`field ${tag} claims ${e.count} values.`, `字段 ${tag} 声称有 ${e.count} 个值。`);
    const inline = e.count * size <= (big ? 8 : 4);
    const start = inline ? e.at : offsetAt(e.at);
    check(start, e.count * size);
    const out = new Array<number>(e.count);
    for (let i = 0; i < e.count; i++) {
      const p = start + i * size;
      switch (e.type) {
        case 3: out[i] = dv.getUint16(p, le); break;
        case 4: case 13: out[i] = dv.getUint32(p, le); break;
        case 5: out[i] = dv.getUint32(p, le) / (dv.getUint32(p + 4, le) || 1); break;
        case 6: out[i] = dv.getInt8(p); break;
        case 8: out[i] = dv.getInt16(p, le); break;
        case 9: out[i] = dv.getInt32(p, le); break;
        case 10: out[i] = dv.getInt32(p, le) / (dv.getInt32(p + 4, le) || 1); break;
        case 11: out[i] = dv.getFloat32(p, le); break;
        case 12: out[i] = dv.getFloat64(p, le); break;
        case 16: case 18: out[i] = u64(p); break;
        case 17: out[i] = Number(dv.getBigInt64(p, le)); break;
        default: out[i] = bytes[p]!;
      }
    }
    return out;
  };
  return {
    littleEndian: le,
    bigTiff: big,
    has: (tag) => entries.has(tag),
    values,
    one(tag, fallback) {
      const v = values(tag)[0] ?? fallback;
      if (v === undefined) throw new TiffProblem(`a required TIFF field (${tag}) is missing.`, `缺少必需的 TIFF 字段（${tag}）。`);
      return v;
    },
    text: (tag) => String.fromCharCode(...values(tag).slice(0, 4096)).replace(/\0/g, ' ').trim(),
  };
}
