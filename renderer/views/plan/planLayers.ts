// The plan on the map: the route as one line, the items as circles, handles halfway along the legs,
// the planned home, and the fence as outlines (a drag in progress is drawn by edit/dragOverlay.ts).
// One GeoJSON source each, replaced only when the plan changes.
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { circleVertices } from '../../../shared/geo/bearing';
import { MAV_CMD } from '../../../shared/plan/mav-enums';
import { routePoints, type RoutePoint } from '../../../shared/plan/route';
import type { LatLon, Plan } from '../../../shared/plan/types';
import type { CheckRule, PatternInstance, PlanIssue } from '../../../shared/planning';

export const PLAN_ROUTE_SOURCE = 'plan-route';
export const PLAN_FENCE_SOURCE = 'plan-fence';
export const PLAN_HANDLES_SOURCE = 'plan-handles';
export const PLAN_LEG_ISSUES_SOURCE = 'plan-leg-issues';
export const PLAN_ITEMS_LAYER = 'plan-route-items';
export const PLAN_HANDLES_LAYER = 'plan-route-handles';

type FC = GeoJSON.FeatureCollection;

/**
 * The route line, the items (feature id = item index, so the selection and a drag are feature-state,
 * not a new setData of 2,000 points) and the planned home. `selectedIndex` is only for callers that
 * draw a static picture; the editor marks the selection with feature-state.
 */
/** `pts`: the plan's routePoints when the caller has them already (the view computes them once per edit). */
export function routeGeoJson(plan: Plan | null, selectedIndex: number | null = null, pts: RoutePoint[] = plan ? routePoints(plan) : []): FC {
  if (!plan) return { type: 'FeatureCollection', features: [] };
  const features: GeoJSON.Feature[] = [];
  if (pts.length > 1) features.push({ type: 'Feature', properties: { kind: 'route' }, geometry: { type: 'LineString', coordinates: pts.map((p) => [p.lon, p.lat]) } });
  for (const p of pts) {
    features.push({ type: 'Feature', id: p.index, properties: { kind: 'item', n: String(p.index + 1), selected: p.index === selectedIndex }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } });
  }
  const home = plan.mission.plannedHome;
  if (home) {
    features.push(...homeLegs(plan, pts, home));
    features.push({ type: 'Feature', properties: { kind: 'home' }, geometry: { type: 'Point', coordinates: [home.lon, home.lat] } });
  }
  return { type: 'FeatureCollection', features };
}

/** Under a metre from home: a takeoff written at home's own position is not a leg. */
const AT_HOME_DEG = 1e-5;

/**
 * The legs the vehicle flies that no item draws: from home to the first place, and back to home when
 * the mission ends with a return. Dashed, so they read as implied by home rather than as items.
 */
function homeLegs(plan: Plan, pts: RoutePoint[], home: LatLon): GeoJSON.Feature[] {
  if (pts.length === 0) return [];
  const leg = (a: LatLon, b: LatLon): GeoJSON.Feature => ({ type: 'Feature', properties: { kind: 'homeLeg' }, geometry: { type: 'LineString', coordinates: [[a.lon, a.lat], [b.lon, b.lat]] } });
  const away = (p: LatLon) => Math.abs(p.lat - home.lat) > AT_HOME_DEG || Math.abs(p.lon - home.lon) > AT_HOME_DEG;
  const out: GeoJSON.Feature[] = [];
  if (away(pts[0])) out.push(leg(home, pts[0]));
  const items = plan.mission.items;
  const last = pts[pts.length - 1];
  if (items.length > 0 && items[items.length - 1].command === MAV_CMD.NAV_RETURN_TO_LAUNCH && away(last)) out.push(leg(last, home));
  return out;
}

/** Rules about a leg: the issue sits on the item the leg flies to. */
const LEG_RULES = new Set<CheckRule>(['leg_crosses_exclusion', 'leg_below_ground', 'leg_over_ceiling', 'leg_over_crowd']);

