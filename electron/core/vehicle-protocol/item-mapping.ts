// shared/plan's MissionItem (the wire form the file formats use: x/y/z, NaN = unset) <-> the protocol
// engines' ProtocolMissionItem (param1..7), and a Plan <-> the three lists a vehicle stores, in the
// vehicle's convention (ArduPilot: home is mission item 0; PX4: no home item).
import { fenceFromWire, missionFromWire, planToWire, rallyFromWire, type AutopilotConvention, type MissionItem, type Plan } from '../../../shared/plan';
import { emptyPlan } from '../../../shared/plan';
import type { Autopilot } from '../../../shared/contract/types';
import type { AutopilotFamily } from '../protocol/mission-verify';
import type { ProtocolMissionItem } from '../protocol/mission-item';

export type PlanPart = 'mission' | 'fence' | 'rally';
export const PLAN_PARTS: readonly PlanPart[] = ['mission', 'fence', 'rally'];
export const MISSION_TYPE_OF: Record<PlanPart, 0 | 1 | 2> = { mission: 0, fence: 1, rally: 2 };

/** Which list layout to use. A vehicle that has not said (generic/unknown) gets the plain one: no home item. */
export function conventionOf(autopilot: Autopilot): AutopilotConvention {
  return autopilot === 'ardupilot' ? 'ardupilot' : 'px4';
}

/** Which read-back normalisations to accept (protocol/mission-verify). */
export function verifyFamilyOf(autopilot: Autopilot): AutopilotFamily {
  return autopilot === 'ardupilot' || autopilot === 'px4' ? autopilot : 'generic';
}

/** NaN x/y means "not set" in a plan and travels as 0 (an int32 cannot carry NaN). */
const orZero = (v: number): number => (Number.isNaN(v) ? 0 : v);

export function toProtocolItem(item: MissionItem): ProtocolMissionItem {
  return {
    command: item.command,
    frame: item.frame,
    autocontinue: item.autocontinue,
    param1: item.param1,
    param2: item.param2,
    param3: item.param3,
    param4: item.param4,
    param5: orZero(item.x),
    param6: orZero(item.y),
    param7: item.z,
  };
}

export function fromProtocolItem(p: ProtocolMissionItem): MissionItem {
  return {
    frame: p.frame,
    command: p.command,
    current: 0,
    autocontinue: p.autocontinue,
    param1: p.param1,
    param2: p.param2,
    param3: p.param3,
    param4: p.param4,
    x: p.param5,
    y: p.param6,
    z: p.param7,
  };
}

export type ProtocolLists = Partial<Record<PlanPart, ProtocolMissionItem[]>>;

/** The lists an upload of `parts` sends. A part the plan leaves empty is sent empty: it clears that list. */
export function planToProtocolLists(plan: Plan, parts: readonly PlanPart[], autopilot: Autopilot): ProtocolLists {
  const wire = planToWire(plan, { autopilot: conventionOf(autopilot) });
  const out: ProtocolLists = {};
  for (const part of parts) out[part] = wire[part].map(toProtocolItem);
  return out;
}

export interface PlanFromVehicle {
  plan: Plan;
  /** Fence/rally items the plan model cannot hold (e.g. a newer fence command), counted, not lost silently. */
  skipped: number;
}

/** A Plan from the lists read off a vehicle; parts not read stay empty. Throws PlanFileError on a malformed fence. */
export function planFromProtocolLists(lists: ProtocolLists, autopilot: Autopilot): PlanFromVehicle {
  const plan = emptyPlan();
  let skipped = 0;
  if (lists.mission) plan.mission = missionFromWire(lists.mission.map(fromProtocolItem), { autopilot: conventionOf(autopilot) });
  if (lists.fence) {
    const f = fenceFromWire(lists.fence.map(fromProtocolItem));
    plan.fence = f.fence;
    skipped += f.skipped.length;
  }
  if (lists.rally) {
    const r = rallyFromWire(lists.rally.map(fromProtocolItem));
    plan.rally = { points: r.points };
    skipped += r.skipped.length;
  }
  return { plan, skipped };
}
