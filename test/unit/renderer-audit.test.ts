// The audit dialog's handling of the station's answer: malformed rows dropped, newest first whatever
// order they came in, and the vehicles one can filter by.
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/contract/areas/security';
import { auditRows, filterKeys, isAuditEntry } from '../../renderer/views/security/audit-entries';

const row = (id: number, startedMs: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  id, kind: 'command', vehicleKey: '1:1', role: 'pilot', name: 'pilot@127.0.0.1', startedMs, endedMs: startedMs + 5,
  outcome: 'ok', code: 'accepted', summary: 'command arm: accepted', ...over,
});

describe('audit rows in the UI', () => {
  it('keeps well-formed rows, newest first', () => {
    const rows = auditRows([row(1, 1000), row(3, 3000), row(2, 2000), row(4, 3000, { kind: 'refusal', vehicleKey: null, outcome: 'refused' })]);
    expect(rows.map((r) => r.id)).toEqual([4, 3, 2, 1]);
  });

  it('drops what is not an audit row (the answer is untrusted data)', () => {
    const bad: unknown[] = [
      null, 'x', { ...row(1, 1), kind: 'launch' }, { ...row(2, 2), outcome: 'maybe' }, { ...row(3, 3), startedMs: 'now' },
      { ...row(4, 4), vehicleKey: '<img src=x>' }, { ...row(5, 5), summary: 5 }, { ...row(6, 6), name: {} },
    ];
    for (const b of bad) expect(isAuditEntry(b), JSON.stringify(b)).toBe(false);
    expect(auditRows([...bad, row(7, 7)]).map((r) => r.id)).toEqual([7]);
    expect(auditRows({ rows: [] })).toEqual([]);
  });

  it('offers the vehicles on screen and those in the log, in system id order', () => {
    expect(filterKeys(['2:1', 'junk'], [row(1, 1, { vehicleKey: '10:1' }), row(2, 2, { vehicleKey: '1:1' }), row(3, 3, { vehicleKey: null })])).toEqual(['1:1', '2:1', '10:1']);
  });
});
