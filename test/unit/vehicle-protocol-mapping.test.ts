// Plan <-> the protocol engines' item lists, in each autopilot's convention.
import { describe, expect, it } from 'vitest';
import { conventionOf, planFromProtocolLists, planToProtocolLists, toProtocolItem, verifyFamilyOf } from '../../electron/core/vehicle-protocol/item-mapping';
import { itemProblem } from '../../electron/core/protocol/mission-item';
import { emptyPlan, MAV_CMD, MAV_FRAME, planItem, type Plan } from '../../shared/plan';

function plan(): Plan {
  const p = emptyPlan();
  p.mission.plannedHome = { lat: 46.07, lon: 122.09, altMslM: 280 };
  p.mission.items.push(
    planItem({ command: MAV_CMD.NAV_TAKEOFF, frame: MAV_FRAME.GLOBAL_RELATIVE_ALT, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: NaN, x: NaN, y: NaN, z: 25 }),
    planItem({ command: MAV_CMD.NAV_WAYPOINT, frame: MAV_FRAME.GLOBAL_RELATIVE_ALT, current: 0, autocontinue: 1, param1: 5, param2: 0, param3: 0, param4: NaN, x: 46.071, y: 122.091, z: 30 }),
  );
  p.fence.circles.push({ inclusion: true, center: { lat: 46.07, lon: 122.09 }, radiusM: 300 });
  p.rally.points.push({ lat: 46.072, lon: 122.092, altM: 40 });
  return p;
}

describe('vehicle-protocol item mapping', () => {
  it('puts the home item first for ArduPilot only', () => {
    const ap = planToProtocolLists(plan(), ['mission'], 'ardupilot');
    const px = planToProtocolLists(plan(), ['mission'], 'px4');
    expect(ap.mission!.length).toBe(3);
    expect(ap.mission![0]).toMatchObject({ command: MAV_CMD.NAV_WAYPOINT, frame: MAV_FRAME.GLOBAL, param5: 46.07, param6: 122.09, param7: 280 });
    expect(px.mission!.length).toBe(2);
    expect(px.mission![0].command).toBe(MAV_CMD.NAV_TAKEOFF);
    expect(ap.fence).toBeUndefined();
  });

  it('sends an unset (NaN) position as 0, which the wire can carry', () => {
    const item = toProtocolItem(plan().mission.items[0]);
    expect(item.param5).toBe(0);
    expect(item.param6).toBe(0);
    expect(Number.isNaN(item.param4)).toBe(true);
    expect(itemProblem(item)).toBeUndefined();
  });

  it('round-trips mission, fence and rally through the lists', () => {
    for (const autopilot of ['ardupilot', 'px4'] as const) {
      const lists = planToProtocolLists(plan(), ['mission', 'fence', 'rally'], autopilot);
      const { plan: back, skipped } = planFromProtocolLists(lists, autopilot);
      expect(skipped).toBe(0);
      expect(back.mission.items.map((i) => i.command)).toEqual([MAV_CMD.NAV_TAKEOFF, MAV_CMD.NAV_WAYPOINT]);
      expect(back.fence.circles).toEqual(plan().fence.circles);
      expect(back.rally.points).toEqual(plan().rally.points);
      if (autopilot === 'ardupilot') expect(back.mission.plannedHome).toEqual(plan().mission.plannedHome);
      else expect(back.mission.plannedHome).toBeUndefined();
    }
  });

  it('maps autopilots to conventions and verification rules', () => {
    expect(conventionOf('ardupilot')).toBe('ardupilot');
    expect(conventionOf('unknown')).toBe('px4');
    expect(verifyFamilyOf('px4')).toBe('px4');
    expect(verifyFamilyOf('unknown')).toBe('generic');
  });
});
