// Deleting a pattern or changing its parameters: later patterns, their DO_JUMPs and plain DO_JUMPs
// keep aiming at the items they aimed at before.
import { describe, expect, it } from 'vitest';
import { destinationPoint } from '../../shared/geo/bearing';
import { MAV_CMD } from '../../shared/plan/mav-enums';
import { emptyPlan, planItem, type MissionItem } from '../../shared/plan/types';
import { compilePattern, insertPattern, jumpSeqBase, readPlanFile, removePattern, replacePatternSpec, writePlanFile, type PatternInstance, type PatternSpec } from '../../shared/planning';

const home = { lat: 46.07, lon: 122.09, altMslM: 280 };
const o = { lat: home.lat, lon: home.lon };
const sq = [o, destinationPoint(o, 90, 400), destinationPoint(destinationPoint(o, 90, 400), 0, 300), destinationPoint(o, 0, 300)];
const wp = (n: number) => planItem({ frame: 3, command: MAV_CMD.NAV_WAYPOINT, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: home.lat + n * 1e-4, y: home.lon, z: 50 });
const jump = (seq: number) => planItem({ frame: 2, command: MAV_CMD.DO_JUMP, current: 0, autocontinue: 1, param1: seq, param2: 2, param3: 0, param4: 0, x: 0, y: 0, z: 0 });

const square: PatternSpec = { kind: 'expandingSquare', altM: 40, datum: o, firstLegDeg: 0, spacingM: 50, legs: 6 };
const perimeter: PatternSpec = { kind: 'patrolPerimeter', altM: 50, polygon: sq, offsetM: 0, direction: 'cw', laps: 3, lapMode: 'doJump' };

/** wp0, [square], wp1, [perimeter], wp2, plain jump to wp2's seq... */
function build() {
  const plan = emptyPlan();
  plan.mission.plannedHome = home;
  plan.mission.items = [wp(0), wp(1), wp(2)];
  let r = insertPattern(plan, [], 'sq', square, 1);
  const wp1 = r.plan.mission.items.length - 2;
  r = insertPattern(r.plan, r.patterns, 'per', perimeter, wp1 + 1);
  const base = jumpSeqBase(r.plan);
  const wp2 = r.plan.mission.items.length - 1;
  // A plain jump back to wp2, and one back to wp1.
  r.plan.mission.items.push(jump(wp2 + base), jump(wp1 + base));
  return { ...r, wp1, wp2 };
}

const jumpsOf = (items: MissionItem[]) => items.filter((i) => i.command === MAV_CMD.DO_JUMP).map((i) => i.param1);
const samePatternItems = (items: MissionItem[], p: PatternInstance) =>
  expect(items.slice(p.firstIndex, p.firstIndex + p.itemCount)).toEqual(compilePattern(p.spec, { firstSeq: 1 + p.firstIndex }));

describe('removePattern', () => {
  it('deletes the items of the pattern and shifts the later pattern and plain jumps', () => {
    const b = build();
    const n = b.patterns.find((p) => p.id === 'sq')!.itemCount;
    const r = removePattern(b.plan, b.patterns, 'sq');
    expect(r.plan.mission.items.length).toBe(b.plan.mission.items.length - n);
    expect(r.patterns.map((p) => p.id)).toEqual(['per']);
    const per = r.patterns[0];
    expect(per.firstIndex).toBe(2);
    samePatternItems(r.plan.mission.items, per);
    // The plain jumps still aim at wp2 and wp1 (their items moved up by n).
    const items = r.plan.mission.items;
    const plain = items.slice(-2);
    expect(plain.map((j) => items[j.param1 - 1])).toEqual([wp(2), wp(1)]);
  });

  it('a plain jump into the deleted items aims at the item that took their place', () => {
    const b = build();
    const sq0 = b.patterns[0].firstIndex;
    b.plan.mission.items.push(jump(sq0 + 3 + 1));
    const r = removePattern(b.plan, b.patterns, 'sq');
    const last = r.plan.mission.items[r.plan.mission.items.length - 1];
    expect(r.plan.mission.items[last.param1 - 1]).toEqual(wp(1));
  });

  it('the result survives a save and reload with its patterns', () => {
    const b = build();
    const r = removePattern(b.plan, b.patterns, 'per');
    const back = readPlanFile(writePlanFile(r.plan, r.patterns));
    expect(back.dropped).toEqual([]);
    expect(back.patterns.map((p) => p.id)).toEqual(['sq']);
  });

  it('an unknown pattern id is a readable error', () => {
    const b = build();
    expect(() => removePattern(b.plan, b.patterns, 'nope')).toThrow(/no longer in the plan/);
  });
});

