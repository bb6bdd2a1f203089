// A PMTiles v3 pack on the station's disk, read by positioned reads (the file may be gigabytes):
// header, root directory, leaf directories (cached), then the tile's bytes. Internal gzip is
// supported; brotli/zstd-compressed directories are refused with a reason.
import { closeSync, openSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ContractError, msg } from '../../../shared/contract/errors';
import { findPmEntry, parsePmDirectory, parsePmHeader, PM_HEADER_BYTES, zxyToTileId, type PmEntry, type PmHeader } from '../../../shared/maps/pmtiles-format';

const MAX_DIR_BYTES = 64 * 1024 * 1024;
const MAX_TILE_BYTES = 16 * 1024 * 1024;
const LEAF_CACHE = 64;

export class PmTiles {
  private readonly leafCache = new Map<number, PmEntry[]>();

  private constructor(
    private readonly fd: number,
    readonly header: PmHeader,
    private readonly root: PmEntry[],
  ) {}

  static open(path: string): PmTiles {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      throw new ContractError('tiles-bad-file', msg(`Cannot open ${path}.`, `无法打开 ${path}。`));
    }
    try {
      const head = new Uint8Array(PM_HEADER_BYTES);
      readSync(fd, head, 0, PM_HEADER_BYTES, 0);
      const header = parsePmHeader(head);
      if (!header) throw new ContractError('tiles-bad-file', msg(`${path} is not a PMTiles v3 file.`, `${path} 不是 PMTiles v3 文件。`));
      if (header.internalCompression !== 1 && header.internalCompression !== 2) {
        throw new ContractError('tiles-bad-file', msg(`${path}: its directories are compressed in a way this station cannot read (only none or gzip).`, `${path}：目录压缩方式无法读取（仅支持无压缩或 gzip）。`));
      }
      if (header.tileType !== 2 && header.tileType !== 3 && header.tileType !== 4) {
        throw new ContractError('tiles-bad-file', msg(`${path} holds vector or unknown tiles; only raster (PNG, JPEG, WebP) packs are supported.`, `${path} 包含矢量或未知瓦片；仅支持栅格（PNG、JPEG、WebP）瓦片包。`));
      }
      const reader = new PmTiles(fd, header, []);
      const root = reader.readDir(header.rootDirOffset, header.rootDirLength);
      return new PmTiles(fd, header, root);
    } catch (err) {
      closeSync(fd);
      if (err instanceof ContractError) throw err;
      throw new ContractError('tiles-bad-file', msg(`${path} is a damaged PMTiles file.`, `${path} 是损坏的 PMTiles 文件。`));
    }
  }

  private readBytes(offset: number, length: number, max: number): Uint8Array {
    if (length > max || length < 0) throw new Error('section too large');
    const buf = new Uint8Array(length);
    const n = readSync(this.fd, buf, 0, length, offset);
    if (n !== length) throw new Error('truncated file');
    return buf;
  }

  private readDir(offset: number, length: number): PmEntry[] {
    let bytes = this.readBytes(offset, length, MAX_DIR_BYTES);
    if (this.header.internalCompression === 2) bytes = new Uint8Array(gunzipSync(bytes, { maxOutputLength: MAX_DIR_BYTES }));
    return parsePmDirectory(bytes);
  }

  get(z: number, x: number, y: number): Uint8Array | null {
    if (z < this.header.minZoom || z > this.header.maxZoom) return null;
    const id = zxyToTileId(z, x, y);
    let dir = this.root;
    for (let depth = 0; depth < 4; depth++) {
      const e = findPmEntry(dir, id);
      if (!e) return null;
      if (e.runLength > 0) {
        const data = this.readBytes(this.header.tileDataOffset + e.offset, e.length, MAX_TILE_BYTES);
        return this.header.tileCompression === 2 ? new Uint8Array(gunzipSync(data)) : data;
      }
      const key = e.offset;
      let leaf = this.leafCache.get(key);
      if (!leaf) {
        leaf = this.readDir(this.header.leafDirsOffset + e.offset, e.length);
        if (this.leafCache.size >= LEAF_CACHE) this.leafCache.delete(this.leafCache.keys().next().value!);
        this.leafCache.set(key, leaf);
      }
      dir = leaf;
    }
    return null;
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}
