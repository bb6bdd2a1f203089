// Map files into the Plan view, and the default patterns a shape makes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { ContractError } from '../../shared/contract/errors';
import { compilePattern, defaultSpec, importMapFile, KINDS_FOR_SHAPE, patternSpecSchema, type PlanShape } from '../../shared/planning';

const KML = join(__dirname, '..', 'fixtures', 'kml');
const WPL = join(__dirname, '..', 'fixtures', 'wpl');
let n = 0;
const newId = () => `s${++n}`;
const bytes = (path: string) => new Uint8Array(readFileSync(path));

function errorOf(f: () => unknown): ContractError {
  try {
    f();
  } catch (e) {
    if (e instanceof ContractError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('importMapFile', () => {
  it('a KML polygon becomes a polygon shape with a fresh id', () => {
    const r = importMapFile('PolygonGood.kml', bytes(join(KML, 'qgc-PolygonGood.kml')), newId);
    expect(r.kind).toBe('shapes');
    if (r.kind !== 'shapes') return;
    expect(r.shapes[0]).toMatchObject({ kind: 'polygon', id: expect.stringMatching(/^s\d+$/) });
    expect(r.shapes[0].points.length).toBeGreaterThanOrEqual(3);
    // Vertices are plain lat/lon: no altitudes leak into the plan's shapes.
    expect(Object.keys(r.shapes[0].points[0]).sort()).toEqual(['lat', 'lon']);
  });

  it('the same KML zipped as KMZ reads the same', () => {
    const kmz = zipSync({ 'doc.kml': bytes(join(KML, 'qgc-PolygonGood.kml')) });
    const r = importMapFile('area.kmz', kmz, newId);
    expect(r.kind === 'shapes' && r.shapes[0].kind).toBe('polygon');
  });

  it('broken XML is a readable error, not a crash', () => {
    const e = errorOf(() => importMapFile('bad.kml', bytes(join(KML, 'qgc-PolygonBadXml.kml')), newId));
    expect(e.code).toBe('kml_bad_xml');
    expect(e.userMessage.zh.length).toBeGreaterThan(0);
  });

  it('GeoJSON points and lines; a file with nothing usable says so', () => {
    const gj = JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { name: 'Gate' }, geometry: { type: 'Point', coordinates: [122.09, 46.07] } },
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[122.09, 46.07], [122.1, 46.08]] } },
    ] });
    const r = importMapFile('x.geojson', strToU8(gj), newId);
    expect(r.kind === 'shapes' && r.shapes.map((s) => [s.kind, s.name])).toEqual([['point', 'Gate'], ['line', undefined]]);
    const empty = errorOf(() => importMapFile('e.geojson', strToU8('{"type":"FeatureCollection","features":[]}'), newId));
    expect(empty.code).toBe('import_no_shapes');
  });

  it('a .waypoints file is a mission; an unknown extension is refused with what to pick', () => {
    const r = importMapFile('m.waypoints', bytes(join(WPL, 'qgc-MissionPlanner.waypoints')), newId);
    expect(r.kind).toBe('mission');
    expect(r.kind === 'mission' && r.plan.mission.items.length).toBeGreaterThan(0);
    expect(errorOf(() => importMapFile('photo.jpg', new Uint8Array(3), newId)).userMessage.en).toMatch(/\.kml, \.kmz, \.geojson or \.waypoints/);
  });
});

describe('defaultSpec', () => {
  const o = { lat: 46.07, lon: 122.09 };
  const shapes: Record<PlanShape['kind'], PlanShape> = {
    polygon: { id: 'p', kind: 'polygon', points: [o, { lat: 46.072, lon: 122.09 }, { lat: 46.072, lon: 122.094 }, { lat: 46.07, lon: 122.094 }] },
    line: { id: 'l', kind: 'line', points: [o, { lat: 46.075, lon: 122.095 }] },
    point: { id: 'pt', kind: 'point', points: [o] },
  };
  for (const shapeKind of Object.keys(shapes) as Array<PlanShape['kind']>) {
    for (const kind of KINDS_FOR_SHAPE[shapeKind]) {
      it(`${shapeKind} -> ${kind}: a valid spec that makes items`, () => {
        const spec = defaultSpec(kind, shapes[shapeKind], { altM: 60, stations: [] });
        expect(spec).not.toBeNull();
        expect(patternSpecSchema.safeParse(spec).success).toBe(true);
        expect(compilePattern(spec!, { firstSeq: 1 }).length).toBeGreaterThanOrEqual(2);
      });
    }
  }
  it('a shape cannot make a pattern of another shape kind', () => {
    expect(defaultSpec('parallelTrack', shapes.point, { altM: 60, stations: [] })).toBeNull();
  });
  it('a patrol starts where the drone arrives from: the nearest corner, the nearer end of a line', () => {
    const from = { lat: 46.0725, lon: 122.0945 }; // just beyond the polygon's third corner
    const perimeter = defaultSpec('patrolPerimeter', shapes.polygon, { altM: 60, stations: [], from });
    expect(perimeter?.kind === 'patrolPerimeter' && perimeter.polygon).toEqual([shapes.polygon.points[2], shapes.polygon.points[3], shapes.polygon.points[0], shapes.polygon.points[1]]);
    const line = defaultSpec('patrolLine', shapes.line, { altM: 60, stations: [], from: { lat: 46.076, lon: 122.096 } });
    expect(line?.kind === 'patrolLine' && line.points).toEqual([...shapes.line.points].reverse());
    const unchanged = defaultSpec('patrolLine', shapes.line, { altM: 60, stations: [] });
    expect(unchanged?.kind === 'patrolLine' && unchanged.points).toEqual(shapes.line.points);
  });
});
