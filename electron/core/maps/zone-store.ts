// Airspace zones in the station's SQLite database: imported, drawn or from the airport template.
// Each zone is one row; the shape is JSON (a polygon's vertices or a circle), checked on the way in
// by the contract's schema and on the way out here, so a hand-edited database cannot crash the UI.
import { randomUUID } from 'node:crypto';
import { ContractError, msg } from '../../../shared/contract/errors';
import type { AirspaceZone, ZoneShape } from '../../../shared/airspace/zone';
import { migrate, type StationDb } from '../recording/station-db';

const MIGRATIONS = [
  `CREATE TABLE airspace_zones (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('noFly', 'restricted')),
     shape_json TEXT NOT NULL,
     floor_msl_m REAL,
     ceiling_msl_m REAL,
     source TEXT NOT NULL,
     created_at INTEGER NOT NULL
   )`,
];

interface Row {
  id: string;
  name: string;
  kind: AirspaceZone['kind'];
  shape_json: string;
  floor_msl_m: number | null;
  ceiling_msl_m: number | null;
  source: string;
}

export const MAX_STORED_ZONES = 20_000;

export class ZoneStore {
  constructor(private readonly db: StationDb) {
    migrate(db, 'airspace', MIGRATIONS);
  }

  list(): AirspaceZone[] {
    const rows = this.db.prepare('SELECT * FROM airspace_zones ORDER BY created_at, rowid').all() as Row[];
    const out: AirspaceZone[] = [];
    for (const r of rows) {
      let shape: ZoneShape;
      try {
        shape = JSON.parse(r.shape_json) as ZoneShape;
      } catch {
        continue; // a damaged row is skipped, not fatal
      }
      out.push({
        id: r.id, name: r.name, kind: r.kind, shape, source: r.source,
        ...(r.floor_msl_m === null ? {} : { floorMslM: r.floor_msl_m }),
        ...(r.ceiling_msl_m === null ? {} : { ceilingMslM: r.ceiling_msl_m }),
      });
    }
    return out;
  }

  /** Adds zones in one transaction: all of a file or none. */
  add(zones: ReadonlyArray<Omit<AirspaceZone, 'id'>>, now: number): AirspaceZone[] {
    const count = (this.db.prepare('SELECT COUNT(*) AS n FROM airspace_zones').get() as { n: number }).n;
    if (count + zones.length > MAX_STORED_ZONES) {
      throw new ContractError('airspace-too-many', msg(`At most ${MAX_STORED_ZONES} zones can be stored; remove some first.`, `最多可存储 ${MAX_STORED_ZONES} 个空域，请先删除一些。`));
    }
    const insert = this.db.prepare(
      'INSERT INTO airspace_zones (id, name, kind, shape_json, floor_msl_m, ceiling_msl_m, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const added: AirspaceZone[] = zones.map((z) => ({ ...z, id: randomUUID() }));
    this.db.transaction(() => {
      for (const z of added) insert.run(z.id, z.name, z.kind, JSON.stringify(z.shape), z.floorMslM ?? null, z.ceilingMslM ?? null, z.source, now);
    })();
    return added;
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM airspace_zones WHERE id = ?').run(id).changes > 0;
  }
}
