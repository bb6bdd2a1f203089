// The station's one SQLite database (flights, notes, audit, tile sources...): opened once by the
// station, shared by the stores. Each area registers its own numbered migrations under its own name,
// so areas grow their tables without touching each other's files.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type StationDb = Database.Database;

/**
 * WAL with synchronous=FULL: a row is on disk when the INSERT returns, so a note shown as "saved"
 * survives a kill -9 or a power cut, and readers (a replay) never block the writer.
 */
export function openStationDb(file: string): StationDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (area TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (area, version))');
  return db;
}

/**
 * Applies the area's migrations that have not run yet, in order, each in a transaction.
 * Migrations are append-only: never edit one that has shipped; add the next.
 */
export function migrate(db: StationDb, area: string, migrations: readonly string[]): void {
  const done = new Set(
    (db.prepare('SELECT version FROM schema_migrations WHERE area = ?').all(area) as Array<{ version: number }>).map((r) => r.version),
  );
  migrations.forEach((sql, index) => {
    const version = index + 1;
    if (done.has(version)) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (area, version) VALUES (?, ?)').run(area, version);
    })();
  });
}
