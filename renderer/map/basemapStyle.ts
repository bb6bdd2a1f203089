// The offline default basemap: Natural Earth land and borders plus a generated graticule.
// No glyphs, sprites or tile URLs: the style must draw with no network at all, under file:// in
// Electron as well as over http from the server host. The GeoJSON is bundled into the JS as text
// (?raw) rather than fetched by URL, because MapLibre's worker cannot fetch file:// URLs.
import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import landText from '../../resources/basemap/land-50m.geojson?raw';
import bordersText from '../../resources/basemap/borders-50m.geojson?raw';
import { graticule } from './graticule';

/**
 * A dark palette for night operations: low overall luminance so it does not wreck a pilot's dark
 * adaptation, but land, water and borders stay distinct enough to read at a glance.
 */
export const BASEMAP_COLORS = {
  water: '#0b1a29',
  land: '#25313a',
  coast: '#4f7592',
  border: '#b49ac8',
  graticule: '#8fb3d1',
} as const;

export const BASEMAP_ATTRIBUTION = 'Natural Earth';

/** Ids of the basemap's own layers; overlays (trails, missions) go above the last one. */
export const BASEMAP_LAYER_IDS = {
  background: 'water',
  land: 'land',
  coast: 'coastline',
  borders: 'borders',
  graticuleMajor: 'graticule-10deg',
  graticuleDeg: 'graticule-1deg',
  graticuleFine: 'graticule-0.1deg',
  graticuleLocal: 'graticule-0.01deg',
} as const;

/** The 0.01 degree grid's source: empty in the style, filled around the view by MapView. */
export const LOCAL_GRATICULE_SOURCE_ID = 'graticule-local';
/** From this zoom the 0.01 degree lines are far enough apart (about 30 px at 46 N) to help. */
export const LOCAL_GRATICULE_MIN_ZOOM = 12;

function parseCollection(text: string, name: string): FeatureCollection {
  const data: unknown = JSON.parse(text);
  if (!data || typeof data !== 'object' || (data as { type?: unknown }).type !== 'FeatureCollection') {
    throw new Error(`basemap file ${name} is not a GeoJSON FeatureCollection`);
  }
  return data as FeatureCollection;
}

let cached: StyleSpecification | null = null;

/** The basemap style. Parsed once: the land file is over a megabyte of text. */
export function basemapStyle(): StyleSpecification {
  cached ??= buildBasemapStyle();
  return cached;
}

function buildBasemapStyle(): StyleSpecification {
  const c = BASEMAP_COLORS;
  const ids = BASEMAP_LAYER_IDS;
  return {
    version: 8,
    name: 'Offline basemap (Natural Earth)',
    sources: {
      land: {
        type: 'geojson',
        data: parseCollection(landText, 'land-50m.geojson'),
        attribution: BASEMAP_ATTRIBUTION,
        // 1:50m data has nothing to show past z10; overzooming those tiles saves worker time.
        maxzoom: 10,
      },
      borders: {
        type: 'geojson',
        data: parseCollection(bordersText, 'borders-50m.geojson'),
        attribution: BASEMAP_ATTRIBUTION,
        maxzoom: 10,
      },
      graticule: {
        type: 'geojson',
        data: graticule(),
        // Two-point straight lines: no simplification needed, and higher zooms only clip them.
        maxzoom: 12,
      },
      [LOCAL_GRATICULE_SOURCE_ID]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: ids.background, type: 'background', paint: { 'background-color': c.water } },
      { id: ids.land, type: 'fill', source: 'land', paint: { 'fill-color': c.land, 'fill-antialias': true } },
      {
        id: ids.coast,
        type: 'line',
        source: 'land',
        paint: { 'line-color': c.coast, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 10, 1.5] },
      },
      {
        id: ids.borders,
        type: 'line',
        source: 'borders',
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': c.border,
          'line-opacity': 0.75,
          'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.7, 10, 2],
          'line-dasharray': [3, 2],
        },
      },
      graticuleLayer(ids.graticuleMajor, 0, 0, 0.4),
      graticuleLayer(ids.graticuleDeg, 1, 5, 0.28),
      graticuleLayer(ids.graticuleFine, 2, 9, 0.2),
      {
        id: ids.graticuleLocal,
        type: 'line',
        source: LOCAL_GRATICULE_SOURCE_ID,
        minzoom: LOCAL_GRATICULE_MIN_ZOOM,
        paint: { 'line-color': BASEMAP_COLORS.graticule, 'line-opacity': 0.12, 'line-width': 1 },
      },
    ],
  };
}

function graticuleLayer(id: string, rank: number, minzoom: number, opacity: number): StyleSpecification['layers'][number] {
  return {
    id,
    type: 'line',
    source: 'graticule',
    minzoom,
    filter: ['==', ['get', 'rank'], rank],
    paint: { 'line-color': BASEMAP_COLORS.graticule, 'line-opacity': opacity, 'line-width': 1 },
  };
}