describe('replacePatternSpec', () => {
  it('regenerates the pattern; later items and jumps move with the change of length', () => {
    const b = build();
    const before = b.patterns.find((p) => p.id === 'sq')!;
    const r = replacePatternSpec(b.plan, b.patterns, 'sq', { ...square, legs: 10 });
    const after = r.patterns.find((p) => p.id === 'sq')!;
    expect(after.itemCount).toBe(before.itemCount + 4);
    samePatternItems(r.plan.mission.items, after);
    const per = r.patterns.find((p) => p.id === 'per')!;
    expect(per.firstIndex).toBe(b.patterns.find((p) => p.id === 'per')!.firstIndex + 4);
    samePatternItems(r.plan.mission.items, per);
    const items = r.plan.mission.items;
    expect(items.slice(-2).map((j) => items[j.param1 - 1])).toEqual([wp(2), wp(1)]);
    expect(jumpsOf(items).length).toBe(3);
  });

  it('a shorter pattern moves later items up', () => {
    const b = build();
    const r = replacePatternSpec(b.plan, b.patterns, 'sq', { ...square, legs: 3 });
    const items = r.plan.mission.items;
    expect(items.slice(-2).map((j) => items[j.param1 - 1])).toEqual([wp(2), wp(1)]);
  });
});

describe('addPattern', () => {
  it('into an empty mission: takeoff and start speed first, the pattern, then the end action', async () => {
    const { addPattern, emptyPlanDoc } = await import('../../shared/planning');
    const doc = emptyPlanDoc();
    const d = addPattern(doc, 'sq', square);
    const cmds = d.plan.mission.items.map((i) => i.command);
    expect(cmds[0]).toBe(MAV_CMD.NAV_TAKEOFF);
    expect(cmds[1]).toBe(MAV_CMD.DO_CHANGE_SPEED);
    expect(cmds[cmds.length - 1]).toBe(MAV_CMD.NAV_RETURN_TO_LAUNCH);
    const p = d.patterns[0];
    expect(p.firstIndex).toBe(2);
    samePatternItems(d.plan.mission.items, p);
    // Saved and read back, the pattern is still a pattern.
    expect(readPlanFile(writePlanFile(d.plan, d.patterns)).patterns.map((x) => x.id)).toEqual(['sq']);
  });

  it('into a mission ending with RTL: before the RTL, whose place stays last', async () => {
    const { addPattern, emptyPlanDoc } = await import('../../shared/planning');
    const rtl = planItem({ frame: 2, command: MAV_CMD.NAV_RETURN_TO_LAUNCH, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: 0, y: 0, z: 0 });
    const doc = { ...emptyPlanDoc(), plan: { ...emptyPlan(), mission: { items: [wp(0), rtl], plannedHome: home } } };
    const d = addPattern(doc, 'per', perimeter);
    expect(d.patterns[0].firstIndex).toBe(1);
    expect(d.plan.mission.items[d.plan.mission.items.length - 1]).toEqual(rtl);
    samePatternItems(d.plan.mission.items, d.patterns[0]);
    // Without an end action the pattern goes at the end, and nothing else is added.
    const plain = addPattern({ ...doc, plan: { ...doc.plan, mission: { ...doc.plan.mission, items: [wp(0)] } } }, 'per', perimeter);
    expect(plain.plan.mission.items.length).toBe(1 + plain.patterns[0].itemCount);
  });
});
