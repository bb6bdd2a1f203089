// Airspace zones from GeoJSON: Polygon and MultiPolygon features (outer rings; GeometryCollections
// opened), and Points with a radius property (radiusM / radius, metres) as circles; a bare geometry
// is read as one feature. Properties: name (or 名称), kind (noFly/restricted), floorMslM/ceilingMslM
// (or lower/upper), metres AMSL. Files exported in a projected system (Web Mercator metres, the usual
// mistake in a GIS export) are refused with the fix, not as "bad coordinates".
import { ContractError, msg } from '../contract/errors';
import { openRing, validLatLon } from '../plan/shapes';
import { ImportNotes } from './import-notes';
import { kindFromWords, numberField, type ZoneImportResult } from './import-kml';
import { footprintWidthM, MIN_ZONE_WIDTH_M, selfCrosses } from './outline';
import type { ZoneKind } from './zone';

const MAX_ZONES = 5000;
const MAX_DEPTH = 8;

function bad(en: string, zh: string): ContractError {
  return new ContractError('airspace-bad-file', msg(`This GeoJSON file cannot be used: ${en}`, `无法使用该 GeoJSON 文件：${zh}`));
}

const PROJECTED = bad(
  'its positions are metres in a projected system (such as Web Mercator, EPSG:3857), not degrees. Export it again as WGS-84 longitude/latitude (EPSG:4326).',
  '其坐标是投影坐标系中的米（如 Web 墨卡托 EPSG:3857），不是经纬度。请以 WGS-84 经纬度（EPSG:4326）重新导出。',
);

function position(pos: unknown, where: string): { lat: number; lon: number } {
  const [lon, lat] = Array.isArray(pos) ? (pos as unknown[]) : [];
  if (typeof lat !== 'number' || typeof lon !== 'number' || !validLatLon(lat, lon)) {
        // Metres, not degrees: Web Mercator or Gauss-Krüger values are in the thousands to millions.
    if (typeof lat === 'number' && typeof lon === 'number' && Math.max(Math.abs(lon), Math.abs(lat)) > 1000 && Math.max(Math.abs(lon), Math.abs(lat)) < 2.1e7) throw PROJECTED;
    const swapped = typeof lat === 'number' && typeof lon === 'number' && validLatLon(lon, lat);
    throw bad(
      `${where}: [${String(lon)}, ${String(lat)}] is not [longitude, latitude]${swapped ? ': they look swapped (GeoJSON writes longitude first)' : ''}.`,
      `${where}：[${String(lon)}, ${String(lat)}] 不是 [经度, 纬度]${swapped ? '：似乎写反了（GeoJSON 先写经度）' : ''}。`,
    );
  }
  return { lat, lon };
}

function ringOf(v: unknown, where: string): Array<{ lat: number; lon: number }> {
  if (!Array.isArray(v)) throw bad(`${where}: a ring is not a list of positions.`, `${where}：环不是坐标列表。`);
  return openRing(v.map((pos) => position(pos, where)));
}

/** A declared crs (GeoJSON 2008) other than longitude/latitude degrees: refused before any position. */
function checkCrs(root: { crs?: { properties?: { name?: unknown } } }): void {
  const name = root.crs?.properties?.name;
  if (typeof name !== 'string') return;
  // CRS84, EPSG:4326 and China's CGCS2000 (EPSG:4490) are all degrees on WGS-84 at this scale.
  if (/CRS84|EPSG:*:?(4326|4490)\b/i.test(name)) return;
  const crs = name.slice(0, 60);
  throw bad(
    `it declares its coordinates in ${crs}, not WGS-84 longitude/latitude. Export it again as EPSG:4326 (WGS-84) from the GIS that made it.`,
    `其坐标声明为 ${crs}，不是 WGS-84 经纬度。请在生成它的 GIS 软件中以 EPSG:4326（WGS-84）重新导出。`,
  );
}

