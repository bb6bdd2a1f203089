// The places a mission flies to, in order: what a map file or a helicopter crew's display shows.

import { altitudeReference, isGlobalFrame, isPositionedCommand, MAV_CMD } from './mav-enums';
import type { MissionItem, Plan } from './types';

export interface RoutePoint {
  /** Index in plan.mission.items. */
  index: number;
  command: number;
  lat: number;
  lon: number;
  altM: number;
  /** What altM is measured from. */
  altRef: 'relative' | 'terrain' | 'msl';
}

/** ROI commands point the camera, not the vehicle: they are not on the route. */
const NOT_ON_ROUTE = new Set<number>([MAV_CMD.DO_SET_ROI, MAV_CMD.DO_SET_ROI_LOCATION]);

export function itemPosition(item: MissionItem): { lat: number; lon: number } | undefined {
  if (!isPositionedCommand(item.command) || !isGlobalFrame(item.frame)) return undefined;
  if (!Number.isFinite(item.x) || !Number.isFinite(item.y) || (item.x === 0 && item.y === 0)) return undefined;
  if (Math.abs(item.x) > 90 || Math.abs(item.y) > 180) return undefined;
  return { lat: item.x, lon: item.y };
}

export function routePoints(plan: Plan): RoutePoint[] {
  const out: RoutePoint[] = [];
  plan.mission.items.forEach((item, index) => {
    if (NOT_ON_ROUTE.has(item.command)) return;
    const pos = itemPosition(item);
    if (!pos) return;
    const ref = altitudeReference(item.frame);
    out.push({
      index,
      command: item.command,
      ...pos,
      altM: Number.isFinite(item.z) ? item.z : 0,
      altRef: ref === 'none' ? 'relative' : ref,
    });
  });
  return out;
}

/** Altitude above mean sea level when it can be known (absolute frame, or relative with a planned home). */
export function altMslM(p: RoutePoint, plan: Plan): number | undefined {
  if (p.altRef === 'msl') return p.altM;
  if (p.altRef === 'relative' && plan.mission.plannedHome) return plan.mission.plannedHome.altMslM + p.altM;
  return undefined;
}

const COMMAND_NAMES: Record<number, string> = {
  16: 'Waypoint',
  17: 'Loiter',
  18: 'Loiter turns',
  19: 'Loiter time',
  21: 'Land',
  22: 'Takeoff',
  31: 'Loiter to altitude',
  82: 'Spline waypoint',
  84: 'VTOL takeoff',
  85: 'VTOL land',
  94: 'Payload place',
};

export function commandName(command: number): string {
  return COMMAND_NAMES[command] ?? `Command ${command}`;
}
