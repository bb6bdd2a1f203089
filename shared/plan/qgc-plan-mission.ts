// The "mission" section of a QGroundControl .plan: simple items, and complex items (survey, corridor
// scan) whose generated waypoints QGC stores alongside their settings.

import { planError } from './errors';
import {
  asArray,
  asBoolean,
  asInteger,
  asLatLonAlt,
  asNumber,
  asNumberOrNaN,
  asObject,
  isObject,
  requireVersion,
  type JsonObject,
} from './json-guards';
import { planItem, type Mission, type MissionItem, type PreservedComplexItem } from './types';

/** Complex items whose generated items are stored in TransectStyleComplexItem.Items. */
const TRANSECT_STYLE_TYPES = new Set(['survey', 'CorridorScan']);

export function parseSimpleItem(v: unknown, where: string): MissionItem {
  const o = asObject(v, where);
  if (o.type !== 'SimpleItem') {
    throw planError('plan_bad_value', `"${where}" is not a SimpleItem.`, `“${where}”不是 SimpleItem。`);
  }
  const params = asArray(o.params, `${where}.params`);
  if (params.length !== 7) {
    throw planError(
      'plan_bad_value',
      `"${where}.params" should have 7 values, but has ${params.length}.`,
      `“${where}.params”应有 7 个值，实际 ${params.length} 个。`,
    );
  }
  const p = params.map((x, i) => asNumberOrNaN(x, `${where}.params[${i}]`));
  return planItem({
    command: asInteger(o.command, `${where}.command`, 0, 65535),
    frame: asInteger(o.frame, `${where}.frame`, 0, 255),
    current: 0,
    autocontinue: o.autoContinue === undefined ? 1 : asBoolean(o.autoContinue, `${where}.autoContinue`) ? 1 : 0,
    param1: p[0],
    param2: p[1],
    param3: p[2],
    param4: p[3],
    x: p[4],
    y: p[5],
    z: p[6],
  });
}

function transectItems(o: JsonObject, where: string): MissionItem[] {
  const ts = asObject(o.TransectStyleComplexItem, `${where}.TransectStyleComplexItem`);
  const list = asArray(ts.Items, `${where}.TransectStyleComplexItem.Items`);
  return list.map((x, i) => parseSimpleItem(x, `${where}.TransectStyleComplexItem.Items[${i}]`));
}

function parseComplexItem(o: JsonObject, where: string): { type: string; items: MissionItem[] } {
  const type = o.complexItemType;
  if (typeof type === 'string' && TRANSECT_STYLE_TYPES.has(type)) return { type, items: transectItems(o, where) };
  const name = typeof type === 'string' ? type : 'unknown';
  throw planError(
    'plan_complex_item_unsupported',
    `"${where}" is a QGroundControl "${name}" item. Its waypoints are not stored in the file, so it cannot be flown from here; re-plan that part as waypoints or a search pattern.`,
    `“${where}”是 QGroundControl 的“${name}”复杂航点，文件中没有保存它的航点，无法在本程序中执行；请将该部分改为普通航点或搜索样式。`,
  );
}

export interface ParsedMissionSection {
  mission: Mission;
  complexItems: PreservedComplexItem[];
}

function optionalNumber(o: JsonObject, key: string, where: string): number | undefined {
  return o[key] === undefined || o[key] === null ? undefined : asNumber(o[key], `${where}.${key}`);
}

export function parseMissionSection(section: JsonObject): ParsedMissionSection {
  requireVersion(section, 'mission', [2]);
  const list = asArray(section.items, 'mission.items');
  const items: MissionItem[] = [];
  const complexItems: PreservedComplexItem[] = [];
  list.forEach((raw, i) => {
    const where = `mission.items[${i}]`;
    const o = asObject(raw, where);
    if (o.type === 'ComplexItem') {
      const { type, items: generated } = parseComplexItem(o, where);
      // JSON round trip: a deep copy that shares nothing with the caller's object.
      complexItems.push({ index: items.length, itemCount: generated.length, complexItemType: type, json: JSON.parse(JSON.stringify(o)) });
      items.push(...generated);
    } else {
      items.push(parseSimpleItem(o, where));
    }
  });
  const mission: Mission = { items };
  if (section.plannedHomePosition !== undefined) {
    const h = asLatLonAlt(section.plannedHomePosition, 'mission.plannedHomePosition');
    mission.plannedHome = { lat: h.lat, lon: h.lon, altMslM: h.alt };
  }
  const vehicleType = optionalNumber(section, 'vehicleType', 'mission');
  const firmwareType = optionalNumber(section, 'firmwareType', 'mission');
  const cruise = optionalNumber(section, 'cruiseSpeed', 'mission');
  const hover = optionalNumber(section, 'hoverSpeed', 'mission');
  if (vehicleType !== undefined) mission.vehicleType = vehicleType;
  if (firmwareType !== undefined) mission.firmwareType = firmwareType;
  if (cruise !== undefined) mission.cruiseSpeedMps = cruise;
  if (hover !== undefined) mission.hoverSpeedMps = hover;
  return { mission, complexItems };
}

// ---- writing ----

const nullForNaN = (n: number): number | null => (Number.isNaN(n) ? null : n);

export function simpleItemJson(item: MissionItem, doJumpId: number): JsonObject {
  return {
    autoContinue: item.autocontinue !== 0,
    command: item.command,
    doJumpId,
    frame: item.frame,
    params: [item.param1, item.param2, item.param3, item.param4, item.x, item.y, item.z].map(nullForNaN),
    type: 'SimpleItem',
  };
}

function sameNumber(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

export function sameItem(a: MissionItem, b: MissionItem): boolean {
  return (
    a.command === b.command &&
    a.frame === b.frame &&
    a.autocontinue === b.autocontinue &&
    sameNumber(a.param1, b.param1) &&
    sameNumber(a.param2, b.param2) &&
    sameNumber(a.param3, b.param3) &&
    sameNumber(a.param4, b.param4) &&
    sameNumber(a.x, b.x) &&
    sameNumber(a.y, b.y) &&
    sameNumber(a.z, b.z)
  );
}

/** A preserved complex item goes back only if the items at its place are still exactly what it generates. */
function stillMatches(ci: PreservedComplexItem, items: readonly MissionItem[]): boolean {
  if (!isObject(ci.json) || ci.index + ci.itemCount > items.length) return false;
  try {
    const generated = transectItems(ci.json, 'complex item');
    if (generated.length !== ci.itemCount) return false;
    return generated.every((g, k) => sameItem(g, items[ci.index + k]));
  } catch {
    return false;
  }
}

export function missionItemsJson(items: readonly MissionItem[], complex: readonly PreservedComplexItem[] = []): JsonObject[] {
  const pending = [...complex].sort((a, b) => a.index - b.index);
  const out: JsonObject[] = [];
  let i = 0;
  let c = 0;
  while (i < items.length || c < pending.length) {
    const ci = pending[c];
    if (ci && ci.index === i) {
      c++;
      if (stillMatches(ci, items)) {
        out.push(ci.json);
        i += ci.itemCount;
      }
      continue;
    }
    if (ci && ci.index < i) {
      c++; // overlapped by an earlier complex item or out of place: its items are written as simple ones
      continue;
    }
    if (i >= items.length) break;
    // doJumpId is the ArduPilot-style sequence number (home = 0), which is what QGC writes.
    out.push(simpleItemJson(items[i], i + 1));
    i++;
  }
  return out;
}
