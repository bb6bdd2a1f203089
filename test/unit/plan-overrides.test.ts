// Check overrides: errors block until accepted with a reason; stale overrides are found; warnings never block.
import { describe, expect, it } from 'vitest';
import { msg } from '../../shared/contract/errors';
import { addOverride, cleanReason, overrideStatus, removeOverride, type PlanIssue } from '../../shared/planning';

const err = (rule: PlanIssue['rule'], itemIndex?: number): PlanIssue => ({ rule, severity: 'error', itemIndex, message: msg('x', 'x') });
const warn: PlanIssue = { rule: 'flight_time', severity: 'warning', message: msg('w', 'w') };
const at = new Date('2026-11-29T08:00:00Z');

describe('check overrides', () => {
  it('every error without an override blocks; warnings do not', () => {
    const s = overrideStatus([err('ceiling', 3), warn], []);
    expect(s.blocking.map((i) => i.rule)).toEqual(['ceiling']);
    expect(s.stale).toEqual([]);
  });

  it('an override with a reason accepts exactly its error (rule and item)', () => {
    const issues = [err('ceiling', 3), err('ceiling', 4)];
    const o = addOverride([], issues[0], '  Police helicopter cleared us to 150 m  ', at);
    expect(o).toEqual([{ rule: 'ceiling', itemIndex: 3, reason: 'Police helicopter cleared us to 150 m', at: '2026-11-29T08:00:00.000Z' }]);
    const s = overrideStatus(issues, o);
    expect(s.blocking).toEqual([issues[1]]);
    expect(s.issues[0].override).toBe(o[0]);
  });

  it('an empty or blank reason is no override', () => {
    expect(addOverride([], err('too_far'), '   ', at)).toEqual([]);
    expect(cleanReason('\n\t ')).toBeNull();
    expect(cleanReason('x'.repeat(5000))?.length).toBe(2000);
  });

  it('a warning cannot be overridden (it never blocks)', () => {
    expect(addOverride([], warn, 'reason', at)).toEqual([]);
  });

  it('an override matching no current error is stale', () => {
    const o = addOverride([], err('ceiling', 3), 'ok', at);
    const s = overrideStatus([err('ceiling', 5)], o);
    expect(s.stale).toEqual(o);
    expect(s.blocking).toHaveLength(1);
  });

  it('a new reason for the same error replaces the old one; remove takes it away', () => {
    let o = addOverride([], err('bad_jump', 2), 'first', at);
    o = addOverride(o, err('bad_jump', 2), 'second', at);
    expect(o.map((x) => x.reason)).toEqual(['second']);
    expect(removeOverride(o, o[0])).toEqual([]);
  });
});
