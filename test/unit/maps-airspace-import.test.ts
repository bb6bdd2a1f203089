// Airspace import: the real QGroundControl KML fixtures (good and broken), and KML/KMZ/GeoJSON files
// built the way published airspace files are (nested folders, MultiGeometry, extruded polygons with
// each altitude mode, ExtendedData limits), plus broken ones that must give a clear error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { airportZone, importZones } from '../../shared/airspace/import';
import { refusal } from '../support/refusal';

const FIXTURES = join(__dirname, '..', 'fixtures', 'kml');
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const ring = (lon: number, lat: number, alt?: number): string => {
  const a = alt === undefined ? '' : `,${alt}`;
  return `${lon},${lat}${a} ${lon + 0.01},${lat}${a} ${lon + 0.01},${lat + 0.01}${a} ${lon},${lat + 0.01}${a} ${lon},${lat}${a}`;
};

const AIRSPACE_KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
<Document><name>Ulanhot airspace</name>
  <Folder><name>Prohibited</name>
    <Folder><name>Government</name>
      <Placemark><name>P-1 Compound</name>
        <Polygon><extrude>1</extrude><altitudeMode>absolute</altitudeMode>
          <outerBoundaryIs><LinearRing><coordinates>${ring(122.05, 46.05, 900)}</coordinates></LinearRing></outerBoundaryIs>
        </Polygon>
      </Placemark>
    </Folder>
  </Folder>
  <Folder><name>限制区 Restricted</name>
    <Placemark><name>R-7 Range</name>
      <MultiGeometry>
        <Polygon><altitudeMode>relativeToGround</altitudeMode>
          <outerBoundaryIs><LinearRing><coordinates>${ring(122.1, 46.1, 120)}</coordinates></LinearRing></outerBoundaryIs>
          <innerBoundaryIs><LinearRing><coordinates>${ring(122.102, 46.102)}</coordinates></LinearRing></innerBoundaryIs>
        </Polygon>
        <Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(122.2, 46.1)}</coordinates></LinearRing></outerBoundaryIs></Polygon>
        <Point><coordinates>122.1,46.1</coordinates></Point>
      </MultiGeometry>
    </Placemark>
    <Placemark><name>Stadium</name>
      <ExtendedData><Data name="kind"><value>noFly</value></Data><Data name="floorMslM"><value>300</value></Data><Data name="ceilingMslM"><value>1500</value></Data></ExtendedData>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(122.3, 46.0)}</coordinates></LinearRing></outerBoundaryIs></Polygon>
    </Placemark>
    <Placemark><name>Helipad</name><Point><coordinates>122.1,46.0</coordinates></Point></Placemark>
  </Folder>
