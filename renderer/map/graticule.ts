// Graticule (lines of equal latitude and longitude) generated in code, so it needs no data file.
// In Web Mercator meridians and parallels are straight, so each line needs only its two end points;
// that keeps even the 0.1 degree grid of the whole world to a few thousand tiny features.
import type { Feature, FeatureCollection, LineString } from 'geojson';

/** Web Mercator stops short of the poles; lines beyond this latitude are never drawn. */
export const MERCATOR_MAX_LAT = 85;

/**
 * Coarsest step first. A line belongs to the coarsest level it falls on (the equator is rank 0,
 * not also rank 1 and 2), so the style can show each rank from its own zoom without drawing twice.
 */
export const GRATICULE_STEPS_DEG = [10, 1, 0.1] as const;

export interface GraticuleLineProps {
  /** Index into GRATICULE_STEPS_DEG of the coarsest grid this line lies on. */
  rank: number;
  axis: 'meridian' | 'parallel';
  /** The line's longitude (meridian) or latitude (parallel), in degrees. */
  valueDeg: number;
}

export type GraticuleFeature = Feature<LineString, GraticuleLineProps>;

/**
 * The values k * stepDeg within [min, max], computed from integers so that 0.1 steps do not
 * drift (0.1 + 0.1 + 0.1 !== 0.3) and compare exactly with coarser grids.
 */
export function gridValues(minDeg: number, maxDeg: number, stepDeg: number): number[] {
  if (!(stepDeg > 0) || !Number.isFinite(minDeg) || !Number.isFinite(maxDeg) || maxDeg < minDeg) return [];
  const first = Math.ceil(minDeg / stepDeg - 1e-9);
  const last = Math.floor(maxDeg / stepDeg + 1e-9);
  const out: number[] = [];
  for (let k = first; k <= last; k++) out.push(roundDeg(k * stepDeg));
  return out;
}

/** Rounded to 1e-6 degrees so that 3 * 0.1 and 0.3 are the same number. */
function roundDeg(v: number): number {
  const r = Math.round(v * 1e6) / 1e6;
  return r === 0 ? 0 : r; // no -0 in the data
}

/** The coarsest rank whose step divides valueDeg. */
export function rankOf(valueDeg: number, steps: readonly number[] = GRATICULE_STEPS_DEG): number {
  for (let rank = 0; rank < steps.length; rank++) {
    const q = valueDeg / steps[rank];
    if (Math.abs(q - Math.round(q)) < 1e-6) return rank;
  }
  return steps.length - 1;
}

export interface GraticuleBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

export const WORLD_BOUNDS: GraticuleBounds = { west: -180, south: -MERCATOR_MAX_LAT, east: 180, north: MERCATOR_MAX_LAT };

/**
 * All graticule lines of every step in GRATICULE_STEPS_DEG inside `bounds`, each once, tagged with
 * its rank. Meridians run from bounds.south to bounds.north; parallels from west to east.
 */
export function graticule(
  bounds: GraticuleBounds = WORLD_BOUNDS,
  steps: readonly number[] = GRATICULE_STEPS_DEG,
): FeatureCollection<LineString, GraticuleLineProps> {
  const south = roundDeg(Math.max(bounds.south, -MERCATOR_MAX_LAT));
  const north = roundDeg(Math.min(bounds.north, MERCATOR_MAX_LAT));
  const west = roundDeg(bounds.west);
  const east = roundDeg(bounds.east);
  const features: GraticuleFeature[] = [];
  const finest = steps[steps.length - 1];
  if (finest === undefined) return { type: 'FeatureCollection', features };

  for (const lon of gridValues(west, east, finest)) {
    features.push(line('meridian', lon, rankOf(lon, steps), [lon, south], [lon, north]));
  }
  for (const lat of gridValues(south, north, finest)) {
    features.push(line('parallel', lat, rankOf(lat, steps), [west, lat], [east, lat]));
  }
  return { type: 'FeatureCollection', features };
}

function line(
  axis: GraticuleLineProps['axis'],
  valueDeg: number,
  rank: number,
  from: [number, number],
  to: [number, number],
): GraticuleFeature {
  return {
    type: 'Feature',
    properties: { rank, axis, valueDeg },
    geometry: { type: 'LineString', coordinates: [from, to] },
  };
}

/** The finest grid, drawn only around the view: a whole-world 0.01 degree grid would be 54,000 lines. */
export const LOCAL_GRID_STEP_DEG = 0.01;
/** Beyond this span the 0.01 degree lines would be a few pixels apart and are not drawn at all. */
export const LOCAL_GRID_MAX_SPAN_DEG = 1;

/**
 * 0.01 degree lines (those not already on the 0.1 degree grid) covering `bounds` plus a margin, so
 * small pans do not show an edge before the next update. Empty when the view is too large.
 */
export function localFineGraticule(bounds: GraticuleBounds): FeatureCollection<LineString, GraticuleLineProps> {
  const spanLon = bounds.east - bounds.west;
  const spanLat = bounds.north - bounds.south;
  if (!(spanLon >= 0 && spanLat >= 0) || spanLon > LOCAL_GRID_MAX_SPAN_DEG || spanLat > LOCAL_GRID_MAX_SPAN_DEG) {
    return { type: 'FeatureCollection', features: [] };
  }
  const padded: GraticuleBounds = {
    west: bounds.west - spanLon / 2,
    east: bounds.east + spanLon / 2,
    south: bounds.south - spanLat / 2,
    north: bounds.north + spanLat / 2,
  };
  const grid = graticule(padded, [0.1, LOCAL_GRID_STEP_DEG]);
  return { type: 'FeatureCollection', features: grid.features.filter((f) => f.properties.rank === 1) };
}
