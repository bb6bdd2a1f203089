// The flight library: one row per flight in the station's SQLite, with its numbers, its tlog and its
// hash, plus the operations (uploads, commands) issued during it. Search, logbook totals and recovery
// of flights a crash left open.
import type { FlightBbox, FlightFilter, FlightOperation, FlightRecord, FlightStatus, Logbook, LogbookRow } from '../../../shared/contract/flight-types';
import { migrate, type StationDb } from './station-db';

const MIGRATIONS = [
  `CREATE TABLE flights (
    id TEXT PRIMARY KEY,
    vehicle_key TEXT NOT NULL,
    registration TEXT,
    pilot TEXT,
    start_ms INTEGER NOT NULL,
    end_ms INTEGER,
    max_alt_rel_m REAL,
    distance_m REAL NOT NULL DEFAULT 0,
    min_lat REAL, min_lon REAL, max_lat REAL, max_lon REAL,
    mission_name TEXT,
    note_count INTEGER NOT NULL DEFAULT 0,
    alert_count INTEGER NOT NULL DEFAULT 0,
    tlog_path TEXT NOT NULL,
    tlog_sha256 TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'recovered'))
  );
  CREATE INDEX flights_start ON flights (start_ms);
  CREATE TABLE flight_operations (
    flight_id TEXT NOT NULL REFERENCES flights (id) ON DELETE CASCADE,
    at_ms INTEGER NOT NULL,
    kind TEXT NOT NULL,
    caller TEXT,
    ok INTEGER NOT NULL,
    summary TEXT NOT NULL,
    error TEXT,
    detail TEXT
  );
  CREATE INDEX flight_operations_flight ON flight_operations (flight_id, at_ms);
  CREATE TABLE aircraft (vehicle_key TEXT PRIMARY KEY, registration TEXT NOT NULL);`,
];

interface FlightRow {
  id: string;
  vehicle_key: string;
  registration: string | null;
  pilot: string | null;
  start_ms: number;
  end_ms: number | null;
  max_alt_rel_m: number | null;
  distance_m: number;
  min_lat: number | null;
  min_lon: number | null;
  max_lat: number | null;
  max_lon: number | null;
  mission_name: string | null;
  note_count: number;
  alert_count: number;
  tlog_path: string;
  tlog_sha256: string | null;
  status: FlightStatus;
}

export interface FlightNumbers {
  endMs: number;
  maxAltRelM: number | null;
  distanceM: number;
  bbox: FlightBbox | null;
  noteCount: number;
  alertCount: number;
  sha256: string;
}

/** Margin around a flight's area when searching by place: a point just outside the track still finds it. */
const PLACE_MARGIN_DEG = 0.01;

export class FlightLibrary {
  constructor(private readonly db: StationDb) {
    migrate(db, 'flights', MIGRATIONS);
  }

  create(f: { id: string; vehicleKey: string; pilot: string | null; startMs: number; tlogPath: string; missionName: string | null }): FlightRecord {
    const registration = this.registrationOf(f.vehicleKey);
    this.db
      .prepare(`INSERT INTO flights (id, vehicle_key, registration, pilot, start_ms, tlog_path, mission_name, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'open')`)
      .run(f.id, f.vehicleKey, registration, f.pilot, f.startMs, f.tlogPath, f.missionName);
    return this.get(f.id)!;
  }

  finish(id: string, n: FlightNumbers, status: 'closed' | 'recovered'): FlightRecord {
    const b = n.bbox;
    this.db
      .prepare(
        `UPDATE flights SET end_ms = ?, max_alt_rel_m = ?, distance_m = ?, min_lat = ?, min_lon = ?, max_lat = ?, max_lon = ?,
         note_count = ?, alert_count = ?, tlog_sha256 = ?, status = ? WHERE id = ?`,
      )
      .run(n.endMs, n.maxAltRelM, n.distanceM, b?.minLat ?? null, b?.minLon ?? null, b?.maxLat ?? null, b?.maxLon ?? null, n.noteCount, n.alertCount, n.sha256, status, id);
    return this.get(id)!;
  }

  /** An empty string clears the field. */
  setDetails(id: string, d: { pilot?: string; missionName?: string; registration?: string }): void {
    if (d.registration !== undefined) this.db.prepare('UPDATE flights SET registration = ? WHERE id = ?').run(d.registration || null, id);
    if (d.pilot !== undefined) this.db.prepare('UPDATE flights SET pilot = ? WHERE id = ?').run(d.pilot || null, id);
    if (d.missionName !== undefined) this.db.prepare('UPDATE flights SET mission_name = ? WHERE id = ?').run(d.missionName || null, id);
  }

  setNoteCount(id: string, noteCount: number): void {
    this.db.prepare('UPDATE flights SET note_count = ? WHERE id = ?').run(noteCount, id);
  }

  setPilotIfUnknown(id: string, pilot: string): void {
    this.db.prepare('UPDATE flights SET pilot = ? WHERE id = ? AND pilot IS NULL').run(pilot, id);
  }

  /** The unit's registration for a vehicle; flights from now on (and its open flight) carry it. */
  setRegistration(vehicleKey: string, registration: string): void {
    this.db.prepare('INSERT INTO aircraft (vehicle_key, registration) VALUES (?, ?) ON CONFLICT (vehicle_key) DO UPDATE SET registration = excluded.registration').run(vehicleKey, registration);
    this.db.prepare(`UPDATE flights SET registration = ? WHERE vehicle_key = ? AND status = 'open'`).run(registration, vehicleKey);
  }

