// GeoJSON (RFC 7946) import into the same shape list as KML: Feature, FeatureCollection or a bare
// geometry; Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection.

import { planError } from './errors';
import { isObject, type JsonObject } from './json-guards';
import { openRing, validLatLon, type ImportedShape, type ShapePoint } from './shapes';

const MAX_DEPTH = 32;

function bad(where: string, en: string, zh: string): never {
  throw planError('geojson_bad', `GeoJSON ${where}: ${en}`, `GeoJSON ${where}：${zh}`);
}

function position(v: unknown, where: string): ShapePoint {
  if (!Array.isArray(v) || v.length < 2 || v.length > 4 || !v.every((n) => typeof n === 'number')) {
    bad(where, 'expected a position [longitude, latitude(, altitude)].', '应为坐标 [经度, 纬度(, 高度)]。');
  }
  const [lon, lat, alt] = v as number[];
  if (!validLatLon(lat, lon)) bad(where, `[${lon}, ${lat}] is not a longitude and latitude.`, `[${lon}, ${lat}] 不是有效的经纬度。`);
  return v.length >= 3 && Number.isFinite(alt) ? { lat, lon, altM: alt } : { lat, lon };
}

function list(v: unknown, where: string): unknown[] {
  return Array.isArray(v) ? v : bad(where, 'expected a list.', '应为列表。');
}

function positions(v: unknown, where: string): ShapePoint[] {
  return list(v, where).map((p, i) => position(p, `${where}[${i}]`));
}

function polygon(v: unknown, where: string, name: string | undefined): ImportedShape | undefined {
  const rings = list(v, where).map((r, i) => openRing(positions(r, `${where}[${i}]`)));
  if (rings.length === 0 || rings[0].length < 3) return undefined;
  const shape: ImportedShape = { kind: 'polygon', outer: rings[0], holes: rings.slice(1).filter((h) => h.length >= 3) };
  return name === undefined ? shape : { ...shape, name };
}

function line(points: ShapePoint[], name: string | undefined): ImportedShape | undefined {
  if (points.length < 2) return undefined;
  return name === undefined ? { kind: 'line', points } : { kind: 'line', name, points };
}

function point(p: ShapePoint, name: string | undefined): ImportedShape {
  return name === undefined ? { kind: 'point', point: p } : { kind: 'point', name, point: p };
}

function geometry(g: unknown, where: string, name: string | undefined, depth: number, out: ImportedShape[]): void {
  if (g === null) return; // a Feature without geometry is allowed and carries nothing
  if (!isObject(g)) bad(where, 'expected a geometry object.', '应为几何对象。');
  const c = g.coordinates;
  const at = `${where}.coordinates`;
  const push = (s: ImportedShape | undefined) => s && out.push(s);
  switch (g.type) {
    case 'Point':
      out.push(point(position(c, at), name));
      return;
    case 'MultiPoint':
      positions(c, at).forEach((p) => out.push(point(p, name)));
      return;
    case 'LineString':
      push(line(positions(c, at), name));
      return;
    case 'MultiLineString':
      list(c, at).forEach((l, i) => push(line(positions(l, `${at}[${i}]`), name)));
      return;
    case 'Polygon':
      push(polygon(c, at, name));
      return;
    case 'MultiPolygon':
      list(c, at).forEach((p, i) => push(polygon(p, `${at}[${i}]`, name)));
      return;
    case 'GeometryCollection':
      if (depth >= MAX_DEPTH) bad(where, 'geometry collections are nested too deeply.', '几何集合嵌套过深。');
      list(g.geometries, `${where}.geometries`).forEach((x, i) => geometry(x, `${where}.geometries[${i}]`, name, depth + 1, out));
      return;
    default:
      bad(where, `unsupported geometry type "${String(g.type).slice(0, 40)}".`, `不支持的几何类型“${String(g.type).slice(0, 40)}”。`);
  }
}

function featureName(f: JsonObject): string | undefined {
  const p = f.properties;
  if (!isObject(p)) return undefined;
  for (const key of ['name', 'title', 'Name', 'NAME']) {
    const v = p[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

export function parseGeoJson(text: string): ImportedShape[] {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw planError('geojson_bad', `This GeoJSON file is not valid JSON (${why}).`, `GeoJSON 文件不是有效的 JSON（${why}）。`);
  }
  if (!isObject(root)) bad('file', 'expected a GeoJSON object at the top.', '顶层应为 GeoJSON 对象。');
  const out: ImportedShape[] = [];
  if (root.type === 'FeatureCollection') {
    list(root.features, 'features').forEach((f, i) => {
      if (!isObject(f) || f.type !== 'Feature') bad(`features[${i}]`, 'expected a Feature.', '应为 Feature。');
      geometry(f.geometry, `features[${i}].geometry`, featureName(f), 0, out);
    });
  } else if (root.type === 'Feature') {
    geometry(root.geometry, 'geometry', featureName(root), 0, out);
  } else {
    geometry(root, 'geometry', undefined, 0, out);
  }
  return out;
}