/** The legs a check found wrong, to draw red over the route: the list says why, the map says where. */
export function legIssuesGeoJson(plan: Plan | null, issues: readonly PlanIssue[], pts?: RoutePoint[]): FC {
  if (!plan) return { type: 'FeatureCollection', features: [] };
  const bad = new Set(issues.filter((i) => LEG_RULES.has(i.rule) && i.itemIndex !== undefined).map((i) => i.itemIndex as number));
  if (bad.size === 0) return { type: 'FeatureCollection', features: [] };
  const route = pts ?? routePoints(plan);
  const features: GeoJSON.Feature[] = [];
  for (let k = 1; k < route.length; k++) {
    if (!bad.has(route[k].index)) continue;
    features.push({ type: 'Feature', properties: { kind: 'badLeg', to: route[k].index }, geometry: { type: 'LineString', coordinates: [[route[k - 1].lon, route[k - 1].lat], [route[k].lon, route[k].lat]] } });
  }
  return { type: 'FeatureCollection', features };
}

/** A handle halfway along each leg; dragging or clicking one inserts a waypoint before the leg's end item. */
export function handlesGeoJson(plan: Plan | null, pts: RoutePoint[] = plan ? routePoints(plan) : []): FC {
  if (!plan) return { type: 'FeatureCollection', features: [] };
  const features: GeoJSON.Feature[] = [];
  for (let k = 1; k < pts.length; k++) {
    const a = pts[k - 1];
    const b = pts[k];
    // Halfway in degrees: on legs of a few km the difference from the great-circle midpoint is sub-pixel.
    features.push({ type: 'Feature', properties: { kind: 'mid', before: b.index, from: a.index }, geometry: { type: 'Point', coordinates: [(a.lon + b.lon) / 2, (a.lat + b.lat) / 2] } });
  }
  return { type: 'FeatureCollection', features };
}

/** Outlines: fences (kind inclusion/exclusion), the areas patterns were made from, and loiter orbits. */
export function fenceGeoJson(plan: Plan | null, patterns: PatternInstance[] = []): FC {
  if (!plan) return { type: 'FeatureCollection', features: [] };
  const rings: Array<{ kind: string; ring: LatLon[] }> = [
    ...plan.fence.polygons.map((p) => ({ kind: p.inclusion ? 'inclusion' : 'exclusion', ring: p.vertices })),
    ...plan.fence.circles.map((c) => ({ kind: c.inclusion ? 'inclusion' : 'exclusion', ring: circleVertices(c.center, c.radiusM) })),
  ];
  for (const { spec } of patterns) {
    if (spec.kind === 'parallelTrack') rings.push(...[spec.polygon, ...spec.holes].map((ring) => ({ kind: 'area', ring })));
    else if (spec.kind === 'patrolPerimeter') rings.push({ kind: 'area', ring: spec.polygon });
    else if (spec.kind === 'overwatch') rings.push({ kind: 'crowd', ring: spec.crowd });
  }
  for (const it of plan.mission.items) {
    if (it.command === MAV_CMD.NAV_LOITER_TIME && Math.abs(it.param3) > 0) rings.push({ kind: 'orbit', ring: circleVertices({ lat: it.x, lon: it.y }, Math.abs(it.param3), 32) });
  }
  return {
    type: 'FeatureCollection',
    features: rings.map((r) => ({
      type: 'Feature',
      properties: { kind: r.kind },
      geometry: { type: 'Polygon', coordinates: [[...r.ring, r.ring[0]].map((v) => [v.lon, v.lat])] },
    })),
  };
}

