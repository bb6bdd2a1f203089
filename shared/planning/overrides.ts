// Check overrides: an error blocks upload unless the pilot accepted it with a stated reason. An
// override matches an error by rule and item; one that matches no current error (the plan changed)
// is stale: shown so the pilot sees their reason no longer applies, never silently reused elsewhere.
import type { CheckRule, PlanIssue } from './checks/context';
import type { CheckOverride } from './plan-doc';

export const MAX_REASON_CHARS = 2000;

export interface IssueWithOverride {
  issue: PlanIssue;
  /** The override that accepts this error, if any (warnings and infos never need one). */
  override?: CheckOverride;
}

export interface OverrideStatus {
  issues: IssueWithOverride[];
  /** Errors with no override: each of these blocks upload. */
  blocking: PlanIssue[];
  /** Overrides that match no current error. */
  stale: CheckOverride[];
}

const matches = (o: { rule: CheckRule; itemIndex?: number }, i: PlanIssue): boolean => o.rule === i.rule && o.itemIndex === i.itemIndex;

export function overrideStatus(issues: PlanIssue[], overrides: CheckOverride[]): OverrideStatus {
  const used = new Set<CheckOverride>();
  const out = issues.map((issue) => {
    if (issue.severity !== 'error') return { issue };
    const override = overrides.find((o) => matches(o, issue));
    if (override) used.add(override);
    return { issue, override };
  });
  return {
    issues: out,
    blocking: out.filter((x) => x.issue.severity === 'error' && !x.override).map((x) => x.issue),
    stale: overrides.filter((o) => !used.has(o)),
  };
}

/** A reason a pilot may give: trimmed, not empty, bounded; null when there is none. */
export function cleanReason(text: string): string | null {
  const r = text.replace(/\s+/g, ' ').trim().slice(0, MAX_REASON_CHARS);
  return r === '' ? null : r;
}

/** The overrides with this error accepted for `reason` (replacing an earlier reason for the same error). */
export function addOverride(overrides: CheckOverride[], issue: PlanIssue, reason: string, at: Date): CheckOverride[] {
  const r = cleanReason(reason);
  if (r === null || issue.severity !== 'error') return overrides;
  const o: CheckOverride = { rule: issue.rule, reason: r, at: at.toISOString() };
  if (issue.itemIndex !== undefined) o.itemIndex = issue.itemIndex;
  return [...overrides.filter((x) => !matches(x, issue)), o];
}

export function removeOverride(overrides: CheckOverride[], o: CheckOverride): CheckOverride[] {
  return overrides.filter((x) => x !== o);
}
