// Plan <-> the item lists that the MAVLink mission protocol transfers, one list per mission type.
// ArduPilot puts home at mission seq 0 (written by the vehicle, ignored on upload); PX4 has no home item.

import { planError } from './errors';
import { MAV_CMD, MAV_FRAME, MAV_MISSION_TYPE } from './mav-enums';
import {
  planItem,
  type AutopilotConvention,
  type Fence,
  type Mission,
  type MissionItem,
  type PlannedHome,
  type RallyPoint,
} from './types';

export interface WireOptions {
  autopilot: AutopilotConvention;
}

function wireItem(fields: Partial<MissionItem> & Pick<MissionItem, 'command' | 'frame'>): MissionItem {
  return {
    current: 0,
    autocontinue: 1,
    param1: 0,
    param2: 0,
    param3: 0,
    param4: 0,
    x: 0,
    y: 0,
    z: 0,
    ...fields,
  };
}

function numbered(items: MissionItem[], missionType: number): MissionItem[] {
  return items.map((it, seq) => ({ ...it, seq, missionType }));
}

/** The ArduPilot home item; zeros when no home is planned (ArduPilot overwrites it anyway). */
export function homeItem(home: PlannedHome | undefined, current = 0): MissionItem {
  return wireItem({
    command: MAV_CMD.NAV_WAYPOINT,
    frame: MAV_FRAME.GLOBAL,
    current,
    x: home?.lat ?? 0,
    y: home?.lon ?? 0,
    z: home?.altMslM ?? 0,
  });
}

export function missionToWire(mission: Mission, opts: WireOptions): MissionItem[] {
  const items = mission.items.map((i) => planItem(i));
  const all = opts.autopilot === 'ardupilot' ? [homeItem(mission.plannedHome), ...items] : items;
  return numbered(all, MAV_MISSION_TYPE.MISSION);
}

/** A home item of all zeros means "no home known", not a home on the equator. */
function homeFromItem(item: MissionItem): PlannedHome | undefined {
  if (!Number.isFinite(item.x) || !Number.isFinite(item.y)) return undefined;
  if (item.x === 0 && item.y === 0) return undefined;
  return { lat: item.x, lon: item.y, altMslM: Number.isFinite(item.z) ? item.z : 0 };
}

export function missionFromWire(items: readonly MissionItem[], opts: WireOptions): Mission {
  if (opts.autopilot === 'px4' || items.length === 0) return { items: items.map((i) => planItem(i)) };
  const home = homeFromItem(items[0]);
  const mission: Mission = { items: items.slice(1).map((i) => planItem(i)) };
  if (home) mission.plannedHome = home;
  return mission;
}

export function fenceToWire(fence: Fence): MissionItem[] {
  const out: MissionItem[] = [];
  if (fence.returnPoint) {
    const r = fence.returnPoint;
    out.push(wireItem({ command: MAV_CMD.NAV_FENCE_RETURN_POINT, frame: MAV_FRAME.GLOBAL_RELATIVE_ALT, x: r.lat, y: r.lon, z: r.altM }));
  }
  for (const p of fence.polygons) {
    const command = p.inclusion ? MAV_CMD.NAV_FENCE_POLYGON_VERTEX_INCLUSION : MAV_CMD.NAV_FENCE_POLYGON_VERTEX_EXCLUSION;
    for (const v of p.vertices) {
      out.push(wireItem({ command, frame: MAV_FRAME.GLOBAL, param1: p.vertices.length, x: v.lat, y: v.lon }));
    }
  }
  for (const c of fence.circles) {
    const command = c.inclusion ? MAV_CMD.NAV_FENCE_CIRCLE_INCLUSION : MAV_CMD.NAV_FENCE_CIRCLE_EXCLUSION;
    out.push(wireItem({ command, frame: MAV_FRAME.GLOBAL, param1: c.radiusM, x: c.center.lat, y: c.center.lon }));
  }
  return numbered(out, MAV_MISSION_TYPE.FENCE);
}

export interface FenceFromWire {
  fence: Fence;
  /** Items that are not a fence shape this model knows (e.g. a newer fence command); counted, not lost silently. */
  skipped: MissionItem[];
}

