// MBTiles 1.3 (SQLite): the cache of every raster tile the station fetched, one file per source, and
// external .mbtiles packs opened read-only. Rows are TMS (tile_row counts from the south); callers use
// XYZ and never see the flip. WAL with synchronous=NORMAL: a cache may lose its last tiles in a power
// cut (they are fetched again), but it never corrupts and readers never block the prefetch writer.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ContractError, msg } from '../../../shared/contract/errors';
import { flipY } from '../../../shared/geo/tiles';

export interface MbTilesInfo {
  name: string;
  format: string;
  minZoom: number | null;
  maxZoom: number | null;
  bounds: [number, number, number, number] | null;
}

export class MbTiles {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement;
  private readonly putStmt: Database.Statement | null;
  readonly readOnly: boolean;

  private constructor(db: Database.Database, readOnly: boolean) {
    this.db = db;
    this.readOnly = readOnly;
    this.getStmt = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
    this.putStmt = readOnly ? null : db.prepare('INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)');
  }

  /** A cache file, created when missing. */
  static openCache(path: string, name: string, format = 'png'): MbTiles {
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE TABLE IF NOT EXISTS metadata (name TEXT PRIMARY KEY, value TEXT);
      CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
      CREATE UNIQUE INDEX IF NOT EXISTS tile_index ON tiles (zoom_level, tile_column, tile_row);`);
    const setMeta = db.prepare('INSERT OR IGNORE INTO metadata (name, value) VALUES (?, ?)');
    setMeta.run('name', name);
    setMeta.run('format', format);
    setMeta.run('type', 'baselayer');
    return new MbTiles(db, false);
  }

  /** Someone's .mbtiles pack; refused with a clear reason when it is not one. */
  static openPack(path: string): MbTiles {
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true });
      db.prepare('SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 1').all();
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new ContractError('tiles-bad-file', msg(`${path} is not an MBTiles file (${why}).`, `${path} 不是 MBTiles 文件（${why}）。`));
    }
    return new MbTiles(db, true);
  }

  get(z: number, x: number, y: number): Buffer | null {
    const row = this.getStmt.get(z, x, flipY(z, y)) as { tile_data: Buffer } | undefined;
    return row ? row.tile_data : null;
  }

  has(z: number, x: number, y: number): boolean {
    return this.get(z, x, y) !== null;
  }

  put(z: number, x: number, y: number, data: Uint8Array): void {
    if (!this.putStmt) throw new Error('read-only MBTiles');
    this.putStmt.run(z, x, flipY(z, y), Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }

  stats(): { tiles: number; bytes: number } {
    const r = this.db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(tile_data)), 0) AS b FROM tiles').get() as { n: number; b: number };
    return { tiles: r.n, bytes: r.b };
  }

  info(): MbTilesInfo {
    const rows = this.db.prepare('SELECT name, value FROM metadata').all() as Array<{ name: string; value: string }>;
    const m = new Map(rows.map((r) => [r.name, r.value]));
    const num = (k: string): number | null => (m.has(k) && Number.isFinite(Number(m.get(k))) ? Number(m.get(k)) : null);
    const b = (m.get('bounds') ?? '').split(',').map(Number);
    return {
      name: m.get('name') ?? '',
      format: m.get('format') ?? 'png',
      minZoom: num('minzoom'),
      maxZoom: num('maxzoom'),
      bounds: b.length === 4 && b.every(Number.isFinite) ? (b as [number, number, number, number]) : null,
    };
  }

  close(): void {
    this.db.close();
  }
}
