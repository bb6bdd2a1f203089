// The plan checks. Each rule is a small function over the plan's route; run all with checkPlan().

import type { AirspaceZone } from '../../airspace/zone';
import { msg } from '../../contract/errors';
import { distanceM } from '../../geo/distance';
import { MAV_CMD } from '../../plan/mav-enums';
import { routePoints, type RoutePoint } from '../../plan/route';
import type { LatLon, Plan } from '../../plan/types';
import { localFrame, type LocalFrame } from '../geometry';
import { jumpSeqBase } from '../plan-file';
import { areaContains, legTouches, type Area } from './areas';
import { crowdLegIssues } from './crowd-legs';
import { terrainLegIssues } from './terrain-legs';
import {
  DEFAULT_CEILING_AGL_M,
  DEFAULT_CRUISE_MPS,
  DEFAULT_MAX_DISTANCE_M,
  DEFAULT_RESERVE_PCT,
  type CheckContext,
  type PlanIssue,
} from './context';

function fenceAreas(plan: Plan, f: LocalFrame): Area[] {
  return [
    ...plan.fence.polygons.filter((p) => p.vertices.length >= 3).map((p) => ({ inclusion: p.inclusion, ring: p.vertices.map(f.toXY) })),
    ...plan.fence.circles.map((c) => ({ inclusion: c.inclusion, circle: { c: f.toXY(c.center), r: c.radiusM } })),
  ];
}

function zoneArea(z: AirspaceZone, f: LocalFrame): Area {
  return z.shape.type === 'polygon'
    ? { inclusion: false, ring: z.shape.vertices.map(f.toXY) }
    : { inclusion: false, circle: { c: f.toXY(z.shape.center), r: z.shape.radiusM } };
}

const fmt = (n: number): string => n.toFixed(0);

/** Height above ground (or above home when no terrain), and whether that came from terrain. */
function heightOf(p: RoutePoint, plan: Plan, ctx: CheckContext): { aglM: number; fromTerrain: boolean; mslM?: number } | undefined {
  const home = plan.mission.plannedHome;
  const ground = ctx.groundElevationMslM?.(p.lat, p.lon) ?? null;
  if (p.altRef === 'terrain') return { aglM: p.altM, fromTerrain: true, mslM: ground === null ? undefined : ground + p.altM };
  const mslM = p.altRef === 'msl' ? p.altM : home ? home.altMslM + p.altM : undefined;
  if (ground !== null && mslM !== undefined) return { aglM: mslM - ground, fromTerrain: true, mslM };
  if (p.altRef === 'relative') return { aglM: p.altM, fromTerrain: false, mslM };
  if (home && mslM !== undefined) return { aglM: mslM - home.altMslM, fromTerrain: false, mslM };
  return undefined;
}

/** Items in flown order with DO_JUMP loops unrolled (bounded, so a bad jump cannot hang the check). */
export function flownOrder(plan: Plan, maxSteps = 100_000): number[] {
  const items = plan.mission.items;
  const left = new Map<number, number>();
  const out: number[] = [];
  let i = 0;
  while (i < items.length && out.length < maxSteps) {
    const it = items[i];
    if (it.command === MAV_CMD.DO_JUMP) {
      // Targets are wire seq numbers: plan index = seq - 1 with ArduPilot's home at seq 0, = seq on PX4.
      const target = Math.round(it.param1) - jumpSeqBase(plan);
      if (!left.has(i)) left.set(i, Math.max(0, Math.round(it.param2)));
      const n = left.get(i) as number;
      if (n > 0 && target >= 0 && target < items.length) {
        left.set(i, n - 1);
        i = target;
        continue;
      }
    } else out.push(i);
    i++;
  }
  return out;
}

export function flightTimeS(plan: Plan, ctx: CheckContext, home?: LatLon): { timeS: number; trackM: number } {
  const items = plan.mission.items;
  const speed = plan.mission.cruiseSpeedMps ?? ctx.cruiseSpeedMps ?? DEFAULT_CRUISE_MPS;
  const pos = new Map(routePoints(plan).map((p) => [p.index, p]));
  let prev: LatLon | undefined = home;
  let trackM = 0;
  let holdS = 0;
  for (const i of flownOrder(plan)) {
    const p = pos.get(i);
    if (items[i].command === MAV_CMD.NAV_LOITER_TIME) holdS += Math.max(0, items[i].param1);
    if (!p) continue;
    if (prev) trackM += distanceM(prev, p);
    prev = p;
  }
  // Come home at the end, as RTL (or the crew) will.
  if (prev && home) trackM += distanceM(prev, home);
  return { timeS: trackM / speed + holdS, trackM };
}

