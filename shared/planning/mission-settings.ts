// Mission settings applied to the items, and the items the editor makes: waypoints, takeoff, the speed
// change after an item (QGC's way: a DO_CHANGE_SPEED right after it), the end action. Built on
// edit-ops, so patterns and jumps stay right here too.
import { MAV_CMD, MAV_FRAME } from '../plan/mav-enums';
import { itemPosition } from '../plan/route';
import { planItem, type LatLon, type MissionItem } from '../plan/types';
import { insertItems, rebuild, updateItems, type EditResult } from './edit-ops';
import type { EndAction, MissionSettings, PlanDoc } from './plan-doc';

const END_COMMAND: Record<EndAction, number> = { rtl: MAV_CMD.NAV_RETURN_TO_LAUNCH, land: MAV_CMD.NAV_LAND, loiter: MAV_CMD.NAV_LOITER_UNLIM };
const END_COMMANDS = new Set<number>(Object.values(END_COMMAND));

export const isEndCommand = (command: number): boolean => END_COMMANDS.has(command);

const base = { current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0 };

export function waypointItem(at: LatLon, altM: number, frame: number = MAV_FRAME.GLOBAL_RELATIVE_ALT): MissionItem {
  // param4 (yaw) NaN: keep the current heading, as QGC writes it.
  return planItem({ ...base, frame, command: MAV_CMD.NAV_WAYPOINT, param4: NaN, x: at.lat, y: at.lon, z: altM });
}

/** DO_CHANGE_SPEED: param1 1 = ground speed, param2 m/s, param3 -1 = leave the throttle alone. */
export function speedItem(speedMps: number): MissionItem {
  return planItem({ ...base, frame: MAV_FRAME.MISSION, command: MAV_CMD.DO_CHANGE_SPEED, param1: 1, param2: speedMps, param3: -1, x: 0, y: 0, z: 0 });
}

function takeoffItem(altM: number, at: LatLon | undefined): MissionItem {
  return planItem({ ...base, frame: MAV_FRAME.GLOBAL_RELATIVE_ALT, command: MAV_CMD.NAV_TAKEOFF, param4: NaN, x: at?.lat ?? 0, y: at?.lon ?? 0, z: altM });
}

function endItem(action: EndAction, last: { at: LatLon; altM: number } | undefined): MissionItem {
  if (action === 'rtl') return planItem({ ...base, frame: MAV_FRAME.MISSION, command: MAV_CMD.NAV_RETURN_TO_LAUNCH, x: 0, y: 0, z: 0 });
  // Land and loiter where the route ends: PX4 needs the position, ArduPilot flies there too.
  const command = END_COMMAND[action];
  return planItem({ ...base, frame: MAV_FRAME.GLOBAL_RELATIVE_ALT, command, param4: NaN, x: last?.at.lat ?? 0, y: last?.at.lon ?? 0, z: action === 'land' ? 0 : (last?.altM ?? 0) });
}

/** The speed set after item `index`, when the next item is a DO_CHANGE_SPEED; undefined otherwise. */
export function speedAfter(items: readonly MissionItem[], index: number): number | undefined {
  const next = items[index + 1];
  return next?.command === MAV_CMD.DO_CHANGE_SPEED && Number.isFinite(next.param2) ? next.param2 : undefined;
}

/**
 * Sets (or with null removes) the speed from each of these items on. Done from the last index back,
 * so inserting after one item does not move the ones still to do.
 */
export function setItemsSpeed(doc: PlanDoc, indexes: Iterable<number>, speedMps: number | null): EditResult {
  if (speedMps !== null && (!Number.isFinite(speedMps) || speedMps <= 0 || speedMps > 100)) return rebuild(doc, doc.plan.mission.items, doc.plan.mission.items.map((_, i) => i));
  const sorted = [...new Set(indexes)].filter((i) => Number.isInteger(i) && i >= 0 && i < doc.plan.mission.items.length).sort((a, b) => b - a);
  let r: EditResult = rebuild(doc, doc.plan.mission.items, doc.plan.mission.items.map((_, i) => i));
  const detached: string[] = [];
  const broken: number[] = [];
  for (const i of sorted) {
    const items = r.doc.plan.mission.items;
    // A DO_CHANGE_SPEED that is itself selected is not "the item's" speed: skip it.
    if (items[i].command === MAV_CMD.DO_CHANGE_SPEED) continue;
    const has = speedAfter(items, i) !== undefined;
    let step: EditResult;
    if (speedMps === null) step = has ? deleteOne(r.doc, i + 1) : r;
    else if (has) step = updateItems(r.doc, [i + 1], (it) => ({ ...it, param2: speedMps }));
    else step = insertItems(r.doc, i + 1, [speedItem(speedMps)]);
    detached.push(...step.detached);
    broken.push(...step.brokenJumps);
    r = { ...step, oldToNew: compose(r.oldToNew, step.oldToNew) };
  }
  return { ...r, detached: [...new Set(detached)], brokenJumps: [...new Set(broken)] };
}