</Document></kml>`;

describe('airspace import', () => {
  it('reads nested folders, MultiGeometry and the three altitude modes', () => {
    const ground = (): number => 280;
    const { zones, warnings } = importZones(enc(AIRSPACE_KML), 'ulanhot.kml', 'noFly', ground);
    expect(zones.map((z) => [z.name, z.kind])).toEqual([
      ['P-1 Compound', 'noFly'],
      ['R-7 Range (1)', 'restricted'],
      ['R-7 Range (2)', 'restricted'],
      ['Stadium', 'noFly'],
    ]);
    expect(zones[0]).toMatchObject({ ceilingMslM: 900, source: 'ulanhot.kml' });
    expect(zones[0]!.shape).toMatchObject({ type: 'polygon' });
    expect(zones[0]!.shape.type === 'polygon' && zones[0]!.shape.vertices).toHaveLength(4); // ring closed once
    expect(zones[1]!.ceilingMslM).toBe(400); // 120 m above ground at 280 m
    expect(zones[2]!.ceilingMslM).toBeUndefined(); // clampToGround: no upper limit
    expect(zones[3]).toMatchObject({ floorMslM: 300, ceilingMslM: 1500 });
    const texts = warnings.map((w) => w.en).join('\n');
    expect(texts).toMatch(/holes are ignored/i);
    expect(texts).toMatch(/without a polygon.*Helipad/);
  });

  it('leaves a ceiling above ground open (with a warning) where no terrain is loaded', () => {
    const { zones, warnings } = importZones(enc(AIRSPACE_KML), 'ulanhot.kml', 'noFly', null);
    expect(zones[1]!.ceilingMslM).toBeUndefined();
    expect(warnings.some((w) => /no terrain/.test(w.en) && /地形/.test(w.zh))).toBe(true);
  });

  it('reads the same file zipped as KMZ, and the real QGroundControl polygon fixture', () => {
    const kmz = zipSync({ 'doc.kml': strToU8(AIRSPACE_KML), 'files/icon.png': new Uint8Array([1, 2, 3]) });
    expect(importZones(kmz, 'ulanhot.kmz').zones).toHaveLength(4);
    const good = importZones(new Uint8Array(readFileSync(join(FIXTURES, 'qgc-PolygonGood.kml'))), 'PolygonGood.kml', 'restricted');
    expect(good.zones.length).toBeGreaterThanOrEqual(1);
    expect(good.zones[0]!.kind).toBe('restricted');
  });

  it('reads GeoJSON polygons, multipolygons and circles', () => {
    const geo = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'Prison', kind: 'noFly', ceilingMslM: 800 }, geometry: { type: 'Polygon', coordinates: [[[122, 46], [122.01, 46], [122.01, 46.01], [122, 46]]] } },
        { type: 'Feature', properties: { name: 'Danger area' }, geometry: { type: 'MultiPolygon', coordinates: [[[[122, 46], [122.01, 46], [122, 46.01]]], [[[123, 46], [123.01, 46], [123, 46.01]]]] } },
        { type: 'Feature', properties: { name: 'Hospital pad', radiusM: 300 }, geometry: { type: 'Point', coordinates: [122.05, 46.05] } },
        { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[122, 46], [122.1, 46.1]] } },
      ],
    };
    const { zones, warnings } = importZones(enc(JSON.stringify(geo)), 'zones.geojson');
    expect(zones.map((z) => [z.name, z.kind, z.shape.type])).toEqual([
      ['Prison', 'noFly', 'polygon'],
      ['Danger area (1)', 'restricted', 'polygon'],
      ['Danger area (2)', 'restricted', 'polygon'],
      ['Hospital pad', 'noFly', 'circle'],
    ]);
    expect(zones[0]!.ceilingMslM).toBe(800);
    expect(warnings).toHaveLength(1);
  });

  it('refuses broken files with a clear bilingual error', () => {
    const badXml = refusal(() => importZones(new Uint8Array(readFileSync(join(FIXTURES, 'qgc-PolygonBadXml.kml'))), 'PolygonBadXml.kml'));
    expect(badXml.userMessage.en).toMatch(/not well-formed XML/);
    expect(badXml.userMessage.zh).toMatch(/XML/);
    expect(refusal(() => importZones(enc('<html><body/></html>'), 'page.kml')).userMessage.en).toMatch(/not KML/);
    expect(refusal(() => importZones(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]), 'broken.kmz')).code).toMatch(/kmz/);
    expect(refusal(() => importZones(enc('{"type":"FeatureCollection","features":[]}'), 'empty.geojson')).userMessage.en).toMatch(/no features/);
    expect(refusal(() => importZones(enc('{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[500,46],[1,2],[3,4]]]}}'), 'x.json')).userMessage.en).toMatch(/longitude, latitude/);
    expect(refusal(() => importZones(enc('{"type": '), 'cut.geojson')).userMessage.en).toMatch(/not JSON/);
    expect(refusal(() => importZones(enc('hello'), 'notes.txt')).userMessage.zh).toMatch(/不是 KML/);
    const badCoords = AIRSPACE_KML.replace('122.05,46.05,900', '122.05;46.05');
    expect(refusal(() => importZones(enc(badCoords), 'bad.kml')).userMessage.en).toMatch(/P-1 Compound/);
  });

  it('makes the airport template circle', () => {
    expect(airportZone('ZBUL', { lat: 46.2, lon: 122.0 }, 5000)).toEqual({ name: 'ZBUL', kind: 'noFly', shape: { type: 'circle', center: { lat: 46.2, lon: 122.0 }, radiusM: 5000 }, source: 'airport template' });
  });
});