export function checkPlan(plan: Plan, ctx: CheckContext = {}): PlanIssue[] {
  const out: PlanIssue[] = [];
  const items = plan.mission.items;
  const home = plan.mission.plannedHome;
  const route = routePoints(plan);
  if (items.length === 0) {
    out.push({ rule: 'no_items', severity: 'warning', message: msg('The mission has no items.', '任务中没有航点。') });
    return out;
  }
  if (!home) out.push({ rule: 'no_home', severity: 'warning', message: msg('No planned home: distance from home and heights above it cannot be checked. Choose "Add waypoints" and click where the drone takes off.', '未设置计划起飞点：无法检查离起飞点的距离和相对高度。选择“添加航点”，在起飞处点击地图即可设置。') });
  const f = localFrame(home ?? route[0] ?? { lat: items[0].x, lon: items[0].y });
  const ceiling = ctx.ceilingAglM ?? DEFAULT_CEILING_AGL_M;
  let saidAboveHome = false;
  const fence = fenceAreas(plan, f);
  const inclusions = fence.filter((a) => a.inclusion);
  const exclusions = fence.filter((a) => !a.inclusion);
  const zones = (ctx.zones ?? []).map((z) => ({ z, area: zoneArea(z, f) }));
  const maxDist = ctx.maxDistanceFromHomeM ?? DEFAULT_MAX_DISTANCE_M;

  route.forEach((p, k) => {
    const at = f.toXY(p);
    const idx = p.index;
    const h = heightOf(p, plan, ctx);
    const isGroundItem = p.command === MAV_CMD.NAV_LAND || p.command === MAV_CMD.NAV_VTOL_LAND;
    if (h) {
      if (h.aglM > ceiling) {
        const above = h.fromTerrain ? msg('above ground', '离地') : msg('above home (no terrain data)', '相对起飞点（无地形数据）');
        out.push({ rule: 'ceiling', severity: 'error', itemIndex: idx, message: msg(`${fmt(h.aglM)} m ${above.en}: over the ${fmt(ceiling)} m ceiling.`, `${above.zh}${fmt(h.aglM)} 米：超过 ${fmt(ceiling)} 米的高度上限。`) });
      }
      if (!h.fromTerrain && !saidAboveHome) {
        saidAboveHome = true;
        out.push({ rule: 'ceiling_above_home', severity: 'info', message: msg(`No terrain data: the ${fmt(ceiling)} m ceiling is measured above home.`, `无地形数据：${fmt(ceiling)} 米高度上限按相对起飞点高度计算。`) });
      }
      if (h.aglM < 0 && !isGroundItem && h.fromTerrain) out.push({ rule: 'below_ground', severity: 'error', itemIndex: idx, message: msg(`${fmt(-h.aglM)} m below the ground.`, `低于地面 ${fmt(-h.aglM)} 米。`) });
    }
    if (inclusions.length > 0 && !inclusions.some((a) => areaContains(a, at))) out.push({ rule: 'outside_inclusion', severity: 'error', itemIndex: idx, message: msg('Outside every inclusion fence.', '不在任何允许飞行围栏内。') });
    if (exclusions.some((a) => areaContains(a, at))) out.push({ rule: 'inside_exclusion', severity: 'error', itemIndex: idx, message: msg('Inside an exclusion fence.', '位于禁飞围栏内。') });
    else if (k > 0 && exclusions.some((a) => legTouches(a, f.toXY(route[k - 1]), at))) out.push({ rule: 'leg_crosses_exclusion', severity: 'error', itemIndex: idx, message: msg('The leg to this item crosses an exclusion fence.', '飞往此航点的航段穿过禁飞围栏。') });
    for (const { z, area } of zones) {
      const prev = k > 0 ? f.toXY(route[k - 1]) : at;
      if (!legTouches(area, prev, at)) continue;
      // Out of the zone's vertical band only when we know our height AMSL at both ends of the leg and
      // the whole leg is clear of the band: a leg that climbs or descends through it is in it.
      const from = k > 0 ? heightOf(route[k - 1], plan, ctx)?.mslM : h?.mslM;
      const ends = [from, h?.mslM];
      if (ends.every((m) => m !== undefined && z.ceilingMslM !== undefined && m > z.ceilingMslM)) continue;
      if (ends.every((m) => m !== undefined && z.floorMslM !== undefined && m < z.floorMslM)) continue;
      const no = z.kind === 'noFly';
      out.push({ rule: 'zone', severity: no ? 'error' : 'warning', itemIndex: idx, message: no ? msg(`Enters the no-fly zone "${z.name}".`, `进入禁飞区“${z.name}”。`) : msg(`Enters the restricted zone "${z.name}".`, `进入限制区“${z.name}”。`) });
    }
    if (home) {
      const d = distanceM(home, p);
      if (d > maxDist) out.push({ rule: 'too_far', severity: 'warning', itemIndex: idx, message: msg(`${fmt(d)} m from home, over the ${fmt(maxDist)} m limit.`, `距起飞点 ${fmt(d)} 米，超过 ${fmt(maxDist)} 米的限制。`) });
    }
  });

  out.push(...terrainLegIssues(plan, ctx, ceiling));

  items.forEach((it, idx) => {
    if (it.command !== MAV_CMD.DO_JUMP) return;
    const target = Math.round(it.param1) - jumpSeqBase(plan);
    if (target < 0 || target >= idx || items[target].command === MAV_CMD.DO_JUMP) out.push({ rule: 'bad_jump', severity: 'error', itemIndex: idx, message: msg(`Jump to item ${fmt(it.param1)}, which is not an earlier item.`, `跳转目标 ${fmt(it.param1)} 不是前面的任务项。`) });
  });

  if (ctx.enduranceS !== undefined) {
    const { timeS } = flightTimeS(plan, ctx, home);
    const budgetS = ctx.enduranceS * (1 - (ctx.reservePct ?? DEFAULT_RESERVE_PCT) / 100);
    if (timeS > budgetS) out.push({ rule: 'flight_time', severity: 'error', message: msg(`About ${fmt(timeS / 60)} min of flight; the battery allows ${fmt(budgetS / 60)} min with reserve.`, `预计飞行约 ${fmt(timeS / 60)} 分钟，电池在保留余量后仅允许 ${fmt(budgetS / 60)} 分钟。`) });
  }
  const last = items[items.length - 1].command;
  const ends = new Set<number>([MAV_CMD.NAV_RETURN_TO_LAUNCH, MAV_CMD.NAV_LAND, MAV_CMD.NAV_VTOL_LAND]);
  if (!ends.has(last)) out.push({ rule: 'no_return', severity: 'info', itemIndex: items.length - 1, message: msg('The mission does not end with return or land.', '任务未以返航或降落结束。') });
  if (ctx.crowds && ctx.crowds.length > 0) out.push(...crowdLegIssues(plan, ctx.crowds));
  return out;
}

