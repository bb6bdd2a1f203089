// The shape being drawn, as pure functions the map hook calls: add a vertex, take the last one back,
// finish into a PlanShape, and the preview to draw (with the rubber band to the cursor).
import { circleVertices } from '../../../../shared/geo/bearing';
import type { LatLon } from '../../../../shared/plan/types';
import type { PlanPattern, PlanShape } from './types';

export type DrawTool = 'drawPolygon' | 'drawLine' | 'drawPoint';
type FC = GeoJSON.FeatureCollection;

const KIND: Record<DrawTool, PlanShape['kind']> = { drawPolygon: 'polygon', drawLine: 'line', drawPoint: 'point' };
const MIN: Record<PlanShape['kind'], number> = { polygon: 3, line: 2, point: 1 };

export const isDrawTool = (t: string): t is DrawTool => t in KIND;
export const shapeKindOf = (t: DrawTool): PlanShape['kind'] => KIND[t];
export const canFinish = (t: DrawTool, points: LatLon[]): boolean => points.length >= MIN[KIND[t]];

/** The first free id with this prefix ("area-3"): readable in files, never clashing with the plan's. */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/**
 * A double-click arrives as two clicks and a dblclick: the second click put a vertex on top of the
 * first. Vertices closer than `toleranceDeg` to the one before are dropped.
 */
export function withoutRepeats(points: LatLon[], toleranceDeg = 1e-7): LatLon[] {
  return points.filter((p, i) => i === 0 || Math.abs(p.lat - points[i - 1].lat) > toleranceDeg || Math.abs(p.lon - points[i - 1].lon) > toleranceDeg);
}

/** The finished shape, or null when there are too few vertices for its kind. */
export function finishDraft(tool: DrawTool, points: LatLon[], id: string, name: string): PlanShape | null {
  const pts = withoutRepeats(points).map((p) => ({ lat: p.lat, lon: p.lon }));
  const kind = KIND[tool];
  if (pts.length < MIN[kind]) return null;
  return { id, name, kind, points: kind === 'point' ? pts.slice(0, 1) : pts };
}

const ll = (p: LatLon): [number, number] => [p.lon, p.lat];

/** What the map shows while drawing: the vertices, the outline so far and the leg to the cursor. */
export function draftGeoJson(tool: DrawTool, points: LatLon[], cursor: LatLon | null): FC {
  const features: GeoJSON.Feature[] = points.map((p) => ({ type: 'Feature', properties: { kind: 'vertex' }, geometry: { type: 'Point', coordinates: ll(p) } }));
  const line = cursor ? [...points, cursor] : points;
  if (tool === 'drawPolygon' && line.length >= 3) {
    features.push({ type: 'Feature', properties: { kind: 'area' }, geometry: { type: 'Polygon', coordinates: [[...line, line[0]].map(ll)] } });
  } else if (tool !== 'drawPoint' && line.length >= 2) {
    features.push({ type: 'Feature', properties: { kind: 'edge' }, geometry: { type: 'LineString', coordinates: line.map(ll) } });
  }
  return { type: 'FeatureCollection', features };
}

/** A fence circle being placed: its centre and, until the second click, the cursor's radius. */
export function circleDraftGeoJson(centre: LatLon, radiusM: number): FC {
  const ring = circleVertices(centre, Math.max(radiusM, 0.5), 64);
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { kind: 'vertex' }, geometry: { type: 'Point', coordinates: ll(centre) } },
      { type: 'Feature', properties: { kind: 'area' }, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]].map(ll)] } },
    ],
  };
}

/** A pattern's path before it is added: dashed on the map so the pilot sees what "Add" will do. */
export function patternPreviewGeoJson(path: PlanPattern | null): FC {
  if (!path || path.length < 2) return { type: 'FeatureCollection', features: [] };
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { kind: 'preview' }, geometry: { type: 'LineString', coordinates: path.map(ll) } }] };
}

/** [[west, south], [east, north]] around the points, or null when there are none. */
export function boundsOf(points: LatLon[]): [[number, number], [number, number]] | null {
  if (points.length === 0) return null;
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const p of points) {
    w = Math.min(w, p.lon);
    e = Math.max(e, p.lon);
    s = Math.min(s, p.lat);
    n = Math.max(n, p.lat);
  }
  return [[w, s], [e, n]];
}
