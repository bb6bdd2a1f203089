// The plan on the map: the route as one line, the items as numbered circles, the fence as outlines.
// One GeoJSON source each, replaced only when the plan changes.
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { circleVertices } from '../../../shared/geo/bearing';
import { MAV_CMD } from '../../../shared/plan/mav-enums';
import { routePoints } from '../../../shared/plan/route';
import type { LatLon, Plan } from '../../../shared/plan/types';
import type { PatternInstance } from '../../../shared/planning';

export const PLAN_ROUTE_SOURCE = 'plan-route';
export const PLAN_FENCE_SOURCE = 'plan-fence';

type FC = GeoJSON.FeatureCollection;

export function routeGeoJson(plan: Plan | null, selectedIndex: number | null): FC {
  if (!plan) return { type: 'FeatureCollection', features: [] };
  const pts = routePoints(plan);
  const features: GeoJSON.Feature[] = [];
  if (pts.length > 1) features.push({ type: 'Feature', properties: { kind: 'route' }, geometry: { type: 'LineString', coordinates: pts.map((p) => [p.lon, p.lat]) } });
  for (const p of pts) {
    features.push({ type: 'Feature', properties: { kind: 'item', n: String(p.index + 1), selected: p.index === selectedIndex }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } });
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
    {
      id: 'plan-route-items',
      type: 'circle',
      source: PLAN_ROUTE_SOURCE,
      filter: ['==', ['get', 'kind'], 'item'],
      paint: { 'circle-radius': ['case', ['get', 'selected'], 8, 5], 'circle-color': ['case', ['get', 'selected'], '#58a6ff', '#f0b429'], 'circle-stroke-color': '#111', 'circle-stroke-width': 1 },
    },
  ];
}

export function addPlanLayers(map: MapLibreMap): void {
  map.addSource(PLAN_FENCE_SOURCE, { type: 'geojson', data: fenceGeoJson(null) });
  map.addSource(PLAN_ROUTE_SOURCE, { type: 'geojson', data: routeGeoJson(null, null) });
  for (const l of layers()) map.addLayer(l);
}

export function setPlanData(map: MapLibreMap, route: FC | null, fence: FC | null): void {
  if (route) map.getSource<GeoJSONSource>(PLAN_ROUTE_SOURCE)?.setData(route);
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
