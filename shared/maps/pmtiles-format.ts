// PMTiles v3 (protomaps): a single-file tile pack read by byte ranges. This is the format arithmetic
// (tile ids along a Hilbert curve per zoom, varint directories); the station's reader does the I/O.
// Spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md

export interface PmHeader {
  rootDirOffset: number;
  rootDirLength: number;
  metadataOffset: number;
  metadataLength: number;
  leafDirsOffset: number;
  leafDirsLength: number;
  tileDataOffset: number;
  tileDataLength: number;
  /** 1 none, 2 gzip, 3 brotli, 4 zstd */
  internalCompression: number;
  tileCompression: number;
  /** 1 mvt, 2 png, 3 jpeg, 4 webp, 5 avif */
  tileType: number;
  minZoom: number;
  maxZoom: number;
}

export interface PmEntry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

export const PM_HEADER_BYTES = 127;

export function parsePmHeader(b: Uint8Array): PmHeader | null {
  if (b.byteLength < PM_HEADER_BYTES) return null;
  if (String.fromCharCode(...b.subarray(0, 7)) !== 'PMTiles' || b[7] !== 3) return null;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u64 = (o: number): number => Number(dv.getBigUint64(o, true));
  return {
    rootDirOffset: u64(8), rootDirLength: u64(16), metadataOffset: u64(24), metadataLength: u64(32),
    leafDirsOffset: u64(40), leafDirsLength: u64(48), tileDataOffset: u64(56), tileDataLength: u64(64),
    internalCompression: b[97]!, tileCompression: b[98]!, tileType: b[99]!, minZoom: b[100]!, maxZoom: b[101]!,
  };
}

export function zxyToTileId(z: number, x: number, y: number): number {
  const acc = (4 ** z - 1) / 3;
  let tx = x;
  let ty = y;
  let d = 0;
  for (let s = 2 ** (z - 1); s >= 1; s /= 2) {
    const rx = (tx & s) > 0 ? 1 : 0;
    const ry = (ty & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        tx = s - 1 - tx;
        ty = s - 1 - ty;
      }
      [tx, ty] = [ty, tx];
    }
  }
  return acc + d;
}

function readVarint(b: Uint8Array, pos: { i: number }): number {
  let result = 0;
  let shift = 1;
  for (let n = 0; n < 10; n++) {
    if (pos.i >= b.length) throw new Error('truncated directory');
    const byte = b[pos.i++]!;
    result += (byte & 0x7f) * shift;
    if (byte < 0x80) return result;
    shift *= 128;
  }
  throw new Error('varint too long');
}

export function parsePmDirectory(b: Uint8Array): PmEntry[] {
  const pos = { i: 0 };
  const n = readVarint(b, pos);
  if (n > 10_000_000) throw new Error('directory too large');
  const entries: PmEntry[] = [];
  let last = 0;
  for (let k = 0; k < n; k++) {
    last += readVarint(b, pos);
    entries.push({ tileId: last, offset: 0, length: 0, runLength: 1 });
  }
  for (const e of entries) e.runLength = readVarint(b, pos);
  for (const e of entries) e.length = readVarint(b, pos);
  for (let k = 0; k < n; k++) {
    const v = readVarint(b, pos);
    entries[k]!.offset = v === 0 && k > 0 ? entries[k - 1]!.offset + entries[k - 1]!.length : v - 1;
  }
  return entries;
}

/** The entry holding tileId: a tile run (runLength > 0) or a leaf directory (runLength 0), or null. */
export function findPmEntry(entries: readonly PmEntry[], tileId: number): PmEntry | null {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = tileId - entries[mid]!.tileId;
    if (c > 0) lo = mid + 1;
    else if (c < 0) hi = mid - 1;
    else return entries[mid]!;
  }
  if (hi >= 0) {
    const e = entries[hi]!;
    if (e.runLength === 0 || tileId - e.tileId < e.runLength) return e;
  }
  return null;
}

function writeVarint(out: number[], v: number): void {
  let n = v;
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

/** A directory's bytes (uncompressed): for writing packs and for tests. Entries sorted by tileId. */
export function serializePmDirectory(entries: readonly PmEntry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, k) => {
    const prev = entries[k - 1];
    writeVarint(out, k > 0 && prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

/** A whole single-directory PMTiles v3 file from raster tiles (no compression): packs and tests. */
export function buildPmTiles(tiles: ReadonlyArray<{ z: number; x: number; y: number; data: Uint8Array }>, tileType = 2): Uint8Array {
  const sorted = tiles.map((t) => ({ ...t, id: zxyToTileId(t.z, t.x, t.y) })).sort((a, b) => a.id - b.id);
  let offset = 0;
  const entries: PmEntry[] = sorted.map((t) => {
    const e = { tileId: t.id, offset, length: t.data.byteLength, runLength: 1 };
    offset += t.data.byteLength;
    return e;
  });
  const dir = serializePmDirectory(entries);
  const meta = new TextEncoder().encode('{}');
  const total = PM_HEADER_BYTES + dir.byteLength + meta.byteLength + offset;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  out.set(new TextEncoder().encode('PMTiles'), 0);
  out[7] = 3;
  const set = (o: number, v: number): void => dv.setBigUint64(o, BigInt(v), true);
  set(8, PM_HEADER_BYTES);
  set(16, dir.byteLength);
  set(24, PM_HEADER_BYTES + dir.byteLength);
  set(32, meta.byteLength);
  set(40, 0);
  set(48, 0);
  set(56, PM_HEADER_BYTES + dir.byteLength + meta.byteLength);
  set(64, offset);
  set(72, entries.length);
  set(80, entries.length);
  set(88, entries.length);
  out[96] = 1;
  out[97] = 1;
  out[98] = 1;
  out[99] = tileType;
  out[100] = Math.min(...tiles.map((t) => t.z));
  out[101] = Math.max(...tiles.map((t) => t.z));
  out.set(dir, PM_HEADER_BYTES);
  out.set(meta, PM_HEADER_BYTES + dir.byteLength);
  let p = PM_HEADER_BYTES + dir.byteLength + meta.byteLength;
  for (const t of sorted) {
    out.set(t.data, p);
    p += t.data.byteLength;
  }
  return out;
}
