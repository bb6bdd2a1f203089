// The operations overlay on the Fly map: each vehicle's mission path (current item highlighted),
// fence, rally, home; separation rings around manned traffic; note pins and the point being picked.
// All GeoJSON line/circle/fill layers: the offline style has no glyphs, so text goes in DOM markers
// (trafficMarker.ts). Colours per vehicle come from one palette, by system id.
import type { GeoJSONSource, Map as MapLibreMap, LayerSpecification } from 'maplibre-gl';
import { circleVertices } from '../../shared/geo/bearing';
import type { Note } from '../../shared/contract/notes';
import type { MissionPicture, TrafficPicture } from '../../shared/contract/ops-types';
import type { VehicleSnapshot } from '../../shared/contract/types';

export const VEHICLE_PALETTE = ['#4fc3f7', '#ffb74d', '#ba68c8', '#81c784', '#f06292', '#fff176'];
export function vehicleColor(sysid: number): string {
  return VEHICLE_PALETTE[(sysid - 1 + VEHICLE_PALETTE.length) % VEHICLE_PALETTE.length];
}

type Feature = GeoJSON.Feature<GeoJSON.Geometry, Record<string, unknown>>;
const fc = (features: Feature[]): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features });
const ring = (center: { lat: number; lon: number }, radiusM: number): GeoJSON.Position[] => {
  const pts = circleVertices(center, radiusM, 48).map((p) => [p.lon, p.lat]);
  return [...pts, pts[0]];
};

const SOURCES = ['ops-missions', 'ops-rings', 'ops-marks'] as const;

