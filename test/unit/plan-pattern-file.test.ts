import { describe, expect, it } from 'vitest';
import { destinationPoint } from '../../shared/geo/bearing';
import { MAV_CMD } from '../../shared/plan/mav-enums';
import { parseQgcPlan } from '../../shared/plan/qgc-plan';
import { emptyPlan, planItem } from '../../shared/plan/types';
import { insertPattern, readPlanFile, regenerate, writePlanFile, type PatternSpec } from '../../shared/planning';

const home = { lat: 53.48, lon: -2.24, altMslM: 40 };
const origin = { lat: home.lat, lon: home.lon };
const sq = [origin, destinationPoint(origin, 90, 400), destinationPoint(destinationPoint(origin, 90, 400), 0, 300), destinationPoint(origin, 0, 300)];
const takeoff = planItem({ frame: 3, command: MAV_CMD.NAV_TAKEOFF, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: home.lat, y: home.lon, z: 30 });
const rtl = planItem({ frame: 2, command: MAV_CMD.NAV_RETURN_TO_LAUNCH, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: 0, y: 0, z: 0 });

function twoPatterns() {
  let plan = emptyPlan();
  plan.mission.plannedHome = home;
  plan.mission.items = [takeoff, rtl];
  const perimeter: PatternSpec = { kind: 'patrolPerimeter', altM: 50, polygon: sq, offsetM: 20, direction: 'cw', laps: 3, lapMode: 'doJump' };
  const search: PatternSpec = { kind: 'parallelTrack', altM: 60, polygon: sq, holes: [], spacing: { mode: 'direct', spacingM: 50 }, speedMps: 8 };
  let r = insertPattern(plan, [], 'perimeter', perimeter, 1);
  r = insertPattern(r.plan, r.patterns, 'search', search, 1);
  plan = r.plan;
  return { plan, patterns: r.patterns };
}

describe('patterns in .plan files', () => {
  it('inserting before a pattern shifts it and re-aims its DO_JUMP', () => {
    const { plan, patterns } = twoPatterns();
    expect(patterns.map((p) => [p.id, p.firstIndex])).toEqual([['search', 1], ['perimeter', 1 + patterns[0].itemCount]]);
    const per = patterns[1];
    const jump = plan.mission.items[per.firstIndex + per.itemCount - 1];
    expect(jump.command).toBe(MAV_CMD.DO_JUMP);
    // ArduPilot: plan index i is wire seq i + 1.
    expect(jump.param1).toBe(per.firstIndex + 1);
    expect(plan.mission.items[plan.mission.items.length - 1].command).toBe(MAV_CMD.NAV_RETURN_TO_LAUNCH);
  });

  it('save and reload gives back the same items and editable patterns; QGC sees plain items', () => {
    const { plan, patterns } = twoPatterns();
    const text = writePlanFile(plan, patterns);
    const back = readPlanFile(text);
    expect(back.dropped).toEqual([]);
    expect(back.patterns).toEqual(patterns);
    expect(back.plan.mission.items).toEqual(plan.mission.items);
    // A reader that knows nothing of patterns (our QGC reader) gets the same flyable items.
    expect(parseQgcPlan(text).mission.items).toEqual(plan.mission.items);
    // Editing a spec and regenerating changes the items and keeps the rest.
    const edited = patterns.map((p) => (p.id === 'search' ? { ...p, spec: { ...p.spec, altM: 80 } } : p));
    const re = regenerate(back.plan, edited);
    expect(re.plan.mission.items[re.patterns[0].firstIndex + 1].z).toBe(80);
    expect(re.plan.mission.items.length).toBe(plan.mission.items.length);
  });

  it('a pattern whose items were edited elsewhere, or a damaged pattern, is dropped with a reason; items stay', () => {
    const { plan, patterns } = twoPatterns();
    const doc = JSON.parse(writePlanFile(plan, patterns));
    doc.mission.items[3].params[6] = 99; // someone changed an altitude in QGC
    doc.policeGcs.patterns[1].spec.laps = -4;
    const back = readPlanFile(JSON.stringify(doc));
    expect(back.patterns).toEqual([]);
    expect(back.dropped.map((d) => d.id)).toEqual(['search', 'perimeter']);
    expect(back.dropped[0].reason.zh).toMatch(/图案/);
    expect(back.plan.mission.items).toHaveLength(plan.mission.items.length);
    doc.policeGcs = 'junk';
    expect(readPlanFile(JSON.stringify(doc)).dropped[0].id).toBe('*');
  });

  it('refuses to insert a pattern inside another', () => {
    const { plan, patterns } = twoPatterns();
    expect(() => insertPattern(plan, patterns, 'x', { kind: 'expandingSquare', altM: 30, datum: home, firstLegDeg: 0, spacingM: 50, legs: 4 }, 3)).toThrow(/inside another pattern/);
  });
});
