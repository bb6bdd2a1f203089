// The maps area's layers on a MapLibre map: each enabled raster source (cache, pack or upstream, all
// through the station's /tiles/ route) in the pilot's order above the offline basemap and below its
// graticule, and the airspace zones on top (no-fly red, restricted amber). Pure functions of the
// store's lists, applied in place so toggling a source does not reload the map.
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { AirspaceZone } from '../../shared/airspace/zone';
import { circleVertices } from '../../shared/geo/bearing';
import type { MapSource } from '../../shared/maps/sources';
import { BASEMAP_LAYER_IDS } from './basemapStyle';

const RASTER_PREFIX = 'maps-src-';
export const ZONES_SOURCE_ID = 'maps-zones';
export const ZONE_COLORS = { noFly: '#ff4d4d', restricted: '#ffb020' } as const;

/** The tile URL template of a source, on whichever host serves this page (http or app://). */
export function tileUrl(origin: string, sourceId: string): string {
  return `${origin}/tiles/${encodeURIComponent(sourceId)}/{z}/{x}/{y}`;
}

export function applySources(map: MapLibreMap, sources: readonly MapSource[], origin: string): void {
  const wanted = sources.filter((s) => s.enabled && (!s.needsToken || s.hasToken));
  const wantedIds = new Set(wanted.map((s) => RASTER_PREFIX + s.id));
  for (const layer of map.getStyle().layers ?? []) {
    if (layer.id.startsWith(RASTER_PREFIX) && !wantedIds.has(layer.id)) {
      map.removeLayer(layer.id);
      map.removeSource(layer.id);
    }
  }
  const before = map.getLayer(BASEMAP_LAYER_IDS.graticuleMajor) ? BASEMAP_LAYER_IDS.graticuleMajor : undefined;
  for (const s of wanted) {
    const id = RASTER_PREFIX + s.id;
    if (!map.getSource(id)) {
      map.addSource(id, { type: 'raster', tiles: [tileUrl(origin, s.id)], tileSize: 256, maxzoom: s.maxZoom, attribution: s.attribution });
      map.addLayer({ id, type: 'raster', source: id, paint: { 'raster-opacity': s.opacity, 'raster-fade-duration': 0 } }, before);
    } else {
      map.setPaintProperty(id, 'raster-opacity', s.opacity);
    }
  }
  // The pilot's order: each layer moved just below the graticule in turn ends up in list order.
  for (const s of wanted) map.moveLayer(RASTER_PREFIX + s.id, before);
}

export function zonesToGeoJSON(zones: readonly AirspaceZone[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: zones.map((z) => {
      const ring = z.shape.type === 'polygon' ? z.shape.vertices : circleVertices(z.shape.center, z.shape.radiusM, 72);
      const coords = ring.map((p) => [p.lon, p.lat]);
      coords.push(coords[0]!);
      return { type: 'Feature', properties: { id: z.id, name: z.name, kind: z.kind }, geometry: { type: 'Polygon', coordinates: [coords] } };
    }),
  };
}

export function applyZones(map: MapLibreMap, zones: readonly AirspaceZone[]): void {
  const data = zonesToGeoJSON(zones);
  const source = map.getSource<GeoJSONSource>(ZONES_SOURCE_ID);
  if (source) {
    source.setData(data);
    return;
  }
  map.addSource(ZONES_SOURCE_ID, { type: 'geojson', data });
  const color: ['match', ['get', string], string, string, string] = ['match', ['get', 'kind'], 'noFly', ZONE_COLORS.noFly, ZONE_COLORS.restricted];
  map.addLayer({ id: 'maps-zones-fill', type: 'fill', source: ZONES_SOURCE_ID, paint: { 'fill-color': color, 'fill-opacity': 0.18 } });
  map.addLayer({ id: 'maps-zones-line', type: 'line', source: ZONES_SOURCE_ID, paint: { 'line-color': color, 'line-width': 2, 'line-dasharray': [4, 2] } });
}