const LAYERS: LayerSpecification[] = [
  { id: 'ops-rings-fill', type: 'fill', source: 'ops-rings', filter: ['==', ['get', 'kind'], 'ring'], paint: { 'fill-color': ['match', ['get', 'level'], 'violation', '#ff5252', 'predicted', '#ff9800', '#ffd54f'], 'fill-opacity': 0.08 } },
  { id: 'ops-rings-line', type: 'line', source: 'ops-rings', filter: ['==', ['get', 'kind'], 'ring'], paint: { 'line-color': ['match', ['get', 'level'], 'violation', '#ff5252', 'predicted', '#ff9800', '#ffd54f'], 'line-width': 1.5, 'line-dasharray': [3, 2] } },
  { id: 'ops-fence', type: 'line', source: 'ops-missions', filter: ['==', ['get', 'kind'], 'fence'], paint: { 'line-color': ['case', ['get', 'inclusion'], '#ef5350', '#ff8a65'], 'line-width': 2 } },
  { id: 'ops-path', type: 'line', source: 'ops-missions', filter: ['==', ['get', 'kind'], 'path'], paint: { 'line-color': ['get', 'color'], 'line-width': 2, 'line-opacity': 0.85 } },
  { id: 'ops-items', type: 'circle', source: 'ops-missions', filter: ['==', ['get', 'kind'], 'item'], paint: { 'circle-radius': ['case', ['get', 'current'], 7, 4], 'circle-color': ['case', ['get', 'current'], '#ffffff', ['get', 'color']], 'circle-stroke-color': ['get', 'color'], 'circle-stroke-width': ['case', ['get', 'current'], 3, 1] } },
  { id: 'ops-rally', type: 'circle', source: 'ops-missions', filter: ['==', ['get', 'kind'], 'rally'], paint: { 'circle-radius': 5, 'circle-color': '#26a69a', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } },
  { id: 'ops-home', type: 'circle', source: 'ops-marks', filter: ['==', ['get', 'kind'], 'home'], paint: { 'circle-radius': 6, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': ['get', 'color'], 'circle-stroke-width': 3 } },
  { id: 'ops-pins', type: 'circle', source: 'ops-marks', filter: ['==', ['get', 'kind'], 'pin'], paint: { 'circle-radius': 6, 'circle-color': ['match', ['get', 'category'], 'hazard', '#ff5252', 'position', '#4fc3f7', 'tasking', '#ffd54f', 'handover', '#ba68c8', '#bdbdbd'], 'circle-stroke-color': '#000000', 'circle-stroke-width': 1.5 } },
  { id: 'ops-picked', type: 'circle', source: 'ops-marks', filter: ['==', ['get', 'kind'], 'picked'], paint: { 'circle-radius': 9, 'circle-color': 'rgba(255,255,255,0.25)', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
];

export function missionFeatures(missions: readonly MissionPicture[], vehicles: readonly VehicleSnapshot[]): Feature[] {
  const out: Feature[] = [];
  for (const m of missions) {
    const v = vehicles.find((x) => x.key === m.key);
    const color = vehicleColor(Number(m.key.split(':')[0]));
    const current = v?.missionCurrent ?? null;
    if (m.points.length > 1) out.push({ type: 'Feature', properties: { kind: 'path', color, key: m.key }, geometry: { type: 'LineString', coordinates: m.points.map((p) => [p.lon, p.lat]) } });
    for (const p of m.points) out.push({ type: 'Feature', properties: { kind: 'item', color, current: p.seq === current, seq: p.seq }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } });
    for (const poly of m.fence?.polygons ?? []) {
      const coords = poly.vertices.map((q) => [q.lon, q.lat]);
      out.push({ type: 'Feature', properties: { kind: 'fence', inclusion: poly.inclusion }, geometry: { type: 'LineString', coordinates: [...coords, coords[0]] } });
    }
    for (const c of m.fence?.circles ?? []) out.push({ type: 'Feature', properties: { kind: 'fence', inclusion: c.inclusion }, geometry: { type: 'LineString', coordinates: ring(c.center, c.radiusM) } });
    for (const r of m.rally) out.push({ type: 'Feature', properties: { kind: 'rally' }, geometry: { type: 'Point', coordinates: [r.lon, r.lat] } });
  }
  return out;
}

export function ringFeatures(traffic: TrafficPicture | null): Feature[] {
  if (!traffic) return [];
  const violated = new Set(traffic.conflicts.filter((c) => c.level === 'violation').map((c) => c.otherId));
  const predicted = new Set(traffic.conflicts.map((c) => c.otherId));
  return traffic.tracks.map((t) => ({
    type: 'Feature',
    properties: { kind: 'ring', level: violated.has(t.id) ? 'violation' : predicted.has(t.id) ? 'predicted' : 'clear', id: t.id },
    geometry: { type: 'Polygon', coordinates: [ring(t, traffic.settings.byClass[t.aircraftClass].horizontalM)] },
  }));
}

export function markFeatures(vehicles: readonly VehicleSnapshot[], notes: readonly Note[], picked: { lat: number; lon: number } | null): Feature[] {
  const out: Feature[] = [];
  for (const v of vehicles) if (v.home) out.push({ type: 'Feature', properties: { kind: 'home', color: vehicleColor(v.sysid) }, geometry: { type: 'Point', coordinates: [v.home.lon, v.home.lat] } });
  for (const n of notes) if (n.pos) out.push({ type: 'Feature', properties: { kind: 'pin', category: n.category, id: n.id }, geometry: { type: 'Point', coordinates: [n.pos.lon, n.pos.lat] } });
  if (picked) out.push({ type: 'Feature', properties: { kind: 'picked' }, geometry: { type: 'Point', coordinates: [picked.lon, picked.lat] } });
  return out;
}

/** Adds the sources and layers once the style is loaded (below nothing: vehicles are DOM markers on top). */
export function ensureOpsLayers(map: MapLibreMap): void {
  for (const id of SOURCES) if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: fc([]) });
  for (const layer of LAYERS) if (!map.getLayer(layer.id)) map.addLayer(layer);
}

export function setOpsData(map: MapLibreMap, source: (typeof SOURCES)[number], features: Feature[]): void {
  map.getSource<GeoJSONSource>(source)?.setData(fc(features));
}
