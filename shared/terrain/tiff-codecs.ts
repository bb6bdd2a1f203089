// The compressions DEM GeoTIFFs arrive in: none, LZW (GDAL's and ArcGIS's default for DEMs), Deflate
// (both tag values) and PackBits. Each decoder writes into a buffer of the size the block should have
// and stops there, so a hostile block (a "zip bomb", a looping LZW stream) costs at most that much
// memory and about that much work. Returns how many bytes the block really gave.
import { Unzlib } from 'fflate';
import { TiffProblem } from './tiff-ifd';

export const COMPRESSIONS: Record<number, string> = { 1: 'none', 5: 'LZW', 8: 'Deflate', 32946: 'Deflate', 32773: 'PackBits' };

const unpackable = (): TiffProblem => new TiffProblem('a compressed block cannot be unpacked.', '无法解压一个压缩块。');

export function decompress(compression: number, data: Uint8Array, out: Uint8Array): number {
  switch (compression) {
    case 1:
      out.set(data.subarray(0, out.length));
      return Math.min(data.length, out.length);
    case 5:
      return lzw(data, out);
    case 8:
    case 32946:
      return inflate(data, out);
    case 32773:
      return packBits(data, out);
    default:
      throw unpackable();
  }
}

/** Zlib stream fed in slices, so decoding stops soon after the block is full (fflate's one-shot call would run a bomb to its end). */
function inflate(data: Uint8Array, out: Uint8Array): number {
  let n = 0;
  const z = new Unzlib((chunk) => {
    const take = Math.min(chunk.length, out.length - n);
    out.set(chunk.subarray(0, take), n);
    n += take;
  });
  const SLICE = 16 * 1024;
  try {
    for (let i = 0; i < data.length && n < out.length; i += SLICE) z.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
  } catch {
    // A stream damaged after the block's samples is still usable; the caller refuses a short block.
    if (n < out.length) throw unpackable();
  }
  return n;
}

/** TIFF LZW: MSB-first codes of 9-12 bits, 256 = clear, 257 = end, the width grows one code early. */
function lzw(data: Uint8Array, out: Uint8Array): number {
  const prefix = new Int16Array(4096);
  const suffix = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  for (let i = 0; i < 256; i++) {
    suffix[i] = i;
    length[i] = 1;
  }
  let width = 9;
  let next = 258;
  let old = -1;
  // Bits not yet used, MSB first: at most 19 of them (a 12-bit code short of 11, plus a byte).
  let acc = 0;
  let accBits = 0;
  let at = 0;
  let n = 0;
  // Writes entry `code` at n (clipped at the end of out); returns its first byte.
  const emit = (code: number): number => {
    const len = length[code]!;
    let c = code;
    for (let i = len - 1; i >= 0; i--) {
      if (n + i < out.length) out[n + i] = suffix[c]!;
      if (i > 0) c = prefix[c]!;
    }
    n += len;
    return suffix[c]!;
  };
  while (n < out.length) {
    while (accBits < width && at < data.length) {
      acc = ((acc << 8) | data[at++]!) & 0xfffff;
      accBits += 8;
    }
    if (accBits < width) break;
    accBits -= width;
    const code = (acc >>> accBits) & ((1 << width) - 1);
    if (code === 257) break;
    if (code === 256) {
      width = 9;
      next = 258;
      old = -1;
      continue;
    }
    if (old < 0) {
      if (code > 255) throw unpackable();
      emit(code);
      old = code;
      continue;
    }
    if (code > next || next >= 4096) throw unpackable();
    let firstByte: number;
    if (code < next) firstByte = emit(code);
    else {
      // The KwKwK case: the code being defined is old's string plus its own first byte.
      firstByte = firstOf(old, prefix, length, suffix);
      prefix[next] = old;
      suffix[next] = firstByte;
      length[next] = length[old]! + 1;
      emit(next);
      next++;
      old = code;
      if (next >= (1 << width) - 1 && width < 12) width++;
      continue;
    }
    prefix[next] = old;
    suffix[next] = firstByte;
    length[next] = length[old]! + 1;
    next++;
    old = code;
    if (next >= (1 << width) - 1 && width < 12) width++;
  }
  return Math.min(n, out.length);
}

function firstOf(code: number, prefix: Int16Array, length: Uint16Array, suffix: Uint8Array): number {
  let c = code;
  for (let i = length[code]! - 1; i > 0; i--) c = prefix[c]!;
  return suffix[c]!;
}

/** PackBits: a header byte n; 0..127 copies n+1 bytes, -127..-1 repeats the next byte 1-n times, -128 is a no-op. */
function packBits(data: Uint8Array, out: Uint8Array): number {
  let i = 0;
  let n = 0;
  while (i < data.length && n < out.length) {
    const h = (data[i++]! << 24) >> 24;
    if (h >= 0) {
      const take = Math.min(h + 1, data.length - i, out.length - n);
      out.set(data.subarray(i, i + take), n);
      i += h + 1;
      n += take;
    } else if (h !== -128 && i < data.length) {
      const take = Math.min(1 - h, out.length - n);
      out.fill(data[i++]!, n, n + take);
      n += take;
    }
  }
  return n;
}