const compose = (first: number[], second: number[]): number[] => first.map((k) => (k < 0 ? -1 : (second[k] ?? -1)));

function deleteOne(doc: PlanDoc, index: number): EditResult {
  const items = doc.plan.mission.items;
  const origin = items.map((_, i) => i).filter((i) => i !== index);
  return rebuild(doc, origin.map((i) => items[i]), origin);
}

/** Where the route ends: the last positioned item before the end action, with its altitude. */
function lastPlace(items: readonly MissionItem[]): { at: LatLon; altM: number } | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    if (isEndCommand(items[i].command)) continue;
    const at = itemPosition(items[i]);
    if (at) return { at, altM: items[i].z };
  }
  return undefined;
}

/**
 * Stores the settings and makes the items follow them: a NAV_TAKEOFF first at takeoffAltM, a
 * DO_CHANGE_SPEED to defaultSpeedMps right after it, and the end action as the last item (an existing
 * RTL/LAND/LOITER_UNLIM at the end is replaced, otherwise one is added). An empty mission stays empty:
 * there is nothing to take off for yet.
 */
export function applySettings(doc: PlanDoc, settings: MissionSettings): EditResult {
  const same = (Object.keys(settings) as Array<keyof MissionSettings>).every((k) => settings[k] === doc.settings[k]);
  let r: EditResult = rebuild(same ? doc : { ...doc, settings }, doc.plan.mission.items, doc.plan.mission.items.map((_, i) => i));
  if (doc.plan.mission.items.length === 0) return r;
  const acc = { detached: [] as string[], broken: [] as number[] };
  const step = (next: EditResult) => {
    acc.detached.push(...next.detached);
    acc.broken.push(...next.brokenJumps);
    r = { ...next, oldToNew: compose(r.oldToNew, next.oldToNew) };
  };
  const home = doc.plan.mission.plannedHome;
  const items0 = r.doc.plan.mission.items;
  if (items0[0].command === MAV_CMD.NAV_TAKEOFF) step(updateItems(r.doc, [0], (it) => ({ ...it, z: settings.takeoffAltM, frame: MAV_FRAME.GLOBAL_RELATIVE_ALT })));
  else step(insertItems(r.doc, 0, [takeoffItem(settings.takeoffAltM, home)]));
  if (r.doc.plan.mission.items[1]?.command === MAV_CMD.DO_CHANGE_SPEED) step(updateItems(r.doc, [1], (it) => ({ ...it, param2: settings.defaultSpeedMps })));
  else step(insertItems(r.doc, 1, [speedItem(settings.defaultSpeedMps)]));
  const items = r.doc.plan.mission.items;
  const lastIndex = items.length - 1;
  const want = endItem(settings.endAction, lastPlace(items));
  if (items[lastIndex].command === want.command) {
    if (settings.endAction === 'rtl') return finish(r, acc);
    // Same end action: its place follows the route's end, unless the pilot put it somewhere.
    if (itemPosition(items[lastIndex])) return finish(r, acc);
    step(updateItems(r.doc, [lastIndex], () => want));
  } else if (isEndCommand(items[lastIndex].command)) step(updateItems(r.doc, [lastIndex], () => want));
  else step(insertItems(r.doc, items.length, [want]));
  return finish(r, acc);
}

function finish(r: EditResult, acc: { detached: string[]; broken: number[] }): EditResult {
  return { ...r, detached: [...new Set(acc.detached)], brokenJumps: [...new Set(acc.broken)] };
}

/**
 * A new waypoint from a map click: after the single selected item, else at the end but before an end
 * action (so the mission still ends with it). The first waypoint of an empty mission comes with the
 * takeoff, the start speed and the end action of the settings.
 */
export function addWaypoint(doc: PlanDoc, at: LatLon, afterIndex: number | null): EditResult & { index: number } {
  const items = doc.plan.mission.items;
  const wp = waypointItem(at, doc.settings.defaultAltM);
  if (items.length === 0) {
    const r = applySettings(insertItems(doc, 0, [wp]).doc, doc.settings);
    return { ...r, oldToNew: [], index: r.doc.plan.mission.items.indexOf(wp) };
  }
  let i: number;
  if (afterIndex !== null && afterIndex >= 0 && afterIndex < items.length) {
    i = afterIndex + 1;
    // After an item with its own speed change: the new point goes after the speed change too.
    if (speedAfter(items, afterIndex) !== undefined) i++;
  } else i = isEndCommand(items[items.length - 1].command) ? items.length - 1 : items.length;
  const r = insertItems(doc, i, [wp]);
  return { ...r, index: i };
}