function layers(): LayerSpecification[] {
  return [
    { id: 'plan-crowd-fill', type: 'fill', source: PLAN_FENCE_SOURCE, filter: ['==', ['get', 'kind'], 'crowd'], paint: { 'fill-color': '#f85149', 'fill-opacity': 0.15 } },
    {
      id: 'plan-fence-line',
      type: 'line',
      source: PLAN_FENCE_SOURCE,
      paint: {
        'line-color': ['match', ['get', 'kind'], 'inclusion', '#3fb950', 'exclusion', '#f85149', 'crowd', '#f85149', 'orbit', '#58a6ff', '#8b98a5'],
        'line-width': ['match', ['get', 'kind'], 'area', 1.5, 'orbit', 1.5, 2],
        'line-dasharray': [3, 2],
      },
    },
    { id: 'plan-route-line', type: 'line', source: PLAN_ROUTE_SOURCE, filter: ['==', ['get', 'kind'], 'route'], paint: { 'line-color': '#f0b429', 'line-width': 2.5 } },
    { id: 'plan-home-legs', type: 'line', source: PLAN_ROUTE_SOURCE, filter: ['==', ['get', 'kind'], 'homeLeg'], paint: { 'line-color': '#f0b429', 'line-width': 2, 'line-dasharray': [2, 2], 'line-opacity': 0.8 } },
    { id: 'plan-leg-issues', type: 'line', source: PLAN_LEG_ISSUES_SOURCE, paint: { 'line-color': '#f85149', 'line-width': 4.5 } },
    {
      id: PLAN_HANDLES_LAYER,
      type: 'circle',
      source: PLAN_HANDLES_SOURCE,
      paint: { 'circle-radius': 4, 'circle-color': 'rgba(240,180,41,0.25)', 'circle-stroke-color': '#f0b429', 'circle-stroke-width': 1.5 },
    },
    {
      id: PLAN_ITEMS_LAYER,
      type: 'circle',
      source: PLAN_ROUTE_SOURCE,
      filter: ['==', ['get', 'kind'], 'item'],
      paint: {
        'circle-radius': ['case', ['any', ['get', 'selected'], ['boolean', ['feature-state', 'selected'], false]], 8, 6],
        'circle-color': ['case', ['any', ['get', 'selected'], ['boolean', ['feature-state', 'selected'], false]], '#58a6ff', '#f0b429'],
        'circle-opacity': ['case', ['boolean', ['feature-state', 'dragging'], false], 0.35, 1],
        'circle-stroke-color': '#111',
        'circle-stroke-width': 1,
      },
    },
    { id: 'plan-home', type: 'circle', source: PLAN_ROUTE_SOURCE, filter: ['==', ['get', 'kind'], 'home'], paint: { 'circle-radius': 7, 'circle-color': '#3fb950', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } },
  ];
}

export function addPlanLayers(map: MapLibreMap): void {
  map.addSource(PLAN_FENCE_SOURCE, { type: 'geojson', data: fenceGeoJson(null) });
  map.addSource(PLAN_ROUTE_SOURCE, { type: 'geojson', data: routeGeoJson(null, null) });
  map.addSource(PLAN_HANDLES_SOURCE, { type: 'geojson', data: handlesGeoJson(null) });
  map.addSource(PLAN_LEG_ISSUES_SOURCE, { type: 'geojson', data: legIssuesGeoJson(null, []) });
  for (const l of layers()) map.addLayer(l);
}

export function setPlanData(map: MapLibreMap, route: FC | null, fence: FC | null, handles: FC | null = null): void {
  if (route) map.getSource<GeoJSONSource>(PLAN_ROUTE_SOURCE)?.setData(route);
  if (handles) map.getSource<GeoJSONSource>(PLAN_HANDLES_SOURCE)?.setData(handles);
  if (fence) map.getSource<GeoJSONSource>(PLAN_FENCE_SOURCE)?.setData(fence);
}

/** [[west, south], [east, north]] around the route and fence, or null for an empty plan. */
export function planBounds(plan: Plan): [[number, number], [number, number]] | null {
  const pts = [...routePoints(plan), ...plan.fence.polygons.flatMap((p) => p.vertices), ...plan.fence.circles.map((c) => c.center)];
  if (pts.length === 0) return null;
  const lons = pts.map((p) => p.lon);
  const lats = pts.map((p) => p.lat);
  return [[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]];
}
