// Which zones a position or a route enters: what the plan checks and the map need to say "this leg
// crosses the stadium no-fly zone". Horizontal test on the sphere-free local scale of a few km (the
// zone outline's lat/lon as planar, circles by great-circle distance), then the vertical band: a
// point above a zone's ceiling or below its floor is outside it; no altitude means "at any height".
import { distanceM } from '../geo/distance';
import { pointInPolygon } from '../geo/tiles';
import type { AirspaceZone } from './zone';

export interface PositionToCheck {
  lat: number;
  lon: number;
  /** Metres AMSL; absent: check only the outline. */
  altMslM?: number;
}

export function zoneContains(zone: AirspaceZone, p: PositionToCheck): boolean {
  const inside = zone.shape.type === 'circle' ? distanceM(zone.shape.center, p) <= zone.shape.radiusM : pointInPolygon(p, zone.shape.vertices);
  if (!inside || p.altMslM === undefined) return inside;
  if (zone.floorMslM !== undefined && p.altMslM < zone.floorMslM) return false;
  if (zone.ceilingMslM !== undefined && p.altMslM > zone.ceilingMslM) return false;
  return true;
}

export interface ZoneHit {
  zone: AirspaceZone;
  /** Index of the route point (or of the leg's start, for samples between points). */
  index: number;
  lat: number;
  lon: number;
}

/**
 * Zones entered along a route: every vertex, and samples every `stepM` along each leg (altitude
 * linear along the leg), so a leg that cuts through a small zone between two waypoints is caught.
 * One hit per zone, the first along the route.
 */
export function routeZoneHits(route: readonly PositionToCheck[], zones: readonly AirspaceZone[], stepM = 20): ZoneHit[] {
  const hits = new Map<string, ZoneHit>();
  const test = (p: PositionToCheck, index: number): void => {
    for (const z of zones) if (!hits.has(z.id) && zoneContains(z, p)) hits.set(z.id, { zone: z, index, lat: p.lat, lon: p.lon });
  };
  route.forEach((p, i) => {
    test(p, i);
    const q = route[i + 1];
    if (!q) return;
    const n = Math.min(5000, Math.floor(distanceM(p, q) / stepM));
    for (let k = 1; k < n; k++) {
      const t = k / n;
      const alt = p.altMslM !== undefined && q.altMslM !== undefined ? p.altMslM + (q.altMslM - p.altMslM) * t : undefined;
      test({ lat: p.lat + (q.lat - p.lat) * t, lon: p.lon + (q.lon - p.lon) * t, ...(alt === undefined ? {} : { altMslM: alt }) }, i);
    }
  });
  return [...hits.values()].sort((a, b) => a.index - b.index);
}
