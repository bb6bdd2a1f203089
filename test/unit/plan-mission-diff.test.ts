// Plan on screen vs the vehicle's: ArduPilot's normalisations are not differences, real changes are.
import { describe, expect, it } from 'vitest';
import { MAV_CMD } from '../../shared/plan/mav-enums';
import { emptyPlan, planItem, type Plan } from '../../shared/plan/types';
import { diffPlans, differingItemIndexes } from '../../shared/planning';

const home = { lat: 46.07, lon: 122.09, altMslM: 280 };
const item = (command: number, p: Partial<{ frame: number; param1: number; param3: number; x: number; y: number; z: number }> = {}) =>
  planItem({ frame: p.frame ?? 3, command, current: 0, autocontinue: 1, param1: p.param1 ?? 0, param2: 0, param3: p.param3 ?? 0, param4: 0, x: p.x ?? 46.071, y: p.y ?? 122.091, z: p.z ?? 50 });

function screen(): Plan {
  const plan = emptyPlan();
  plan.mission.plannedHome = home;
  plan.mission.items = [item(MAV_CMD.NAV_TAKEOFF, { z: 30 }), item(MAV_CMD.NAV_LOITER_TIME, { param1: 60, param3: 40 }), item(MAV_CMD.NAV_WAYPOINT), item(MAV_CMD.NAV_RETURN_TO_LAUNCH, { frame: 2, x: 0, y: 0, z: 0 })];
  plan.rally.points = [{ lat: 46.07, lon: 122.1, altM: 50 }];
  return plan;
}

/** The screen plan as ArduPilot gives it back: its own home, LOITER_TIME radius as a flag, RTL frame 0. */
function asArduPilotReadsBack(p: Plan): Plan {
  const v = structuredClone(p);
  v.mission.plannedHome = { lat: 46.08, lon: 122.08, altMslM: 300 };
  v.mission.items[1] = { ...v.mission.items[1], param3: 1 };
  v.mission.items[3] = { ...v.mission.items[3], frame: 0 };
  return v;
}

describe('diffPlans', () => {
  it("ArduPilot's normalisations are not differences", () => {
    const d = diffPlans(screen(), asArduPilotReadsBack(screen()), 'ardupilot');
    expect(d.same).toBe(true);
    expect(d.mission).toMatchObject({ screenCount: 4, vehicleCount: 4, items: [] });
  });

  it('the same normalisations on PX4 are differences', () => {
    const d = diffPlans(screen(), asArduPilotReadsBack(screen()), 'px4');
    expect(d.mission.items.map((i) => [i.index, i.fields])).toEqual([[1, ['param3']], [3, ['frame']]]);
  });

  it('a moved waypoint and a changed altitude are named with their plan index', () => {
    const v = asArduPilotReadsBack(screen());
    v.mission.items[2] = { ...v.mission.items[2], x: 46.072, z: 80 };
    const d = diffPlans(screen(), v, 'ardupilot');
    expect(d.same).toBe(false);
    expect(d.mission.items).toEqual([{ seq: 3, index: 2, status: 'changed', fields: ['param5', 'param7'] }]);
    expect(differingItemIndexes(d)).toEqual([2]);
  });

  it('extra and missing items, and rally differences, are listed', () => {
    const v = asArduPilotReadsBack(screen());
    v.mission.items.push(item(MAV_CMD.NAV_WAYPOINT));
    v.rally.points = [];
    const d = diffPlans(screen(), v, 'ardupilot');
    expect(d.mission.items).toEqual([{ seq: 5, index: 4, status: 'onlyOnVehicle', fields: [] }]);
    expect(d.rally.items.map((i) => i.status)).toEqual(['onlyOnScreen']);
    const w = structuredClone(screen());
    w.mission.items.pop();
    expect(diffPlans(screen(), w, 'ardupilot').mission.items).toEqual([{ seq: 4, index: 3, status: 'onlyOnScreen', fields: [] }]);
  });

  it('an empty vehicle against a plan: every item is only on screen; empty against empty is the same', () => {
    const d = diffPlans(screen(), emptyPlan(), 'ardupilot');
    expect(d.mission.vehicleCount).toBe(0);
    expect(d.mission.items.map((i) => i.index)).toEqual([0, 1, 2, 3]);
    expect(diffPlans(emptyPlan(), emptyPlan(), 'ardupilot').same).toBe(true);
  });
});
