// Where the vehicle's lists differ from the plan on screen, item by item. Both sides are put in the
// vehicle's own layout (ArduPilot: home at mission seq 0) and compared with the same rules the
// upload's read-back uses (shared/plan/mission-compare), so ArduPilot's normalisations are not
// reported as differences while a moved waypoint or a changed altitude is.
import { differingFields, type AutopilotFamily, type ComparableField, type ComparableItem } from '../plan/mission-compare';
import type { MissionItem, Plan } from '../plan/types';
import { fenceToWire, missionToWire, rallyToWire } from '../plan/wire';

export type DiffPart = 'mission' | 'fence' | 'rally';

export interface ItemDiff {
  /** Position in the vehicle's list (ArduPilot: seq 0 is home). */
  seq: number;
  /** Index in plan.mission.items (mission part only; home has none). */
  index?: number;
  status: 'changed' | 'onlyOnScreen' | 'onlyOnVehicle';
  fields: ComparableField[];
}

export interface PartDiff {
  screenCount: number;
  vehicleCount: number;
  items: ItemDiff[];
}

export type PlanDiff = Record<DiffPart, PartDiff> & { same: boolean };

const MISSION_TYPE: Record<DiffPart, number> = { mission: 0, fence: 1, rally: 2 };

/** NaN x/y means "not set" in a plan and travels as 0 (an int32 cannot carry NaN). */
const orZero = (v: number): number => (Number.isNaN(v) ? 0 : v);

function comparable(i: MissionItem): ComparableItem {
  return { command: i.command, frame: i.frame, autocontinue: i.autocontinue, param1: i.param1, param2: i.param2, param3: i.param3, param4: i.param4, param5: orZero(i.x), param6: orZero(i.y), param7: i.z };
}

function lists(plan: Plan, autopilot: AutopilotFamily): Record<DiffPart, MissionItem[]> {
  return {
    mission: missionToWire(plan.mission, { autopilot: autopilot === 'ardupilot' ? 'ardupilot' : 'px4' }),
    fence: fenceToWire(plan.fence),
    rally: rallyToWire(plan.rally.points),
  };
}

function diffPart(part: DiffPart, screen: MissionItem[], vehicle: MissionItem[], autopilot: AutopilotFamily): PartDiff {
  const base = part === 'mission' && autopilot === 'ardupilot' ? 1 : 0;
  const items: ItemDiff[] = [];
  const n = Math.max(screen.length, vehicle.length);
  for (let seq = 0; seq < n; seq++) {
    const s = screen[seq];
    const v = vehicle[seq];
    const index = part === 'mission' && seq >= base ? seq - base : undefined;
    if (s && v) {
      const fields = differingFields(comparable(s), comparable(v), autopilot, MISSION_TYPE[part], seq);
      if (fields.length > 0) items.push({ seq, index, status: 'changed', fields });
    } else if (part === 'mission' && seq === 0 && base === 1) {
      // One side has no home item at all (an empty mission): that is not a difference of items.
    } else items.push({ seq, index, status: s ? 'onlyOnScreen' : 'onlyOnVehicle', fields: [] });
  }
  return { screenCount: screen.length - (screen.length > 0 ? base : 0), vehicleCount: vehicle.length - (vehicle.length > 0 ? base : 0), items };
}

/** Compares the plan on screen with the plan read off a vehicle of the given autopilot family. */
export function diffPlans(screen: Plan, vehicle: Plan, autopilot: AutopilotFamily): PlanDiff {
  const a = lists(screen, autopilot);
  const b = lists(vehicle, autopilot);
  // An ArduPilot mission with no items still has home at seq 0; compare items only.
  const trim = (l: MissionItem[], p: Plan) => (autopilot === 'ardupilot' && p.mission.items.length === 0 ? [] : l);
  const out = {
    mission: diffPart('mission', trim(a.mission, screen), trim(b.mission, vehicle), autopilot),
    fence: diffPart('fence', a.fence, b.fence, autopilot),
    rally: diffPart('rally', a.rally, b.rally, autopilot),
  };
  return { ...out, same: out.mission.items.length + out.fence.items.length + out.rally.items.length === 0 };
}

/** Plan item indexes that differ from the vehicle's mission (for marking them in the list and on the map). */
export function differingItemIndexes(diff: PlanDiff): number[] {
  return diff.mission.items.flatMap((d) => (d.index === undefined ? [] : [d.index]));
}
