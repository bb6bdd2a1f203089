// What the audit dialog does with the station's answer: keep only well-formed rows (the answer is
// data from the wire like any other), newest first, and the vehicles one can filter by.
import { AUDIT_KINDS, type AuditEntry } from '../../../shared/contract/areas/security';

const OUTCOMES: ReadonlySet<string> = new Set(['ok', 'failed', 'error', 'refused']);
const KINDS: ReadonlySet<string> = new Set(AUDIT_KINDS);
const VEHICLE_KEY = /^\d{1,3}:\d{1,3}$/;

const textOrNull = (x: unknown): x is string | null => x === null || typeof x === 'string';

export function isAuditEntry(x: unknown): x is AuditEntry {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  return (
    typeof e.id === 'number' &&
    typeof e.kind === 'string' && KINDS.has(e.kind) &&
    typeof e.outcome === 'string' && OUTCOMES.has(e.outcome) &&
    Number.isFinite(e.startedMs) && Number.isFinite(e.endedMs) &&
    (e.vehicleKey === null || (typeof e.vehicleKey === 'string' && VEHICLE_KEY.test(e.vehicleKey))) &&
    textOrNull(e.role) && textOrNull(e.name) && textOrNull(e.code) &&
    typeof e.summary === 'string'
  );
}

/** Newest first, as the station sends them; sorted again so a reordered answer cannot mislead. */
export function auditRows(answer: unknown): AuditEntry[] {
  if (!Array.isArray(answer)) return [];
  return answer.filter(isAuditEntry).sort((a, b) => b.startedMs - a.startedMs || b.id - a.id);
}

/** Vehicles to filter by: those on screen now and those named in the log, in sysid order. */
export function filterKeys(liveKeys: readonly string[], rows: readonly AuditEntry[]): string[] {
  const keys = new Set(liveKeys.filter((k) => VEHICLE_KEY.test(k)));
  for (const r of rows) if (r.vehicleKey) keys.add(r.vehicleKey);
  const num = (k: string) => k.split(':').map(Number) as [number, number];
  return [...keys].sort((a, b) => num(a)[0] - num(b)[0] || num(a)[1] - num(b)[1]);
}
