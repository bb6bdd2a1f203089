// Coordination notes in the station's SQLite database. An INSERT under synchronous=FULL is on disk
// when it returns, and the call answers only after it: so a note the UI shows as "saved" survives a
// kill -9 or a power cut the next instant. Replay reads them back by time window (NotesQuery).
import { randomUUID } from 'node:crypto';
import type { Note, NoteCategory, NoteKind, NotesQuery } from '../../../shared/contract/notes';
import type { Role } from '../../../shared/contract/types';
import { migrate, type StationDb } from './station-db';

const MIGRATIONS = [
  `CREATE TABLE notes (
     id TEXT PRIMARY KEY,
     t_ms INTEGER NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('crew', 'debrief')),
     author TEXT NOT NULL,
     role TEXT NOT NULL,
     callsign TEXT,
     vehicle_key TEXT,
     category TEXT NOT NULL,
     text TEXT NOT NULL,
     lat REAL,
     lon REAL,
     flight_id TEXT
   );
   CREATE INDEX notes_t ON notes (t_ms);`,
];

interface Row {
  id: string;
  t_ms: number;
  kind: NoteKind;
  author: string;
  role: Role;
  callsign: string | null;
  vehicle_key: string | null;
  category: NoteCategory;
  text: string;
  lat: number | null;
  lon: number | null;
  flight_id: string | null;
}

function toNote(r: Row): Note {
  return {
    id: r.id, tMs: r.t_ms, kind: r.kind, author: r.author, role: r.role, callsign: r.callsign, vehicleKey: r.vehicle_key,
    category: r.category, text: r.text, pos: r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon }, flightId: r.flight_id,
  };
}

export interface NotesFilter {
  fromMs?: number;
  toMs?: number;
  kind?: NoteKind;
  vehicleKey?: string;
  flightId?: string;
  /** Newest this many (default 500), returned oldest first. */
  limit?: number;
}

export class NotesStore implements NotesQuery {
  private readonly listeners = new Set<(n: Note) => void>();

  constructor(private readonly db: StationDb) {
    migrate(db, 'notes', MIGRATIONS);
  }

  /** Hears every note once it is on disk (the station publishes it to every connection). */
  onAdded(listener: (n: Note) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  addNote(note: Omit<Note, 'id'>): Note {
    const saved: Note = { ...note, id: randomUUID() };
    this.db
      .prepare(
        `INSERT INTO notes (id, t_ms, kind, author, role, callsign, vehicle_key, category, text, lat, lon, flight_id)
         VALUES (@id, @tMs, @kind, @author, @role, @callsign, @vehicleKey, @category, @text, @lat, @lon, @flightId)`,
      )
      .run({ ...saved, lat: saved.pos?.lat ?? null, lon: saved.pos?.lon ?? null });
    for (const l of [...this.listeners]) {
      try {
        l(saved);
      } catch {
        // A listener's failure must not turn a saved note into a failed call.
      }
    }
    return saved;
  }

  notesBetween(fromMs: number, toMs: number, opts: { kind?: NoteKind; vehicleKey?: string } = {}): Note[] {
    return this.list({ fromMs, toMs, kind: opts.kind, vehicleKey: opts.vehicleKey, limit: 100_000 });
  }

  list(f: NotesFilter = {}): Note[] {
    const where: string[] = [];
    const args: Record<string, unknown> = { limit: f.limit ?? 500 };
    if (f.fromMs !== undefined) (where.push('t_ms >= @fromMs'), (args.fromMs = f.fromMs));
    if (f.toMs !== undefined) (where.push('t_ms <= @toMs'), (args.toMs = f.toMs));
    if (f.kind !== undefined) (where.push('kind = @kind'), (args.kind = f.kind));
    if (f.vehicleKey !== undefined) (where.push('vehicle_key = @vehicleKey'), (args.vehicleKey = f.vehicleKey));
    if (f.flightId !== undefined) (where.push('flight_id = @flightId'), (args.flightId = f.flightId));
    const sql = `SELECT * FROM (SELECT rowid AS seq, * FROM notes ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
                 ORDER BY t_ms DESC, seq DESC LIMIT @limit) ORDER BY t_ms ASC, seq ASC`;
    return (this.db.prepare(sql).all(args) as Row[]).map(toNote);
  }
}