  registrationOf(vehicleKey: string): string | null {
    const row = this.db.prepare('SELECT registration FROM aircraft WHERE vehicle_key = ?').get(vehicleKey) as { registration: string } | undefined;
    return row?.registration ?? null;
  }

  get(id: string): FlightRecord | undefined {
    const row = this.db.prepare('SELECT * FROM flights WHERE id = ?').get(id) as FlightRow | undefined;
    return row && toRecord(row);
  }

  openFlights(): FlightRecord[] {
    return (this.db.prepare(`SELECT * FROM flights WHERE status = 'open'`).all() as FlightRow[]).map(toRecord);
  }

  search(filter: FlightFilter = {}, limit = 500): FlightRecord[] {
    const { where, args } = whereOf(filter);
    const rows = this.db.prepare(`SELECT * FROM flights ${where} ORDER BY start_ms DESC LIMIT ?`).all(...args, limit) as FlightRow[];
    return rows.map(toRecord);
  }

  logbook(filter: FlightFilter = {}): Logbook {
    const { where, args } = whereOf(filter);
    // A flight still open counts with no hours yet.
    const hours = `COALESCE(SUM(end_ms - start_ms), 0) / 3600000.0`;
    const rows = (group: string) =>
      (this.db.prepare(`SELECT ${group} AS name, COUNT(*) AS flights, ${hours} AS hours FROM flights ${where} GROUP BY name ORDER BY hours DESC, name`).all(...args) as LogbookRow[]).map(
        (r) => ({ ...r, name: r.name ?? '' }),
      );
    const total = this.db.prepare(`SELECT COUNT(*) AS flights, ${hours} AS hours FROM flights ${where}`).get(...args) as { flights: number; hours: number };
    return { perPilot: rows(`COALESCE(pilot, '')`), perAircraft: rows('COALESCE(registration, vehicle_key)'), total };
  }

  addOperation(flightId: string, op: FlightOperation, detail: unknown): void {
    this.db
      .prepare('INSERT INTO flight_operations (flight_id, at_ms, kind, caller, ok, summary, error, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(flightId, op.atMs, op.kind, op.caller, op.ok ? 1 : 0, op.summary, op.error, detail === undefined ? null : JSON.stringify(detail));
  }

  operations(flightId: string): Array<FlightOperation & { detail: unknown }> {
    const rows = this.db.prepare('SELECT * FROM flight_operations WHERE flight_id = ? ORDER BY at_ms, rowid').all(flightId) as Array<{
      at_ms: number; kind: FlightOperation['kind']; caller: string | null; ok: number; summary: string; error: string | null; detail: string | null;
    }>;
    return rows.map((r) => ({ kind: r.kind, atMs: r.at_ms, caller: r.caller, ok: r.ok === 1, summary: r.summary, error: r.error, detail: r.detail === null ? null : JSON.parse(r.detail) }));
  }
}

function whereOf(f: FlightFilter): { where: string; args: unknown[] } {
  const clauses: string[] = [];
  const args: unknown[] = [];
  if (f.fromMs !== undefined) {
    clauses.push('COALESCE(end_ms, start_ms) >= ?');
    args.push(f.fromMs);
  }
  if (f.toMs !== undefined) {
    clauses.push('start_ms <= ?');
    args.push(f.toMs);
  }
  if (f.aircraft) {
    clauses.push(`(COALESCE(registration, '') LIKE ? ESCAPE '\\' OR vehicle_key LIKE ? ESCAPE '\\')`);
    args.push(like(f.aircraft), like(f.aircraft));
  }
  if (f.pilot) {
    clauses.push(`COALESCE(pilot, '') LIKE ? ESCAPE '\\'`);
    args.push(like(f.pilot));
  }
  if (f.near) {
    clauses.push('min_lat <= ? AND max_lat >= ? AND min_lon <= ? AND max_lon >= ?');
    args.push(f.near.lat + PLACE_MARGIN_DEG, f.near.lat - PLACE_MARGIN_DEG, f.near.lon + PLACE_MARGIN_DEG, f.near.lon - PLACE_MARGIN_DEG);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', args };
}

function like(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function toRecord(r: FlightRow): FlightRecord {
  const bbox = r.min_lat === null || r.min_lon === null || r.max_lat === null || r.max_lon === null ? null : { minLat: r.min_lat, minLon: r.min_lon, maxLat: r.max_lat, maxLon: r.max_lon };
  return {
    id: r.id,
    vehicleKey: r.vehicle_key,
    registration: r.registration,
    pilot: r.pilot,
    startMs: r.start_ms,
    endMs: r.end_ms,
    durationS: r.end_ms === null ? null : (r.end_ms - r.start_ms) / 1000,
    maxAltRelM: r.max_alt_rel_m,
    distanceM: r.distance_m,
    bbox,
    missionName: r.mission_name,
    noteCount: r.note_count,
    alertCount: r.alert_count,
    tlogPath: r.tlog_path,
    tlogSha256: r.tlog_sha256,
    status: r.status,
  };
}
