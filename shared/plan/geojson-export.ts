// A plan as GeoJSON FeatureCollections (coordinates [lon, lat, alt]) for GIS tools and web maps.

import { circleVertices } from '../geo/bearing';
import { altMslM, commandName, routePoints } from './route';
import type { LatLon, Plan } from './types';

type Feature = { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } };

function closedRing(vertices: LatLon[]): number[][] {
  return [...vertices, vertices[0]].map((v) => [v.lon, v.lat]);
}

/** The route as a LineString plus one Point per waypoint; altitudes as the mission states them (see altRef). */
export function missionFeatures(plan: Plan): Feature[] {
  const points = routePoints(plan);
  const features: Feature[] = [];
  const home = plan.mission.plannedHome;
  if (home) {
    features.push({ type: 'Feature', properties: { kind: 'home', name: 'Home', altMslM: home.altMslM }, geometry: { type: 'Point', coordinates: [home.lon, home.lat, home.altMslM] } });
  }
  if (points.length >= 2) {
    features.push({
      type: 'Feature',
      properties: { kind: 'route', name: 'Route' },
      geometry: { type: 'LineString', coordinates: points.map((p) => [p.lon, p.lat, p.altM]) },
    });
  }
  for (const p of points) {
    features.push({
      type: 'Feature',
      properties: { kind: 'waypoint', name: String(p.index + 1), index: p.index, command: p.command, commandName: commandName(p.command), altM: p.altM, altRef: p.altRef, altMslM: altMslM(p, plan) ?? null },
      geometry: { type: 'Point', coordinates: [p.lon, p.lat, p.altM] },
    });
  }
  return features;
}

/** Fence polygons as Polygons; circles as 64-sided Polygons that also carry their exact centre and radius. */
export function fenceFeatures(plan: Plan): Feature[] {
  const features: Feature[] = [];
  plan.fence.polygons.forEach((p, i) => {
    if (p.vertices.length < 3) return;
    features.push({ type: 'Feature', properties: { kind: 'fence-polygon', name: `Fence ${i + 1}`, inclusion: p.inclusion }, geometry: { type: 'Polygon', coordinates: [closedRing(p.vertices)] } });
  });
  plan.fence.circles.forEach((c, i) => {
    features.push({
      type: 'Feature',
      properties: { kind: 'fence-circle', name: `Fence circle ${i + 1}`, inclusion: c.inclusion, radiusM: c.radiusM, center: [c.center.lon, c.center.lat] },
      geometry: { type: 'Polygon', coordinates: [closedRing(circleVertices(c.center, c.radiusM))] },
    });
  });
  return features;
}

const collection = (features: Feature[]): string => `${JSON.stringify({ type: 'FeatureCollection', features }, null, 2)}\n`;

export function writeMissionGeoJson(plan: Plan): string {
  return collection(missionFeatures(plan));
}

export function writeFenceGeoJson(plan: Plan): string {
  return collection(fenceFeatures(plan));
}
