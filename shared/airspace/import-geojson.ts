// Airspace zones from GeoJSON: Polygon and MultiPolygon features (outer rings), and Points with a
// radius property (radiusM / radius, metres) as circles. Properties: name, kind (noFly/restricted),
// floorMslM/ceilingMslM (or lower/upper), metres AMSL.
import { ContractError, msg } from '../contract/errors';
import type { UserMessage } from '../contract/types';
import { openRing, validLatLon } from '../plan/shapes';
import { kindFromWords, numberField, type ZoneImportResult } from './import-kml';
import type { ZoneKind } from './zone';

const MAX_ZONES = 5000;

function bad(en: string, zh: string): ContractError {
  return new ContractError('airspace-bad-file', msg(`This GeoJSON file cannot be used: ${en}`, `无法使用该 GeoJSON 文件：${zh}`));
}

function ringOf(v: unknown, where: string): Array<{ lat: number; lon: number }> {
  if (!Array.isArray(v)) throw bad(`${where}: a ring is not a list of positions.`, `${where}：环不是坐标列表。`);
  return openRing(
    v.map((pos) => {
      const [lon, lat] = Array.isArray(pos) ? (pos as unknown[]) : [];
      if (typeof lat !== 'number' || typeof lon !== 'number' || !validLatLon(lat, lon)) {
        throw bad(`${where}: a position is not [longitude, latitude].`, `${where}：坐标不是 [经度, 纬度]。`);
      }
      return { lat, lon };
    }),
  );
}

export function importGeoJsonZones(text: string, source: string, defaultKind: ZoneKind): ZoneImportResult {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).slice(0, 120);
    throw bad(`not JSON (${why}).`, `不是 JSON（${why}）。`);
  }
  const obj = root as { type?: unknown; features?: unknown; geometry?: unknown };
  const features: unknown[] =
    obj?.type === 'FeatureCollection' && Array.isArray(obj.features) ? obj.features : obj?.type === 'Feature' ? [obj] : [];
  if (features.length === 0) throw bad('no features.', '没有要素。');
  const zones: ZoneImportResult['zones'] = [];
  const warnings: UserMessage[] = [];
  features.slice(0, MAX_ZONES).forEach((f, i) => {
    const feature = f as { geometry?: { type?: unknown; coordinates?: unknown }; properties?: Record<string, unknown> | null };
    const props = feature?.properties ?? {};
    const data = new Map(Object.entries(props).map(([k, v]) => [k.toLowerCase(), String(v)]));
    const name = typeof props.name === 'string' && props.name.trim() ? props.name.trim() : `${source} #${i + 1}`;
    const where = `feature ${i + 1} "${name.slice(0, 40)}"`;
    const kind = kindFromWords(data.get('kind') ?? data.get('type'), [name], defaultKind);
    const floor = numberField(data, ['floorMslM', 'floor', 'lower']);
    const ceiling = numberField(data, ['ceilingMslM', 'ceiling', 'upper']);
    const band = { ...(floor === undefined ? {} : { floorMslM: floor }), ...(ceiling === undefined ? {} : { ceilingMslM: ceiling }) };
    const g = feature?.geometry;
    const polys: unknown[] = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' && Array.isArray(g.coordinates) ? g.coordinates : [];
    if (g?.type === 'Point') {
      const radiusM = numberField(data, ['radiusM', 'radius']);
      const [lon, lat] = Array.isArray(g.coordinates) ? (g.coordinates as unknown[]) : [];
      if (typeof lat !== 'number' || typeof lon !== 'number' || !validLatLon(lat, lon)) throw bad(`${where}: the point is not [longitude, latitude].`, `${where}：点不是 [经度, 纬度]。`);
      if (radiusM === undefined || radiusM <= 0) {
        warnings.push(msg(`${where}: a point without a positive radiusM, skipped.`, `${where}：点没有正的 radiusM，已跳过。`));
        return;
      }
      zones.push({ name, kind, shape: { type: 'circle', center: { lat, lon }, radiusM }, ...band, source });
      return;
    }
    if (polys.length === 0) {
      warnings.push(msg(`${where}: not a polygon, skipped.`, `${where}：不是多边形，已跳过。`));
      return;
    }
    polys.forEach((rings, k) => {
      if (!Array.isArray(rings) || rings.length === 0) throw bad(`${where}: a polygon has no rings.`, `${where}：多边形没有环。`);
      const outer = ringOf(rings[0], where);
      if (outer.length < 3) {
        warnings.push(msg(`${where}: a polygon with fewer than 3 points, skipped.`, `${where}：多边形少于 3 个点，已跳过。`));
        return;
      }
      zones.push({ name: polys.length > 1 ? `${name} (${k + 1})` : name, kind, shape: { type: 'polygon', vertices: outer }, ...band, source });
    });
  });
  return { zones, warnings };
}
