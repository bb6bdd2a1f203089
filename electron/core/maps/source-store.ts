// Map sources in the station's database: the built-in ones (seeded, never removed), sources the
// pilot adds (XYZ/TMS URL, MBTiles/PMTiles file) with order, visibility and opacity. Tokens stay here:
// the list the UI gets says only whether a token is set.
import { randomUUID } from 'node:crypto';
import { ContractError, msg } from '../../../shared/contract/errors';
import { BUILT_IN_SOURCES, type MapSource, type SourceDatum, type SourceKind } from '../../../shared/maps/sources';
import { migrate, type StationDb } from '../recording/station-db';

const MIGRATIONS = [
  `CREATE TABLE map_sources (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     kind TEXT NOT NULL,
     url TEXT,
     path TEXT,
     datum TEXT NOT NULL,
     enabled INTEGER NOT NULL,
     opacity REAL NOT NULL,
     ord INTEGER NOT NULL,
     attribution TEXT NOT NULL,
     max_zoom INTEGER NOT NULL,
     token TEXT,
     built_in INTEGER NOT NULL,
     needs_token INTEGER NOT NULL
   )`,
];

interface Row {
  id: string;
  name: string;
  kind: SourceKind;
  url: string | null;
  path: string | null;
  datum: SourceDatum;
  enabled: number;
  opacity: number;
  ord: number;
  attribution: string;
  max_zoom: number;
  token: string | null;
  built_in: number;
  needs_token: number;
}

export interface StoredSource extends MapSource {
  token: string | null;
}

export type NewSource = Pick<MapSource, 'name' | 'kind' | 'datum' | 'attribution' | 'maxZoom'> & { url?: string; path?: string; token?: string };

function fromRow(r: Row): StoredSource {
  return {
    id: r.id, name: r.name, kind: r.kind, ...(r.url ? { url: r.url } : {}), ...(r.path ? { path: r.path } : {}),
    datum: r.datum, enabled: r.enabled === 1, opacity: r.opacity, order: r.ord, attribution: r.attribution, maxZoom: r.max_zoom,
    hasToken: !!r.token, token: r.token, builtIn: r.built_in === 1, needsToken: r.needs_token === 1,
  };
}

/** What the UI sees: everything but the token. */
export function publicSource(s: StoredSource): MapSource {
  const { token: _token, ...rest } = s;
  return rest;
}

export class SourceStore {
  constructor(private readonly db: StationDb) {
    migrate(db, 'maps', MIGRATIONS);
    const seed = db.prepare(
      `INSERT OR IGNORE INTO map_sources (id, name, kind, url, path, datum, enabled, opacity, ord, attribution, max_zoom, token, built_in, needs_token)
       VALUES (?, ?, ?, ?, NULL, ?, 0, 1, ?, ?, ?, NULL, 1, ?)`,
    );
    BUILT_IN_SOURCES.forEach((s, i) => seed.run(s.id, s.name, s.kind, s.url, s.datum, i, s.attribution, s.maxZoom, s.needsToken ? 1 : 0));
  }

  list(): StoredSource[] {
    return (this.db.prepare('SELECT * FROM map_sources ORDER BY ord, rowid').all() as Row[]).map(fromRow);
  }

  get(id: string): StoredSource {
    const r = this.db.prepare('SELECT * FROM map_sources WHERE id = ?').get(id) as Row | undefined;
    if (!r) throw new ContractError('tiles-unknown-source', msg(`No map source "${id}".`, `没有地图源"${id}"。`));
    return fromRow(r);
  }

  add(s: NewSource): StoredSource {
    const id = randomUUID();
    const ord = (this.db.prepare('SELECT COALESCE(MAX(ord), 0) + 1 AS o FROM map_sources').get() as { o: number }).o;
    this.db
      .prepare(
        `INSERT INTO map_sources (id, name, kind, url, path, datum, enabled, opacity, ord, attribution, max_zoom, token, built_in, needs_token)
         VALUES (?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?, ?, 0, 0)`,
      )
      .run(id, s.name, s.kind, s.url ?? null, s.path ?? null, s.datum, ord, s.attribution, s.maxZoom, s.token ?? null);
    return this.get(id);
  }

  update(id: string, change: { enabled?: boolean; opacity?: number; token?: string | null; name?: string }): StoredSource {
    const s = this.get(id);
    this.db
      .prepare('UPDATE map_sources SET enabled = ?, opacity = ?, token = ?, name = ? WHERE id = ?')
      .run((change.enabled ?? s.enabled) ? 1 : 0, change.opacity ?? s.opacity, change.token === undefined ? s.token : change.token || null, change.name ?? s.name, id);
    return this.get(id);
  }

  /** The whole order at once (the panel's list after a drag or an arrow press). */
  reorder(ids: readonly string[]): void {
    const known = new Set(this.list().map((s) => s.id));
    if (ids.length !== known.size || !ids.every((id) => known.has(id))) {
      throw new ContractError('tiles-bad-order', msg('The new order must name every source exactly once.', '新顺序必须恰好列出每个地图源一次。'));
    }
    const set = this.db.prepare('UPDATE map_sources SET ord = ? WHERE id = ?');
    this.db.transaction(() => ids.forEach((id, i) => set.run(i, id)))();
  }

  remove(id: string): StoredSource {
    const s = this.get(id);
    if (s.builtIn) throw new ContractError('tiles-built-in', msg('Built-in sources can be hidden but not removed.', '内置地图源只能隐藏，不能删除。'));
    this.db.prepare('DELETE FROM map_sources WHERE id = ?').run(id);
    return s;
  }
}
