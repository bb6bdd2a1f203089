import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseKml, parseKmlOrKmz, parseKmz, parseQgcPlan, PlanFileError, writeMissionKml } from '../../shared/plan';

const fixtures = join(__dirname, '..', 'fixtures');
const kmlText = (name: string): string => readFileSync(join(fixtures, 'kml', name), 'utf8');

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PlanFileError);
    return (err as PlanFileError).code;
  }
  throw new Error('expected a PlanFileError');
}

const NESTED = `<?xml version="1.0"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Ops</name>
 <Folder><name>Areas</name><Folder>
  <Placemark><name>Night market</name><Polygon>
   <outerBoundaryIs><LinearRing><coordinates>114.0,22.5,0 114.1,22.5,0 114.1,22.6,0 114.0,22.6,0 114.0,22.5,0</coordinates></LinearRing></outerBoundaryIs>
   <innerBoundaryIs><LinearRing><coordinates>114.02,22.52 114.04,22.52 114.04,22.54 114.02,22.52</coordinates></LinearRing></innerBoundaryIs>
  </Polygon></Placemark>
 </Folder></Folder>
 <Placemark><name>Patrol</name><MultiGeometry>
   <LineString><coordinates>
     114.0, 22.5, 50
     114.2, 22.7, 60
   </coordinates></LineString>
   <Point><coordinates>114.3,22.8</coordinates></Point>
 </MultiGeometry></Placemark>
 <Placemark><Point><coordinates>114.5,22.9,10</coordinates></Point></Placemark>
</Document></kml>`;

describe('KML import', () => {
  it('reads the QGC polygon with its name, without the closing vertex', () => {
    const shapes = parseKml(kmlText('qgc-PolygonGood.kml'));
    expect(shapes).toHaveLength(1);
    const s = shapes[0];
    expect(s.kind).toBe('polygon');
    if (s.kind !== 'polygon') return;
    expect(s.name).toBe('Untitled Polygon');
    expect(s.outer).toHaveLength(4);
    expect(s.outer[0]).toEqual({ lat: 47.65965281788451, lon: -122.1059149362712, altM: 0 });
    expect(s.holes).toEqual([]);
  });

  it('rejects broken XML clearly', () => {
    expect(code(() => parseKml(kmlText('qgc-PolygonBadXml.kml')))).toBe('kml_bad_xml');
    expect(() => parseKml(kmlText('qgc-PolygonBadXml.kml'))).toThrow(/not well-formed XML/);
    expect(code(() => parseKml('<kml><Document></kml>'))).toBe('kml_bad_xml');
    expect(code(() => parseKml('<gpx></gpx>'))).toBe('kml_bad_xml');
  });

  it('reads nested folders, holes, MultiGeometry, lines and points', () => {
    const shapes = parseKml(NESTED);
    expect(shapes.map((s) => [s.kind, s.name])).toEqual([
      ['polygon', 'Night market'],
      ['line', 'Patrol'],
      ['point', 'Patrol'],
      ['point', undefined],
    ]);
    const poly = shapes[0];
    if (poly.kind !== 'polygon') throw new Error('polygon expected');
    expect(poly.outer).toHaveLength(4);
    expect(poly.holes).toHaveLength(1);
    expect(poly.holes[0]).toEqual([{ lat: 22.52, lon: 114.02 }, { lat: 22.52, lon: 114.04 }, { lat: 22.54, lon: 114.04 }]);
    const line = shapes[1];
    if (line.kind !== 'line') throw new Error('line expected');
    expect(line.points).toEqual([{ lat: 22.5, lon: 114, altM: 50 }, { lat: 22.7, lon: 114.2, altM: 60 }]);
  });

  it('rejects coordinates that are not lon,lat naming the placemark', () => {
    const bad = NESTED.replace('114.3,22.8', '114.3;22.8');
    expect(() => parseKml(bad)).toThrow(/Placemark 2 "Patrol"/);
    expect(code(() => parseKml(NESTED.replace('114.5,22.9,10', '22.9,200')))).toBe('kml_bad_coordinates');
  });
});

describe('KMZ import', () => {
  const good = kmlText('qgc-PolygonGood.kml');

  it('reads doc.kml, else the first .kml', () => {
    const expected = parseKml(good);
    expect(parseKmz(zipSync({ 'doc.kml': strToU8(good), 'files/icon.png': new Uint8Array([1, 2, 3]) }))).toEqual(expected);
    expect(parseKmz(zipSync({ 'files/a.png': new Uint8Array([1]), 'area.kml': strToU8(good) }))).toEqual(expected);
    expect(parseKmlOrKmz(zipSync({ 'doc.kml': strToU8(good) }))).toEqual(expected);
    expect(parseKmlOrKmz(strToU8(good))).toEqual(expected);
  });

  it('rejects a zip without KML and a broken zip', () => {
    expect(code(() => parseKmz(zipSync({ 'readme.txt': strToU8('hi') })))).toBe('kmz_no_kml');
    const zip = zipSync({ 'doc.kml': strToU8(good) }, { level: 9 });
    expect(code(() => parseKmz(zip.slice(0, zip.length - 30)))).toBe('kmz_bad_zip');
  });
});

describe('KML export of a mission', () => {
  const plan = parseQgcPlan(readFileSync(join(fixtures, 'plan', 'mavsdk-qgroundcontrol_sample.plan'), 'utf8'));
  plan.fence.circles.push({ inclusion: true, center: { lat: 47.3978, lon: 8.5459 }, radiusM: 200 });

  it('draws the route at MSL altitude (home known) and a placemark per waypoint', () => {
    const kml = writeMissionKml(plan, { name: 'Patrol <A & B>' });
    expect(kml).toContain('<name>Patrol &lt;A &amp; B&gt;</name>');
    expect(kml).toContain('<altitudeMode>absolute</altitudeMode>');
    const shapes = parseKml(kml);
    const route = shapes.find((s) => s.kind === 'line');
    if (route?.kind !== 'line') throw new Error('route expected');
    // takeoff + 3 waypoints; the camera and RTL items are not places
    expect(route.points).toHaveLength(4);
    expect(route.points[0]).toEqual({ lat: 47.3977507, lon: 8.5456075, altM: 488.93101752001763 + 50 });
    const names = shapes.filter((s) => s.kind === 'point').map((s) => s.name);
    expect(names).toEqual(['Home', '1', '2', '4', '5']);
    const fence = shapes.find((s) => s.kind === 'polygon');
    expect(fence?.kind === 'polygon' && fence.outer.length).toBe(64);
  });

  it('falls back to height above ground without a home', () => {
    const noHome = { ...plan, mission: { ...plan.mission, plannedHome: undefined } };
    const kml = writeMissionKml(noHome);
    expect(kml).toContain('<altitudeMode>relativeToGround</altitudeMode>');
    const route = parseKml(kml).find((s) => s.kind === 'line');
    expect(route?.kind === 'line' && route.points[0].altM).toBe(50);
  });
});