function isPolygonVertex(command: number): boolean {
  return command === MAV_CMD.NAV_FENCE_POLYGON_VERTEX_INCLUSION || command === MAV_CMD.NAV_FENCE_POLYGON_VERTEX_EXCLUSION;
}

export function fenceFromWire(items: readonly MissionItem[]): FenceFromWire {
  const fence: Fence = { polygons: [], circles: [] };
  const skipped: MissionItem[] = [];
  let i = 0;
  while (i < items.length) {
    const it = items[i];
    if (isPolygonVertex(it.command)) {
      const count = it.param1;
      if (!Number.isInteger(count) || count < 3 || i + count > items.length) {
        throw planError(
          'wire_bad_fence',
          `Fence item ${i}: a polygon vertex says the polygon has ${count} vertices, but that does not fit the list (need 3 or more, ${items.length - i} left).`,
          `围栏第 ${i} 项：多边形顶点声明有 ${count} 个顶点，与列表不符（至少 3 个，剩余 ${items.length - i} 个）。`,
        );
      }
      const group = items.slice(i, i + count);
      const bad = group.findIndex((g) => g.command !== it.command || g.param1 !== count);
      if (bad >= 0) {
        throw planError(
          'wire_bad_fence',
          `Fence item ${i + bad}: expected vertex ${bad + 1} of a ${count}-vertex polygon, found something else.`,
          `围栏第 ${i + bad} 项：应为 ${count} 顶点多边形的第 ${bad + 1} 个顶点，实际不是。`,
        );
      }
      fence.polygons.push({
        inclusion: it.command === MAV_CMD.NAV_FENCE_POLYGON_VERTEX_INCLUSION,
        vertices: group.map((g) => ({ lat: g.x, lon: g.y })),
      });
      i += count;
      continue;
    }
    if (it.command === MAV_CMD.NAV_FENCE_CIRCLE_INCLUSION || it.command === MAV_CMD.NAV_FENCE_CIRCLE_EXCLUSION) {
      if (!(it.param1 > 0) || !Number.isFinite(it.param1)) {
        throw planError(
          'wire_bad_fence',
          `Fence item ${i}: a circle needs a radius above 0 m (found ${it.param1}).`,
          `围栏第 ${i} 项：圆形围栏半径必须大于 0 米（实际 ${it.param1}）。`,
        );
      }
      fence.circles.push({
        inclusion: it.command === MAV_CMD.NAV_FENCE_CIRCLE_INCLUSION,
        center: { lat: it.x, lon: it.y },
        radiusM: it.param1,
      });
    } else if (it.command === MAV_CMD.NAV_FENCE_RETURN_POINT) {
      fence.returnPoint = { lat: it.x, lon: it.y, altM: it.z };
    } else {
      skipped.push(it);
    }
    i++;
  }
  return { fence, skipped };
}

export function rallyToWire(points: readonly RallyPoint[]): MissionItem[] {
  const items = points.map((p) =>
    wireItem({ command: MAV_CMD.NAV_RALLY_POINT, frame: MAV_FRAME.GLOBAL_RELATIVE_ALT, x: p.lat, y: p.lon, z: p.altM }),
  );
  return numbered(items, MAV_MISSION_TYPE.RALLY);
}

export function rallyFromWire(items: readonly MissionItem[]): { points: RallyPoint[]; skipped: MissionItem[] } {
  const points: RallyPoint[] = [];
  const skipped: MissionItem[] = [];
  for (const it of items) {
    if (it.command === MAV_CMD.NAV_RALLY_POINT) points.push({ lat: it.x, lon: it.y, altM: it.z });
    else skipped.push(it);
  }
  return { points, skipped };
}

export interface WireLists {
  mission: MissionItem[];
  fence: MissionItem[];
  rally: MissionItem[];
}

/** All three lists an upload sends, in the vehicle's convention. */
export function planToWire(plan: { mission: Mission; fence: Fence; rally: { points: RallyPoint[] } }, opts: WireOptions): WireLists {
  return { mission: missionToWire(plan.mission, opts), fence: fenceToWire(plan.fence), rally: rallyToWire(plan.rally.points) };
}
