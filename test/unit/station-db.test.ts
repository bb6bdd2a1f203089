import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openStationDb } from '../../electron/core/recording/station-db';
import { defaultServerDataDir } from '../../electron/core/station-parts/data-dir';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('station database', () => {
  it('runs each area migration once, in order, and keeps data across reopening', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcs-db-'));
    dirs.push(dir);
    const file = join(dir, 'sub', 'station.sqlite');
    const v1 = ['CREATE TABLE t (a INTEGER)'];
    let db = openStationDb(file);
    migrate(db, 'test', v1);
    db.prepare('INSERT INTO t (a) VALUES (1)').run();
    db.close();
    db = openStationDb(file);
    migrate(db, 'test', [...v1, 'ALTER TABLE t ADD COLUMN b TEXT']);
    migrate(db, 'other', ['CREATE TABLE u (x)']);
    expect(db.prepare('SELECT a, b FROM t').all()).toEqual([{ a: 1, b: null }]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT area, version FROM schema_migrations ORDER BY area, version').all()).toEqual([
      { area: 'other', version: 1 },
      { area: 'test', version: 1 },
      { area: 'test', version: 2 },
    ]);
    db.close();
  });

  it('a failing migration leaves nothing half-applied', () => {
    const db = openStationDb(':memory:');
    expect(() => migrate(db, 'bad', ['CREATE TABLE ok (a); CREATE TABLE broken (']))
      .toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'ok'").all()).toEqual([]);
    db.close();
  });

  it('the server host keeps its data under XDG_DATA_HOME when set', () => {
    expect(defaultServerDataDir({ XDG_DATA_HOME: '/x/data' })).toBe('/x/data/police-gcs');
    expect(defaultServerDataDir({})).toMatch(/\.local\/share\/police-gcs$/);
  });
});
