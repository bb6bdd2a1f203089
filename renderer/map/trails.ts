// Vehicle trails as one GeoJSON source and two line layers. The source is created once and fed with
// setData; rebuilding layers on every telemetry update would re-upload buffers and flicker.
import type { FeatureCollection, LineString } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';

export const TRAILS_SOURCE_ID = 'vehicle-trails';
export const TRAIL_COLORS = { normal: '#3ec1ff', selected: '#ffd23f', lost: '#8a9096' } as const;

export interface TrailProps {
  key: string;
  selected: boolean;
  linkLost: boolean;
}

function isLonLat(p: unknown): p is [number, number] {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1]) &&
    Math.abs(p[1] as number) <= 90 &&
    Math.abs(p[0] as number) <= 540
  );
}

/**
 * Trails as line features. Points that are not finite [lon, lat] pairs are dropped (a bad fix must
 * not throw inside the map's worker), and a trail of fewer than two points draws nothing.
 */
export function trailsToGeoJSON(
  trails: Record<string, Array<[number, number]>>,
  selectedKey: string | null,
  lostKeys: ReadonlySet<string>,
): FeatureCollection<LineString, TrailProps> {
  const features: FeatureCollection<LineString, TrailProps>['features'] = [];
  for (const [key, points] of Object.entries(trails)) {
    if (!Array.isArray(points)) continue;
    const coordinates = points.filter(isLonLat).map((p) => [p[0], p[1]]);
    if (coordinates.length < 2) continue;
    features.push({
      type: 'Feature',
      properties: { key, selected: key === selectedKey, linkLost: lostKeys.has(key) },
      geometry: { type: 'LineString', coordinates },
    });
  }
  // The selected trail last, so it is drawn above the others where they cross.
  features.sort((a, b) => Number(a.properties.selected) - Number(b.properties.selected));
  return { type: 'FeatureCollection', features };
}

export function trailLayers(): LayerSpecification[] {
  return [
    {
      id: 'vehicle-trails-live',
      type: 'line',
      source: TRAILS_SOURCE_ID,
      filter: ['!', ['get', 'linkLost']],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': ['case', ['get', 'selected'], TRAIL_COLORS.selected, TRAIL_COLORS.normal],
        'line-width': ['case', ['get', 'selected'], 3, 2],
        'line-opacity': 0.85,
      },
    },
    {
      // Dashed grey: the track is old news once the link is lost, and must not look live.
      id: 'vehicle-trails-lost',
      type: 'line',
      source: TRAILS_SOURCE_ID,
      filter: ['get', 'linkLost'],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': TRAIL_COLORS.lost, 'line-width': 2, 'line-opacity': 0.7, 'line-dasharray': [2, 2] },
    },
  ];
}