type Geometry = { type?: unknown; coordinates?: unknown; geometries?: unknown };

/** Polygons (each a list of rings) and points of a geometry, GeometryCollections opened. */
function parts(g: Geometry | undefined, depth = 0): { polygons: unknown[]; points: unknown[] } {
  const out = { polygons: [] as unknown[], points: [] as unknown[] };
  if (!g || depth > MAX_DEPTH) return out;
  if (g.type === 'Polygon') out.polygons.push(g.coordinates);
  else if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates)) out.polygons.push(...g.coordinates);
  else if (g.type === 'Point') out.points.push(g.coordinates);
  else if (g.type === 'GeometryCollection' && Array.isArray(g.geometries)) {
    for (const sub of g.geometries) {
      const p = parts(sub as Geometry, depth + 1);
      out.polygons.push(...p.polygons);
      out.points.push(...p.points);
    }
  }
  return out;
}

export function importGeoJsonZones(text: string, source: string, defaultKind: ZoneKind): ZoneImportResult {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).slice(0, 120);
    throw bad(`not JSON (${why}).`, `不是 JSON（${why}）。`);
  }
  const obj = root as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  checkCrs(obj ?? {});
  const isGeometry = ['Polygon', 'MultiPolygon', 'Point', 'GeometryCollection'].includes(String(obj?.type));
  const features: unknown[] =
    obj?.type === 'FeatureCollection' && Array.isArray(obj.features) ? obj.features : obj?.type === 'Feature' ? [obj] : isGeometry ? [{ geometry: obj }] : [];
  if (features.length === 0) throw bad('no features.', '没有要素。');
  const zones: ZoneImportResult['zones'] = [];
  const notes = new ImportNotes();
  features.forEach((f, i) => {
    const feature = f as { geometry?: Geometry; properties?: Record<string, unknown> | null };
    const props = feature?.properties ?? {};
    const data = new Map(Object.entries(props).map(([k, v]) => [k.toLowerCase(), String(v)]));
    const name = (data.get('name') ?? data.get('名称'))?.trim() || `${source} #${i + 1}`;
    if (zones.length >= MAX_ZONES) return notes.add('tooMany', name);
    const where = `feature ${i + 1} "${name.slice(0, 40)}"`;
    const kind = kindFromWords(data.get('kind') ?? data.get('type'), [name], defaultKind);
    const floor = numberField(data, ['floorMslM', 'floor', 'lower']);
    const ceiling = numberField(data, ['ceilingMslM', 'ceiling', 'upper']);
    const band = { ...(floor === undefined ? {} : { floorMslM: floor }), ...(ceiling === undefined ? {} : { ceilingMslM: ceiling }) };
    const { polygons, points } = parts(feature?.geometry);
    const radiusM = numberField(data, ['radiusM', 'radius']);
    for (const pt of points) {
      const center = position(pt, where);
      if (radiusM === undefined || radiusM <= 0) notes.add('pointNoRadius', name);
      else zones.push({ name, kind, shape: { type: 'circle', center, radiusM }, ...band, source });
    }
    if (polygons.length === 0 && points.length === 0) notes.add('noPolygon', name);
    polygons.forEach((rings, k) => {
      if (!Array.isArray(rings) || rings.length === 0) throw bad(`${where}: a polygon has no rings.`, `${where}：多边形没有环。`);
      const outer = ringOf(rings[0], where);
      const label = polygons.length > 1 ? `${name} (${k + 1})` : name;
      if (outer.length < 3) return notes.add('tooFewPoints', label);
      if (footprintWidthM(outer) < MIN_ZONE_WIDTH_M) return notes.add('wall', label);
      if (rings.length > 1) notes.add('holes', label);
      if (selfCrosses(outer)) notes.add('crosses', label);
      zones.push({ name: label, kind, shape: { type: 'polygon', vertices: outer }, ...band, source });
    });
  });
  return { zones, warnings: notes.messages() };
}
