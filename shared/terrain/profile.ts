// The altitude profile of a route against the ground, for the Plan view's chart and its checks: the
// route is sampled every `sampleSpacingM` along each leg (and at every vertex), each sample with its
// distance from the start, the route's altitude (linear along a leg, as the vehicle climbs) and the
// ground under it. Height above ground is the number the 120 m ceiling and terrain clearance use.
import { distanceM } from '../geo/distance';
import type { GroundElevationFn } from './model';

export interface ProfilePoint {
  lat: number;
  lon: number;
  altMslM: number;
}

export interface ProfileSample {
  distanceM: number;
  lat: number;
  lon: number;
  /** The route's altitude here, metres AMSL. */
  altMslM: number;
  /** Ground under it, metres AMSL; null where the elevation model has no data. */
  groundMslM: number | null;
  /** altMslM - groundMslM; null without ground data. */
  heightAglM: number | null;
  /** Index of the route vertex this sample sits on, when it is one. */
  vertex?: number;
}

export interface TerrainProfile {
  samples: ProfileSample[];
  totalM: number;
  /** Lowest height above ground along the route, and where (null when no ground data at all). */
  minAgl: { heightAglM: number; distanceM: number } | null;
  maxAgl: { heightAglM: number; distanceM: number } | null;
  /** Samples without ground data: the route is partly outside the loaded tiles. */
  missing: number;
}

export const MAX_PROFILE_SAMPLES = 5000;

/** A point along a route: which leg it is on and how far along it (t from 0 to 1). */
export interface LegSample {
  distanceM: number;
  lat: number;
  lon: number;
  /** Index of the leg (from route[leg] to route[leg + 1]); the last vertex is on the last leg at t = 1. */
  leg: number;
  t: number;
  /** Index of the route vertex this sample sits on, when it is one. */
  vertex?: number;
}

/**
 * Points every `spacingM` along each leg and at every vertex. Never more than `maxSamples` between
 * the vertices: a very long route gets coarser sampling, not a frozen UI or an oversized request.
 * Straight-line interpolation of lat/lon: legs are short (metres to kilometres), error negligible.
 */
export function sampleLegs(route: ReadonlyArray<{ lat: number; lon: number }>, spacingM: number, maxSamples = MAX_PROFILE_SAMPLES): LegSample[] {
  const legs: number[] = [];
  for (let i = 1; i < route.length; i++) legs.push(distanceM(route[i - 1]!, route[i]!));
  const totalM = legs.reduce((a, b) => a + b, 0);
  const spacing = Math.max(spacingM, totalM / Math.max(1, maxSamples), 0.1);
  const out: LegSample[] = [];
  let start = 0;
  for (let i = 0; i < route.length; i++) {
    const p = route[i]!;
    const leg = Math.min(i, Math.max(0, route.length - 2));
    out.push({ distanceM: start, lat: p.lat, lon: p.lon, leg, t: i === leg ? 0 : 1, vertex: i });
    if (i === route.length - 1) break;
    const q = route[i + 1]!;
    const len = legs[i]!;
    for (let d = spacing; d < len - 1e-6; d += spacing) {
      const t = d / len;
      out.push({ distanceM: start + d, lat: p.lat + (q.lat - p.lat) * t, lon: p.lon + (q.lon - p.lon) * t, leg: i, t });
    }
    start += len;
  }
  return out;
}

export function terrainProfile(route: readonly ProfilePoint[], ground: GroundElevationFn, sampleSpacingM = 30): TerrainProfile {
  const at = sampleLegs(route, sampleSpacingM);
  const totalM = at.length > 0 ? at[at.length - 1]!.distanceM : 0;
  const samples: ProfileSample[] = at.map(({ distanceM: dist, lat, lon, leg, t, vertex }) => {
    const a = route[leg]!;
    const b = route[Math.min(leg + 1, route.length - 1)]!;
    // The vehicle climbs or descends evenly along a leg.
    const altMslM = a.altMslM + (b.altMslM - a.altMslM) * t;
    const g = ground(lat, lon);
    return { distanceM: dist, lat, lon, altMslM, groundMslM: g, heightAglM: g === null ? null : altMslM - g, ...(vertex === undefined ? {} : { vertex }) };
  });
  let minAgl: TerrainProfile['minAgl'] = null;
  let maxAgl: TerrainProfile['maxAgl'] = null;
  let missing = 0;
  for (const s of samples) {
    if (s.heightAglM === null) {
      missing++;
      continue;
    }
    if (!minAgl || s.heightAglM < minAgl.heightAglM) minAgl = { heightAglM: s.heightAglM, distanceM: s.distanceM };
    if (!maxAgl || s.heightAglM > maxAgl.heightAglM) maxAgl = { heightAglM: s.heightAglM, distanceM: s.distanceM };
  }
  return { samples, totalM, minAgl, maxAgl, missing };
}

/**
 * A GroundElevationFn over heights fetched once (for example with the mapsGroundHeight call): the
 * renderer's plan checks can then run synchronously. Points are matched to 1e-7 degrees.
 */
export function elevationLookup(points: ReadonlyArray<{ lat: number; lon: number }>, heightsMslM: ReadonlyArray<number | null>): GroundElevationFn {
  const key = (lat: number, lon: number): string => `${Math.round(lat * 1e7)},${Math.round(lon * 1e7)}`;
  const table = new Map<string, number | null>();
  points.forEach((p, i) => table.set(key(p.lat, p.lon), heightsMslM[i] ?? null));
  return (lat, lon) => table.get(key(lat, lon)) ?? null;
}
