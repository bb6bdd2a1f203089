// The audit log: every upload, download, clear and command sent to a vehicle (who asked, as what
// role, when it started and ended, what came of it) and every refusal of a host (server: wrong token,
// forbidden call, foreign origin; desktop: IPC from a foreign frame), in the station database. Rows
// are only ever inserted.
import type { AuditEntry, AuditQuery } from '../../../shared/contract/areas/security';
import { migrate, type StationDb } from '../recording/station-db';
import type { OperationRecord } from '../station-parts/vehicle-operations';

const MIGRATIONS = [
  `CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL,
     vehicle_key TEXT,
     role TEXT,
     name TEXT,
     started_ms INTEGER NOT NULL,
     ended_ms INTEGER NOT NULL,
     outcome TEXT NOT NULL,
     code TEXT,
     summary TEXT NOT NULL
   );
   CREATE INDEX audit_log_time ON audit_log (started_ms);
   CREATE INDEX audit_log_vehicle ON audit_log (vehicle_key, started_ms);`,
];

/** What a refusal of a host looks like before it is written. */
export interface Refusal {
  /** Where: 'http', 'websocket', 'call' (a forbidden or malformed call on an open connection), 'ipc'. */
  channel: string;
  /** Who, as far as known: address, role@address. */
  who: string;
  reason: string;
  timeMs?: number;
}

export const AUDIT_LIMIT_DEFAULT = 200;
/** Free text from the wire (a reason, a mode name) is cut to this before it is stored. */
const TEXT_MAX = 300;

interface Row {
  id: number;
  kind: AuditEntry['kind'];
  vehicle_key: string | null;
  role: string | null;
  name: string | null;
  started_ms: number;
  ended_ms: number;
  outcome: AuditEntry['outcome'];
  code: string | null;
  summary: string;
}

export class AuditLog {
  private readonly insert;

  constructor(private readonly db: StationDb) {
    migrate(db, 'audit', MIGRATIONS);
    this.insert = db.prepare(
      'INSERT INTO audit_log (kind, vehicle_key, role, name, started_ms, ended_ms, outcome, code, summary) VALUES (@kind, @vehicleKey, @role, @name, @startedMs, @endedMs, @outcome, @code, @summary)',
    );
  }

  operation(r: OperationRecord): void {
    const { outcome, code, summary } = describe(r);
    this.insert.run({
      kind: r.kind,
      vehicleKey: r.key,
      role: r.caller?.role ?? null,
      name: clip(r.caller?.name ?? null),
      startedMs: r.startedMs,
      endedMs: r.endedMs,
      outcome,
      code,
      summary: clip(summary),
    });
  }

  refusal(r: Refusal): void {
    const t = r.timeMs ?? Date.now();
    this.insert.run({ kind: 'refusal', vehicleKey: null, role: null, name: clip(r.who), startedMs: t, endedMs: t, outcome: 'refused', code: clip(r.channel), summary: clip(r.reason) });
  }

  /** Newest first. */
  list(q: AuditQuery): AuditEntry[] {
    const where: string[] = [];
    const args: Record<string, unknown> = { limit: q.limit ?? AUDIT_LIMIT_DEFAULT };
    if (q.fromMs !== undefined) {
      where.push('started_ms >= @fromMs');
      args.fromMs = q.fromMs;
    }
    if (q.toMs !== undefined) {
      where.push('started_ms <= @toMs');
      args.toMs = q.toMs;
    }
    if (q.vehicleKey !== undefined) {
      where.push('vehicle_key = @vehicleKey');
      args.vehicleKey = q.vehicleKey;
    }
    if (q.kinds !== undefined) {
      const names = q.kinds.map((k, i) => {
        args[`k${i}`] = k;
        return `@k${i}`;
      });
      where.push(`kind IN (${names.join(', ') || 'NULL'})`);
    }
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY started_ms DESC, id DESC LIMIT @limit`;
    return (this.db.prepare(sql).all(args) as Row[]).map((row) => ({
      id: row.id,
      kind: row.kind,
      vehicleKey: row.vehicle_key,
      role: row.role,
      name: row.name,
      startedMs: row.started_ms,
      endedMs: row.ended_ms,
      outcome: row.outcome,
      code: row.code,
      summary: row.summary,
    }));
  }
}

function clip(text: string): string;
function clip(text: string | null): string | null;
function clip(text: string | null): string | null {
  if (text === null) return null;
  // Control characters from the wire must not forge lines in a printed log.
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.length > TEXT_MAX ? `${clean.slice(0, TEXT_MAX)}…` : clean;
}

function describe(r: OperationRecord): { outcome: AuditEntry['outcome']; code: string | null; summary: string } {
  if (r.error) return { outcome: 'error', code: r.error.code, summary: `${what(r)}: ${r.error.message}` };
  if (r.kind === 'command' && r.result) {
    return { outcome: r.result.ok ? 'ok' : 'failed', code: r.result.code, summary: `${what(r)}: ${r.result.message.en}` };
  }
  if (r.kind === 'upload' && r.result) {
    const counts = Object.entries(r.result.counts).map(([k, n]) => `${k} ${n}`).join(', ');
    return { outcome: 'ok', code: null, summary: `${what(r)}: sent ${counts || 'nothing'}${r.result.verified ? ', verified' : ''}` };
  }
  return { outcome: 'ok', code: null, summary: what(r) };
}

function what(r: OperationRecord): string {
  switch (r.kind) {
    case 'command': {
      const { action, ...rest } = r.params;
      const args = Object.entries(rest).map(([k, v]) => `${k}=${String(v)}`).join(' ');
      return `command ${action}${args ? ` ${args}` : ''}`;
    }
    case 'upload':
      return `upload ${r.types.join('+')} (${r.plan.mission.items.length} mission items)`;
    case 'download':
      return `download ${r.types.join('+')}`;
    case 'clear':
      return `clear ${r.types.join('+')}`;
  }
}
