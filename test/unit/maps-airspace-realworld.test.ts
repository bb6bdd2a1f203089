// Airspace import against files laid out the way real ones are (test/fixtures/airspace, see
// SOURCES.md: made here in the published formats, not downloaded): Google Earth Pro's nested folders,
// styles and MultiGeometry; a 3D volume drawn as floor, ceiling and walls (simplekml / KML+ layout);
// ogr2ogr's SchemaData; a namespace-prefixed file; a GB2312 file; KMZs with doc.kml in a folder,
// Chinese names and several documents. And broken ones, each with a sentence a pilot can act on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importZones } from '../../shared/airspace/import';
import { MAX_KMZ_UNPACKED_BYTES } from '../../shared/plan/kmz';
import { emptyPlan } from '../../shared/plan/types';
import { checkPlan } from '../../shared/planning';
import { refusal } from '../support/refusal';
import { patchZipEntry } from '../support/zip-patch';

const DIR = join(__dirname, '..', 'fixtures', 'airspace');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(DIR, name)));
const ground = (): number => 280;
const GBK_LINSHI_JINFEI = new Uint8Array([193, 217, 202, 177, 189, 251, 183, 201]); // 临时禁飞 in GBK

describe('airspace import of real-world KML layouts', () => {
  it("reads Google Earth Pro's nested folders, styles, MultiGeometry and altitude modes", () => {
    const { zones, warnings } = importZones(fixture('ge-ulanhot-zones.kml'), '乌兰浩特空域.kml', 'noFly', ground);
    expect(zones.map((z) => [z.name, z.kind, z.floorMslM, z.ceilingMslM])).toEqual([
      ['P-1 市政府', 'noFly', undefined, 900], // absolute; the LookAt's gx:altitudeMode is not the polygon's
      ['R-7 靶场 (1)', 'restricted', undefined, 430], // gx:altitudeMode relativeToSeaFloor: 150 m over 280 m ground
      ['R-7 靶场 (2)', 'restricted', undefined, undefined], // clampToGround (tessellated, alt 0): every height
      ['体育场 Stadium', 'noFly', 300, 1500], // ExtendedData limits and kind
      ['Bow tie', 'noFly', undefined, undefined],
    ]);
    const text = warnings.map((w) => w.en).join('\n');
    expect(text).toMatch(/2 item\(s\) without a polygon.*"直升机停机坪 Helipad", "巡逻路线"/);
    expect(text).toMatch(/Holes are ignored.*R-7 靶场/);
    expect(text).toMatch(/cross themselves.*"Bow tie"/);
    expect(warnings.every((w) => w.zh.length > 0)).toBe(true);
    // Three sentences for five kinds of trouble, not one per Placemark.
    expect(warnings).toHaveLength(3);
  });

  it('says which NetworkLinks it did not follow (an offline station cannot fetch them)', () => {
    const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>全国</name>
  <NetworkLink><name>内蒙古 禁飞区</name><Link><href>https://example.org/zones/nm.kmz</href></Link></NetworkLink>
  <NetworkLink><Link><href>files/extra.kml</href></Link></NetworkLink>
  <Placemark><name>Local</name><Polygon><outerBoundaryIs><LinearRing><coordinates>122,46 122.01,46 122.01,46.01 122,46</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Document></kml>`;
    const { zones, warnings } = importZones(strToU8(kml), 'index.kml');
    expect(zones).toHaveLength(1);
    expect(warnings[0]!.en).toBe('2 network link(s) to zones kept elsewhere were not followed (the station works offline); import those files themselves: "内蒙古 禁飞区", "files/extra.kml".');
    // In a KMZ that holds files/extra.kml, that link is read, not reported.
    const kmz = zipSync({ 'doc.kml': strToU8(kml), 'files/extra.kml': fixture('prefixed-ns.kml') });
    const both = importZones(kmz, 'index.kmz');
    expect(both.zones.map((z) => z.name)).toEqual(['Local', 'Night market']);
    expect(both.warnings.map((w) => w.en).join('\n')).toMatch(/1 network link\(s\).*"内蒙古 禁飞区"\./);
  });

  it('makes one zone with a floor and a ceiling of a 3D volume drawn as floor, ceiling and walls', () => {
    const { zones, warnings } = importZones(fixture('kmlplus-volume.kml'), 'zbul.kml', 'noFly', ground);
    expect(zones).toHaveLength(1);
    // Unnamed faces take their folder's name; 管制 (controlled) in it makes the zone restricted.
    expect(zones[0]).toMatchObject({ name: 'ZBUL 管制地带 CTR #1', kind: 'restricted', floorMslM: 580, ceilingMslM: 880 });
    expect(zones[0]!.shape.type === 'polygon' && zones[0]!.shape.vertices).toHaveLength(6);
    expect(warnings.map((w) => w.en).join('\n')).toMatch(/6 polygon\(s\) enclose no area.*vertical walls/);

    // What the pilot sees: a patrol under the control zone's floor is not flagged, one inside it is.
    const plan = emptyPlan();
    plan.mission.plannedHome = { lat: 46.195, lon: 122.008, altMslM: 280 };
    const wp = (z: number) => ({ frame: 3, command: 16, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: 46.196, y: 122.009, z });
    plan.mission.items = [wp(100)];
    const asZones = zones.map((z, i) => ({ ...z, id: String(i) }));
    expect(checkPlan(plan, { zones: asZones }).filter((i) => i.rule === 'zone')).toEqual([]);
    plan.mission.items = [wp(400)];
    expect(checkPlan(plan, { zones: asZones }).filter((i) => i.rule === 'zone')).toHaveLength(1);
    // A leg that descends from over the ceiling (980 m AMSL) to under the floor (380 m) passes through the band.
    const at = (lat: number, z: number) => ({ ...wp(z), x: lat });
    plan.mission.items = [at(46.25, 700), at(46.196, 100)];
    expect(checkPlan(plan, { zones: asZones }).filter((i) => i.rule === 'zone').map((i) => i.itemIndex)).toEqual([1]);
    plan.mission.items = [at(46.25, 100), at(46.196, 100)];
    expect(checkPlan(plan, { zones: asZones }).filter((i) => i.rule === 'zone')).toEqual([]);
  });

  it('leaves a volume given above ground unlimited, and says so, where no terrain is loaded', () => {
    const { zones, warnings } = importZones(fixture('kmlplus-volume.kml'), 'zbul.kml', 'noFly', null);
    expect(zones).toHaveLength(1);
    expect(zones[0]!.floorMslM).toBeUndefined();
    expect(zones[0]!.ceilingMslM).toBeUndefined();
    expect(warnings.some((w) => /above ground but no terrain/.test(w.en) && /没有地形数据/.test(w.zh))).toBe(true);
  });

  it("reads ogr2ogr's Schema/SchemaData fields, a namespace-prefixed file and a GB2312 file", () => {
    const ogr = importZones(fixture('ogr-schemadata.kml'), 'zones.kml', 'noFly', null);
    expect(ogr.zones.map((z) => [z.name, z.kind, z.floorMslM, z.ceilingMslM])).toEqual([
      ['学校 School (1)', 'restricted', 0, 420],
      ['学校 School (2)', 'restricted', 0, 420],
      ['看守所', 'noFly', undefined, undefined],
    ]);
    const prefixed = importZones(fixture('prefixed-ns.kml'), 'tfr.kml', 'noFly', ground);
    expect(prefixed.zones.map((z) => [z.name, z.kind, z.ceilingMslM])).toEqual([['Night market', 'restricted', 400]]);
    const gb = importZones(fixture('gb2312-declared.kml'), 'tmp.kml', 'noFly', null);
    expect(gb.zones.map((z) => z.name)).toEqual(['火车站广场 临时禁飞']);
  });

  it('reads a KMZ whose doc.kml sits in a folder with Chinese names, as zipping a folder makes it', () => {
    const kml = fixture('ge-ulanhot-zones.kml');
    const kmz = zipSync({ '乌兰浩特空域/doc.kml': kml, '乌兰浩特空域/files/icon.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
    const fromKmz = importZones(kmz, '乌兰浩特空域.kmz', 'noFly', ground);
    const fromKml = importZones(kml, '乌兰浩特空域.kmz', 'noFly', ground);
    expect(fromKmz.zones).toEqual(fromKml.zones);
  });

  it('reads every .kml of a KMZ that holds several, and names them (GBK names too)', () => {
    let kmz = zipSync({
      'doc.kml': fixture('prefixed-ns.kml'),
      'layers/ogr.kml': fixture('ogr-schemadata.kml'),
      'XXXXXXXX.kml': fixture('gb2312-declared.kml'),
      '__MACOSX/._doc.kml': new Uint8Array([0, 5, 22, 7]),
    });
    kmz = patchZipEntry(kmz, 2, { nameBytes: new Uint8Array([...GBK_LINSHI_JINFEI, ...strToU8('.kml')]) });
    const { zones, warnings } = importZones(kmz, 'bundle.kmz', 'noFly', ground);
    expect(zones.map((z) => z.name)).toEqual(['Night market', '学校 School (1)', '学校 School (2)', '看守所', '火车站广场 临时禁飞']);
    expect(warnings[0]!.en).toBe('This KMZ holds 3 .kml files; zones were read from all of them: "doc.kml", "layers/ogr.kml", "临时禁飞.kml".');
  });
});

describe('broken airspace files give a sentence a pilot can act on', () => {
  it('a KML cut short', () => {
    const e = refusal(() => importZones(fixture('broken-truncated.kml'), 'zones.kml'));
    expect(e.userMessage.en).toMatch(/^zones\.kml ends early: the file was cut short .*Copy or download it again\.$/);
    expect(e.userMessage.zh).toMatch(/文件不完整/);
  });

  it('coordinates written latitude first, and out of range', () => {
    const swapped = refusal(() => importZones(fixture('broken-swapped.kml'), 'a.kml'));
    expect(swapped.userMessage.en).toMatch(/临时管制区 A.*"46\.0726,122\.0933,0".*latitude and longitude look swapped/);
    expect(swapped.userMessage.zh).toMatch(/经纬度似乎写反了/);
    const range = refusal(() => importZones(fixture('broken-out-of-range.kml'), 'b.kml'));
    expect(range.userMessage.en).toMatch(/临时管制区 B.*"222\.1033,46\.0726,0" is not "longitude,latitude\[,altitude\]"\.$/);
  });

  it('a web page saved as .kml, and a file that is not a zip named .kmz', () => {
    expect(refusal(() => importZones(fixture('broken-html-page.kml'), 'zones.kml')).userMessage.en).toMatch(/web page \(HTML\).*login or error page/);
    expect(refusal(() => importZones(strToU8('Rar!\x1a\x07\x00 not really'), 'zones.kmz')).userMessage.en).toMatch(/not a KMZ: a KMZ is a ZIP archive/);
  });

  it('a KMZ cut short, encrypted, or without a .kml', () => {
    const kmz = zipSync({ 'doc.kml': fixture('ge-ulanhot-zones.kml') });
    const cut = refusal(() => importZones(kmz.subarray(0, Math.floor(kmz.length * 0.6)), 'zones.kmz'));
    expect(cut.code).toBe('kmz_bad_zip');
    expect(cut.userMessage.en).toMatch(/damaged or incomplete.*Copy it again/);
    const locked = refusal(() => importZones(patchZipEntry(kmz, 0, { method: 99 }), 'zones.kmz'));
    expect(locked.userMessage.en).toMatch(/doc\.kml in this KMZ is encrypted.*without a password/);
    expect(refusal(() => importZones(zipSync({ 'readme.txt': strToU8('see attachment') }), 'zones.kmz')).code).toBe('kmz_no_kml');
  });

  it('a zip bomb is refused by its declared size before anything is inflated', () => {
    // Declared sizes only (a few bytes of data): if the reader trusted them it would allocate 3 GB.
    const kmz = zipSync({ 'doc.kml': fixture('prefixed-ns.kml') });
    const huge = refusal(() => importZones(patchZipEntry(kmz, 0, { uncompressedSize: 3_000_000_000 }), 'bomb.kmz'));
    expect(huge.code).toBe('kmz_too_big');
    expect(huge.userMessage.en).toMatch(/more than 64 MB of KML.*Ask the sender for the original file/);
    // Many entries each under the limit, together over it.
    let many = zipSync(Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`part${i}.kml`, strToU8('<kml/>')])));
    for (let i = 0; i < 5; i++) many = patchZipEntry(many, i, { uncompressedSize: 20 * 1024 * 1024 });
    expect(refusal(() => importZones(many, 'parts.kmz')).code).toBe('kmz_too_big');
    // A real one: 80 MB of spaces compress to ~80 kB.
    const pad = new Uint8Array(MAX_KMZ_UNPACKED_BYTES + 16 * 1024 * 1024).fill(0x20);
    const real = zipSync({ 'doc.kml': pad }, { level: 1 });
    expect(real.length).toBeLessThan(1_000_000);
    expect(refusal(() => importZones(real, 'real-bomb.kmz')).code).toBe('kmz_too_big');
  });

  it('a zip whose declared size lies low is read only up to that size, then refused as cut short', () => {
    const text = new TextDecoder().decode(fixture('prefixed-ns.kml'));
    const big = strToU8(text.replace('</kml:kml>', `${' '.repeat(20_000_000)}</kml:kml>`));
    const kmz = patchZipEntry(zipSync({ 'doc.kml': big }), 0, { uncompressedSize: text.length });
    expect(refusal(() => importZones(kmz, 'liar.kmz')).userMessage.en).toMatch(/ends early/);
  });
});

describe('airspace import of GeoJSON as GIS tools export it', () => {
  it("reads QGIS's export: CRS84 crs member, MultiPolygons, 名称 names, null fields, a circle point, a line and an empty feature", () => {
    const { zones, warnings } = importZones(fixture('qgis-zones.geojson'), 'zones.geojson');
    expect(zones.map((z) => [z.name, z.kind, z.shape.type, z.floorMslM, z.ceilingMslM])).toEqual([
      ['第一中学', 'restricted', 'polygon', undefined, 420],
      ['市看守所 (1)', 'noFly', 'polygon', undefined, undefined],
      ['市看守所 (2)', 'noFly', 'polygon', undefined, undefined],
      ['医院停机坪', 'noFly', 'circle', undefined, undefined],
    ]);
    expect(warnings.map((w) => w.en)).toEqual(['2 item(s) without a polygon (points, lines, labels) were skipped: "巡逻线", "空要素".']);
  });

  it('reads a bare geometry and a GeometryCollection', () => {
    const poly = { type: 'Polygon', coordinates: [[[122, 46], [122.01, 46], [122.01, 46.01], [122, 46]]] };
    expect(importZones(strToU8(JSON.stringify(poly)), 'one.geojson').zones).toHaveLength(1);
    const gc = { type: 'Feature', properties: { name: '集合' }, geometry: { type: 'GeometryCollection', geometries: [poly, { type: 'LineString', coordinates: [[122, 46], [123, 47]] }, poly] } };
    expect(importZones(strToU8(JSON.stringify(gc)), 'gc.geojson').zones.map((z) => z.name)).toEqual(['集合 (1)', '集合 (2)']);
  });

  it('refuses Web Mercator metres, a foreign crs, and swapped positions with the fix', () => {
    const merc = refusal(() => importZones(fixture('broken-webmercator.geojson'), 'zones.geojson'));
    expect(merc.userMessage.en).toMatch(/EPSG::3857, not WGS-84 longitude\/latitude\. Export it again as EPSG:4326/);
    const noCrs = JSON.parse(new TextDecoder().decode(fixture('broken-webmercator.geojson'))) as { crs?: unknown };
    delete noCrs.crs;
    expect(refusal(() => importZones(strToU8(JSON.stringify(noCrs)), 'zones.geojson')).userMessage.en).toMatch(/metres in a projected system.*EPSG:4326/);
    const swapped = { type: 'Feature', properties: { name: 'A' }, geometry: { type: 'Polygon', coordinates: [[[46, 122], [46.01, 122], [46.01, 122.01], [46, 122]]] } };
    expect(refusal(() => importZones(strToU8(JSON.stringify(swapped)), 'a.geojson')).userMessage.en).toMatch(/\[46, 122\] is not \[longitude, latitude\]: they look swapped/);
  });
});
