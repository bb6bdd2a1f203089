// Patterns inside a QGroundControl .plan file. The generated items are ordinary mission items (QGC and
// every other reader fly them as they are); the pattern specs go in a "policeGcs" section that QGC
// ignores, so opening the file here gives back editable patterns. A pattern whose items were changed
// elsewhere is dropped with a reason, and its items stay as plain items: the items are the truth.

import type { UserMessage } from '../contract/types';
import { ContractError, msg } from '../contract/errors';
import { parseQgcPlan, writeQgcPlan } from '../plan/qgc-plan';
import type { MissionItem, Plan } from '../plan/types';
import { compilePattern } from './compile';
import { patternInstanceSchema } from './pattern-schema';
import type { PatternInstance, PatternSpec } from './patterns';

const SECTION = 'policeGcs';
const SECTION_VERSION = 1;
const MAV_AUTOPILOT_PX4 = 12;

/** Wire seq of plan item 0: ArduPilot puts home at seq 0, PX4 has no home item. */
export function jumpSeqBase(plan: Plan): number {
  return plan.mission.firmwareType === MAV_AUTOPILOT_PX4 ? 0 : 1;
}

export interface DroppedPattern {
  id: string;
  reason: UserMessage;
}

export interface PlanWithPatterns {
  plan: Plan;
  patterns: PatternInstance[];
  dropped: DroppedPattern[];
}

const near = (a: number, b: number, eps: number): boolean => (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= eps;

function sameItems(a: MissionItem[], b: MissionItem[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    return (
      x.command === y.command && x.frame === y.frame && near(x.x, y.x, 1e-7) && near(x.y, y.y, 1e-7) && near(x.z, y.z, 1e-3) &&
      near(x.param1, y.param1, 1e-3) && near(x.param2, y.param2, 1e-3) && near(x.param3, y.param3, 1e-3) && near(x.param4, y.param4, 1e-3)
    );
  });
}

export function writePlanFile(plan: Plan, patterns: PatternInstance[]): string {
  const doc = JSON.parse(writeQgcPlan(plan)) as Record<string, unknown>;
  if (patterns.length > 0) doc[SECTION] = { version: SECTION_VERSION, patterns };
  return `${JSON.stringify(doc, null, 4)}\n`;
}

export function readPlanFile(text: string): PlanWithPatterns {
  const plan = parseQgcPlan(text);
  const root = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  const section = root[SECTION];
  const patterns: PatternInstance[] = [];
  const dropped: DroppedPattern[] = [];
  if (section === undefined) return { plan, patterns, dropped };
  const s = section as { version?: unknown; patterns?: unknown };
  if (typeof section !== 'object' || section === null || s.version !== SECTION_VERSION || !Array.isArray(s.patterns)) {
    dropped.push({ id: '*', reason: msg('The pattern section is from another version or damaged; the items are kept as plain items.', '图案数据版本不符或已损坏；任务项按普通航点保留。') });
    return { plan, patterns, dropped };
  }
  let nextFree = 0;
  s.patterns.forEach((raw, k) => {
    const parsed = patternInstanceSchema.safeParse(raw);
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? String((raw as { id: string }).id).slice(0, 100) : `#${k + 1}`;
    if (!parsed.success) {
      dropped.push({ id, reason: msg(`Pattern ${id} is not valid (${parsed.error.issues[0]?.path.join('.') ?? ''}); its items are kept as plain items.`, `图案 ${id} 数据无效（${parsed.error.issues[0]?.path.join('.') ?? ''}）；其任务项按普通航点保留。`) });
      return;
    }
    const p = parsed.data;
    const items = plan.mission.items.slice(p.firstIndex, p.firstIndex + p.itemCount);
    const regenerated = compilePattern(p.spec, { firstSeq: jumpSeqBase(plan) + p.firstIndex });
    if (p.firstIndex < nextFree || p.itemCount !== regenerated.length || !sameItems(items, regenerated)) {
      dropped.push({ id, reason: msg(`Pattern ${id}: its items were changed outside this station; they are kept as plain items.`, `图案 ${id} 的任务项已在其他软件中修改；按普通航点保留。`) });
      return;
    }
    nextFree = p.firstIndex + p.itemCount;
    patterns.push(p);
  });
  return { plan, patterns, dropped };
}

/** Puts a pattern's items into the plan at `atIndex` (default: the end) and shifts later patterns. */
export function insertPattern(plan: Plan, patterns: PatternInstance[], id: string, spec: PatternSpec, atIndex = plan.mission.items.length): PlanWithPatterns {
  const at = Math.max(0, Math.min(atIndex, plan.mission.items.length));
  if (patterns.some((p) => at > p.firstIndex && at < p.firstIndex + p.itemCount)) {
    throw new ContractError('pattern_overlap', msg('A pattern cannot go inside another pattern.', '不能把图案插入另一个图案的中间。'));
  }
  const items = compilePattern(spec, { firstSeq: jumpSeqBase(plan) + at });
  const shifted = patterns.map((p) => (p.firstIndex >= at ? { ...p, firstIndex: p.firstIndex + items.length } : p));
  const next: Plan = { ...plan, mission: { ...plan.mission, items: [...plan.mission.items.slice(0, at), ...items, ...plan.mission.items.slice(at)] } };
  // Jumps in patterns after the insertion point now aim too early: regenerate their items.
  const out = regenerate(next, shifted);
  return { plan: out.plan, patterns: [...out.patterns, { id, spec, firstIndex: at, itemCount: items.length }].sort((a, b) => a.firstIndex - b.firstIndex), dropped: [] };
}

/** Rewrites every pattern's items from its spec (after an edit of the spec or a move). */
export function regenerate(plan: Plan, patterns: PatternInstance[]): { plan: Plan; patterns: PatternInstance[] } {
  const sorted = [...patterns].sort((a, b) => a.firstIndex - b.firstIndex);
  const items: MissionItem[] = [];
  const out: PatternInstance[] = [];
  let from = 0;
  for (const p of sorted) {
    items.push(...plan.mission.items.slice(from, p.firstIndex));
    const generated = compilePattern(p.spec, { firstSeq: jumpSeqBase(plan) + items.length });
    out.push({ ...p, firstIndex: items.length, itemCount: generated.length });
    items.push(...generated);
    from = p.firstIndex + p.itemCount;
  }
  items.push(...plan.mission.items.slice(from));
  return { plan: { ...plan, mission: { ...plan.mission, items } }, patterns: out };
}
