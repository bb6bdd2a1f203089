// QGroundControl .plan files (fileType "Plan", version 1): mission v2, geoFence v2, rallyPoints v2.
// Older fence/rally sections (version 1) are still read: QGC itself wrote them until 2018.

import { planError } from './errors';
import {
  asArray,
  asBoolean,
  asLatLon,
  asLatLonAlt,
  asNumber,
  asObject,
  isObject,
  requireSection,
  requireVersion,
  type JsonObject,
} from './json-guards';
import { missionItemsJson, parseMissionSection } from './qgc-plan-mission';
import type { Fence, Plan, RallyPoint } from './types';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw planError(
      'plan_not_json',
      `This is not a readable plan file: it is not valid JSON (${why}).`,
      `无法读取计划文件：不是有效的 JSON（${why}）。`,
    );
  }
}

function parseFencePolygons(fenceJson: JsonObject, fence: Fence): void {
  const list = fenceJson.polygons === undefined ? [] : asArray(fenceJson.polygons, 'geoFence.polygons');
  list.forEach((raw, i) => {
    const where = `geoFence.polygons[${i}]`;
    const o = asObject(raw, where);
    const pts = asArray(o.polygon, `${where}.polygon`);
    if (pts.length < 3) {
      throw planError(
        'plan_bad_value',
        `"${where}" has ${pts.length} vertices; a fence polygon needs at least 3.`,
        `“${where}”只有 ${pts.length} 个顶点；围栏多边形至少需要 3 个。`,
      );
    }
    const vertices = pts.map((p, k) => asLatLon(p, `${where}.polygon[${k}]`));
    fence.polygons.push({ inclusion: asBoolean(o.inclusion, `${where}.inclusion`), vertices });
  });
}

function parseFenceCircles(fenceJson: JsonObject, fence: Fence): void {
  const list = fenceJson.circles === undefined ? [] : asArray(fenceJson.circles, 'geoFence.circles');
  list.forEach((raw, i) => {
    const where = `geoFence.circles[${i}]`;
    const o = asObject(raw, where);
    const c = asObject(o.circle, `${where}.circle`);
    const radiusM = asNumber(c.radius, `${where}.circle.radius`);
    if (radiusM <= 0) {
      throw planError('plan_bad_value', `"${where}.circle.radius" must be above 0 m.`, `“${where}.circle.radius”必须大于 0 米。`);
    }
    fence.circles.push({
      inclusion: asBoolean(o.inclusion, `${where}.inclusion`),
      center: asLatLon(c.center, `${where}.circle.center`),
      radiusM,
    });
  });
}

function parseFence(root: JsonObject): Fence {
  const fence: Fence = { polygons: [], circles: [] };
  if (root.geoFence === undefined) return fence; // a mission-only file is still a plan
  const f = asObject(root.geoFence, 'geoFence');
  const version = requireVersion(f, 'geoFence', [1, 2]);
  if (version === 1) {
    // v1 had one inclusion polygon; an empty one means "no fence".
    const pts = f.polygon === undefined ? [] : asArray(f.polygon, 'geoFence.polygon');
    if (pts.length >= 3) fence.polygons.push({ inclusion: true, vertices: pts.map((p, k) => asLatLon(p, `geoFence.polygon[${k}]`)) });
  } else {
    parseFencePolygons(f, fence);
    parseFenceCircles(f, fence);
  }
  if (f.breachReturn !== undefined && f.breachReturn !== null) {
    const r = asLatLonAlt(f.breachReturn, 'geoFence.breachReturn');
    fence.returnPoint = { lat: r.lat, lon: r.lon, altM: r.alt };
  }
  return fence;
}

function parseRally(root: JsonObject): RallyPoint[] {
  if (root.rallyPoints === undefined) return [];
  const r = asObject(root.rallyPoints, 'rallyPoints');
  requireVersion(r, 'rallyPoints', [1, 2]);
  const list = r.points === undefined ? [] : asArray(r.points, 'rallyPoints.points');
  return list.map((p, i) => {
    const v = asLatLonAlt(p, `rallyPoints.points[${i}]`);
    return { lat: v.lat, lon: v.lon, altM: v.alt };
  });
}

export function parseQgcPlan(text: string): Plan {
  const root = parseJson(text);
  if (!isObject(root)) {
    throw planError('plan_wrong_file_type', 'This is not a QGroundControl plan file (no JSON object at the top).', '这不是 QGroundControl 计划文件（顶层不是 JSON 对象）。');
  }
  if (root.fileType !== 'Plan') {
    const found = typeof root.fileType === 'string' ? `a "${root.fileType.slice(0, 40)}" file` : 'a file without "fileType"';
    throw planError(
      'plan_wrong_file_type',
      `This is ${found}, not a QGroundControl plan (fileType "Plan").`,
      `该文件${typeof root.fileType === 'string' ? `类型为“${root.fileType.slice(0, 40)}”` : '没有“fileType”'}，不是 QGroundControl 计划文件（fileType 应为 “Plan”）。`,
    );
  }
  requireVersion(root, '', [1]);
  const { mission, complexItems } = parseMissionSection(requireSection(root, 'mission'));
  const plan: Plan = { mission, fence: parseFence(root), rally: { points: parseRally(root) } };
  if (complexItems.length > 0) plan.complexItems = complexItems;
  return plan;
}

/** QGC needs a planned home; without one, use the first place the mission goes to (else 0,0,0). */
function plannedHomeArray(plan: Plan): [number, number, number] {
  const h = plan.mission.plannedHome;
  if (h) return [h.lat, h.lon, h.altMslM];
  const first = plan.mission.items.find((i) => Number.isFinite(i.x) && Number.isFinite(i.y) && (i.x !== 0 || i.y !== 0));
  return first ? [first.x, first.y, 0] : [0, 0, 0];
}

export function writeQgcPlan(plan: Plan): string {
  const m = plan.mission;
  const fence: JsonObject = {
    circles: plan.fence.circles.map((c) => ({
      circle: { center: [c.center.lat, c.center.lon], radius: c.radiusM },
      inclusion: c.inclusion,
      version: 1,
    })),
    polygons: plan.fence.polygons.map((p) => ({
      inclusion: p.inclusion,
      polygon: p.vertices.map((v) => [v.lat, v.lon]),
      version: 1,
    })),
    version: 2,
  };
  const r = plan.fence.returnPoint;
  if (r) fence.breachReturn = [r.lat, r.lon, r.altM];
  const doc = {
    fileType: 'Plan',
    geoFence: fence,
    // QGC insists on the key; it names the format family, which is what other tools check for.
    groundStation: 'QGroundControl',
    mission: {
      // QGC requires firmwareType (0 = generic) and a home; speeds and vehicle type are optional there too.
      ...(m.cruiseSpeedMps === undefined ? {} : { cruiseSpeed: m.cruiseSpeedMps }),
      firmwareType: m.firmwareType ?? 0,
      ...(m.hoverSpeedMps === undefined ? {} : { hoverSpeed: m.hoverSpeedMps }),
      items: missionItemsJson(m.items, plan.complexItems),
      plannedHomePosition: plannedHomeArray(plan),
      ...(m.vehicleType === undefined ? {} : { vehicleType: m.vehicleType }),
      version: 2,
    },
    rallyPoints: { points: plan.rally.points.map((p) => [p.lat, p.lon, p.altM]), version: 2 },
    version: 1,
  };
  return `${JSON.stringify(doc, null, 4)}\n`;
}
