// The shapes part of the plan on the map: drawn and imported shapes (violet, the selected one
// highlighted), rally points, the shape or circle being drawn with the pattern preview, and rings
// around the items that differ from the vehicle's mission. Kept apart from the route (amber) and the
// fence (green/red) by colour, so a search area is never mistaken for a fence.
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { routePoints } from '../../../../shared/plan/route';
import type { Plan, RallyPoint } from '../../../../shared/plan/types';
import type { PlanShape } from './types';

export const SHAPES_SOURCE = 'plan-shapes';
export const RALLY_SOURCE = 'plan-rally';
export const DRAFT_SOURCE = 'plan-draft';
export const DIFF_SOURCE = 'plan-diff';
export const SHAPE_HIT_LAYERS = ['plan-shapes-fill', 'plan-shapes-line', 'plan-shapes-point'];
export const RALLY_LAYER = 'plan-rally-points';

type FC = GeoJSON.FeatureCollection;
const empty = (): FC => ({ type: 'FeatureCollection', features: [] });
const ll = (p: { lat: number; lon: number }): [number, number] => [p.lon, p.lat];

export function shapesGeoJson(shapes: PlanShape[], selectedId: string | null): FC {
  return {
    type: 'FeatureCollection',
    features: shapes.map((s): GeoJSON.Feature => {
      const properties = { id: s.id, kind: s.kind, selected: s.id === selectedId };
      if (s.kind === 'point') return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: ll(s.points[0]) } };
      if (s.kind === 'line') return { type: 'Feature', properties, geometry: { type: 'LineString', coordinates: s.points.map(ll) } };
      const rings = [s.points, ...(s.holes ?? [])].map((r) => [...r, r[0]].map(ll));
      return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: rings } };
    }),
  };
}

export function rallyGeoJson(points: RallyPoint[]): FC {
  return { type: 'FeatureCollection', features: points.map((p, i) => ({ type: 'Feature', properties: { index: i }, geometry: { type: 'Point', coordinates: ll(p) } })) };
}

/** A ring at each listed mission item that has a position on the map. */
export function diffGeoJson(plan: Plan | null, indexes: number[]): FC {
  if (!plan || indexes.length === 0) return empty();
  const want = new Set(indexes);
  return { type: 'FeatureCollection', features: routePoints(plan).filter((p) => want.has(p.index)).map((p) => ({ type: 'Feature', properties: { index: p.index }, geometry: { type: 'Point', coordinates: ll(p) } })) };
}

const VIOLET = '#bc8cff';
const SELECTED = '#ffd33d';
const sel = <T,>(on: T, off: T) => ['case', ['get', 'selected'], on, off] as unknown as T;

function layers(): LayerSpecification[] {
  const isKind = (k: string) => ['==', ['get', 'kind'], k] as ['==', ['get', string], string];
  return [
    { id: 'plan-shapes-fill', type: 'fill', source: SHAPES_SOURCE, filter: isKind('polygon'), paint: { 'fill-color': sel(SELECTED, VIOLET), 'fill-opacity': sel(0.18, 0.08) } },
    { id: 'plan-shapes-line', type: 'line', source: SHAPES_SOURCE, filter: ['!=', ['get', 'kind'], 'point'], paint: { 'line-color': sel(SELECTED, VIOLET), 'line-width': sel(3.5, 2) } },
    { id: 'plan-shapes-point', type: 'circle', source: SHAPES_SOURCE, filter: isKind('point'), paint: { 'circle-radius': sel(8, 6), 'circle-color': sel(SELECTED, VIOLET), 'circle-stroke-color': '#111', 'circle-stroke-width': 1.5 } },
    { id: 'plan-diff-rings', type: 'circle', source: DIFF_SOURCE, paint: { 'circle-radius': 12, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#ff7b72', 'circle-stroke-width': 3 } },
    // A green ring round a dark centre: the planned home is a filled green dot, and the two were told apart only by the list.
    { id: RALLY_LAYER, type: 'circle', source: RALLY_SOURCE, paint: { 'circle-radius': 7, 'circle-color': '#0d1117', 'circle-stroke-color': '#3fb950', 'circle-stroke-width': 3.5 } },
    { id: 'plan-draft-fill', type: 'fill', source: DRAFT_SOURCE, filter: isKind('area'), paint: { 'fill-color': '#6fb7ff', 'fill-opacity': 0.12 } },
    { id: 'plan-draft-line', type: 'line', source: DRAFT_SOURCE, filter: ['!=', ['get', 'kind'], 'vertex'], paint: { 'line-color': ['match', ['get', 'kind'], 'preview', '#79c0ff', '#6fb7ff'], 'line-width': 2, 'line-dasharray': [2, 2] } },
    { id: 'plan-draft-vertex', type: 'circle', source: DRAFT_SOURCE, filter: isKind('vertex'), paint: { 'circle-radius': 4, 'circle-color': '#6fb7ff', 'circle-stroke-color': '#111', 'circle-stroke-width': 1 } },
  ];
}

/** Adds the sources and layers (idempotent). Shapes go under the fence and route, so the route stays on top. */
export function addShapeLayers(map: MapLibreMap): void {
  if (map.getSource(SHAPES_SOURCE)) return;
  for (const id of [SHAPES_SOURCE, RALLY_SOURCE, DRAFT_SOURCE, DIFF_SOURCE]) map.addSource(id, { type: 'geojson', data: empty() });
  const under = map.getLayer('plan-crowd-fill') ? 'plan-crowd-fill' : undefined;
  for (const l of layers()) map.addLayer(l, l.id.startsWith('plan-shapes') ? under : undefined);
}

export function setShapeData(map: MapLibreMap, source: string, data: FC): void {
  map.getSource<GeoJSONSource>(source)?.setData(data);
}
