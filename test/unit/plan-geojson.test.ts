import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distanceM } from '../../shared/geo/distance';
import { bearingDeg, destinationPoint } from '../../shared/geo/bearing';
import { parseGeoJson, parseKml, parseQgcPlan, PlanFileError, writeFenceGeoJson, writeMissionGeoJson, writeMissionKml } from '../../shared/plan';

const fixtures = join(__dirname, '..', 'fixtures');

describe('GeoJSON import', () => {
  it('reads features of every supported geometry with their names', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'Area' }, geometry: { type: 'Polygon', coordinates: [[[114, 22.5], [114.1, 22.5], [114.1, 22.6], [114, 22.5]], [[114.01, 22.51], [114.02, 22.51], [114.02, 22.52], [114.01, 22.51]]] } },
        { type: 'Feature', properties: { title: 'Two' }, geometry: { type: 'MultiPolygon', coordinates: [[[[1, 1], [2, 1], [2, 2], [1, 1]]], [[[3, 3], [4, 3], [4, 4], [3, 3]]]] } },
        { type: 'Feature', properties: null, geometry: { type: 'LineString', coordinates: [[1, 2, 30], [3, 4, 40]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]] } },
        { type: 'Feature', properties: { name: 'P' }, geometry: { type: 'Point', coordinates: [114.3, 22.8] } },
        { type: 'Feature', properties: {}, geometry: null },
      ],
    };
    const shapes = parseGeoJson(JSON.stringify(fc));
    expect(shapes.map((s) => [s.kind, s.name])).toEqual([
      ['polygon', 'Area'], ['polygon', 'Two'], ['polygon', 'Two'], ['line', undefined], ['line', undefined], ['line', undefined], ['point', 'P'],
    ]);
    const area = shapes[0];
    if (area.kind !== 'polygon') throw new Error('polygon expected');
    expect(area.outer).toEqual([{ lat: 22.5, lon: 114 }, { lat: 22.5, lon: 114.1 }, { lat: 22.6, lon: 114.1 }]);
    expect(area.holes).toHaveLength(1);
    expect(shapes[3].kind === 'line' && shapes[3].points[1]).toEqual({ lat: 4, lon: 3, altM: 40 });
  });

  it('reads a bare geometry and a single Feature', () => {
    expect(parseGeoJson('{"type":"Point","coordinates":[1,2]}')).toEqual([{ kind: 'point', point: { lat: 2, lon: 1 } }]);
    expect(parseGeoJson('{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Point","coordinates":[1,2]}}')[0].name).toBe('x');
  });

  it('rejects what it cannot read with geojson_bad', () => {
    for (const bad of ['{', '[]', '{"type":"Circle"}', '{"type":"Point","coordinates":[200,0]}', '{"type":"FeatureCollection","features":[1]}', '{"type":"LineString","coordinates":"x"}']) {
      expect(() => parseGeoJson(bad), bad).toThrow(PlanFileError);
    }
  });
});

describe('GeoJSON export', () => {
  const plan = parseQgcPlan(readFileSync(join(fixtures, 'plan', 'qgc-simple_square.plan'), 'utf8'));

  it('writes the route and waypoints, readable back as shapes', () => {
    const fc = JSON.parse(writeMissionGeoJson(plan));
    expect(fc.type).toBe('FeatureCollection');
    const route = fc.features.find((f: { properties: { kind: string } }) => f.properties.kind === 'route');
    expect(route.geometry.coordinates).toHaveLength(5);
    expect(route.geometry.coordinates[0]).toEqual([8.545594, 47.397742, 20]);
    const wps = fc.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'waypoint');
    expect(wps.map((f: { properties: { altMslM: number } }) => f.properties.altMslM)).toEqual([508, 508, 508, 508, 508]);
    const shapes = parseGeoJson(JSON.stringify(fc));
    expect(shapes.filter((s) => s.kind === 'line')).toHaveLength(1);
    expect(shapes.filter((s) => s.kind === 'point')).toHaveLength(6); // home + 5
  });

  it('writes fence polygons and circles as Polygons', () => {
    const fencePlan = parseQgcPlan(readFileSync(join(fixtures, 'plan', 'qgc-ce_geofence_home_base.plan'), 'utf8'));
    fencePlan.fence.circles.push({ inclusion: false, center: { lat: 38.75, lon: -77.497 }, radiusM: 100 });
    const fc = JSON.parse(writeFenceGeoJson(fencePlan));
    expect(fc.features.map((f: { properties: { kind: string; inclusion: boolean } }) => [f.properties.kind, f.properties.inclusion])).toEqual([
      ['fence-polygon', true], ['fence-polygon', false], ['fence-circle', false],
    ]);
    const shapes = parseGeoJson(JSON.stringify(fc));
    expect(shapes[0].kind === 'polygon' && shapes[0].outer).toEqual(fencePlan.fence.polygons[0].vertices);
    const circle = shapes[2];
    if (circle.kind !== 'polygon') throw new Error('polygon expected');
    for (const v of circle.outer) expect(distanceM({ lat: 38.75, lon: -77.497 }, v)).toBeCloseTo(100, 6);
  });

  it('KML and GeoJSON exports agree on the route', () => {
    // Reading our own KML export through the KML reader: the two formats describe the same flight.
    const kmlRoute = parseKml(writeMissionKml(plan)).find((s) => s.kind === 'line');
    const gjRoute = parseGeoJson(writeMissionGeoJson(plan)).find((s) => s.kind === 'line');
    if (kmlRoute?.kind !== 'line' || gjRoute?.kind !== 'line') throw new Error('both exports should have a route');
    expect(kmlRoute.points).toHaveLength(5);
    expect(kmlRoute.points.map((p) => [p.lat, p.lon])).toEqual(gjRoute.points.map((p) => [p.lat, p.lon]));
  });
});

describe('geo helpers', () => {
  it('distance, bearing and destination agree', () => {
    const a = { lat: 22.5, lon: 114 };
    const b = destinationPoint(a, 45, 1000);
    expect(distanceM(a, b)).toBeCloseTo(1000, 6);
    expect(bearingDeg(a, b)).toBeCloseTo(45, 3);
    expect(distanceM({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111195, -1);
  });
});
