// KML import: Placemarks with Polygon (outer boundary and holes), LineString, Point, also inside
// MultiGeometry and nested Folder/Document, with their names. KMZ is unpacked in kmz.ts.

import { DOMParser } from '@xmldom/xmldom';
import { planError } from './errors';
import { openRing, validLatLon, type ImportedShape, type ShapePoint } from './shapes';

// Only the DOM surface this file uses, so the code type-checks without the DOM library (shared/ is pure).
interface XmlNode {
  nodeType: number;
  localName?: string | null;
  textContent: string | null;
  childNodes: { length: number; [i: number]: XmlNode };
}

const ELEMENT_NODE = 1;
/** Bounds the work on hostile files: deeper nesting than this is not a real map. */
const MAX_DEPTH = 64;

function children(node: XmlNode, name?: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (let i = 0; i < node.childNodes.length; i++) {
    const c = node.childNodes[i];
    if (c.nodeType === ELEMENT_NODE && (name === undefined || c.localName === name)) out.push(c);
  }
  return out;
}

function child(node: XmlNode, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

function parseXml(text: string): XmlNode {
  let firstProblem: string | undefined;
  try {
    const doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level === 'warning') return;
        firstProblem ??= message;
        throw new Error(message);
      },
    }).parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml') as unknown as { documentElement: XmlNode | null };
    if (!doc.documentElement) throw new Error('no root element');
    return doc.documentElement;
  } catch (err) {
    const why = (firstProblem ?? (err instanceof Error ? err.message : String(err))).split('\n')[0].slice(0, 200);
    throw planError('kml_bad_xml', `This KML file is not well-formed XML: ${why}`, `KML 文件不是格式正确的 XML：${why}`);
  }
}

/** "lon,lat[,alt]" tuples separated by whitespace (some tools put spaces after the commas). */
export function parseKmlCoordinates(text: string, where: string): ShapePoint[] {
  // Glue "lon, lat" back together by tokens, not with /\s*,\s*/ (quadratic on long blank runs).
  const tuples: string[] = [];
  for (const t of text.split(/\s+/)) {
    if (t === '') continue;
    const last = tuples.length - 1;
    if (last >= 0 && (t.startsWith(',') || tuples[last].endsWith(','))) tuples[last] += t;
    else tuples.push(t);
  }
  return tuples.map((t) => {
    const parts = t.split(',');
    const nums = parts.map(Number);
    const [lon, lat, alt] = nums;
    if (parts.length < 2 || parts.length > 3 || !validLatLon(lat, lon) || (parts.length === 3 && !Number.isFinite(alt))) {
      // The commonest real mistake: latitude first, as people say it. In China that puts ~120 in the
      // latitude, out of range; say so, or the pilot hunts for a typo that is not there.
      const swapped = parts.length >= 2 && validLatLon(lon, lat);
      throw planError(
        'kml_bad_coordinates',
        `${where}: "${t.slice(0, 40)}" is not "longitude,latitude[,altitude]"${swapped ? ': latitude and longitude look swapped (KML writes longitude first)' : ''}.`,
        `${where}：“${t.slice(0, 40)}”不是“经度,纬度[,高度]”${swapped ? '：经纬度似乎写反了（KML 先写经度）' : ''}。`,
      );
    }
    return parts.length === 3 ? { lat, lon, altM: alt } : { lat, lon };
  });
}

function ringOf(boundary: XmlNode | undefined, where: string): ShapePoint[] | undefined {
  const ring = boundary && child(boundary, 'LinearRing');
  const coords = ring && child(ring, 'coordinates');
  return coords ? openRing(parseKmlCoordinates(coords.textContent ?? '', where)) : undefined;
}

function geometryShapes(geom: XmlNode, name: string | undefined, where: string, depth: number, out: ImportedShape[]): void {
  const named = <T extends ImportedShape>(s: T): T => (name === undefined ? s : { ...s, name });
  switch (geom.localName) {
    case 'Polygon': {
      const outer = ringOf(child(geom, 'outerBoundaryIs'), where);
      if (!outer || outer.length < 3) return; // nothing usable as an area
      const holes = children(geom, 'innerBoundaryIs')
        .map((b) => ringOf(b, where))
        .filter((h): h is ShapePoint[] => h !== undefined && h.length >= 3);
      out.push(named({ kind: 'polygon', outer, holes }));
      return;
    }
    case 'LineString': {
      const c = child(geom, 'coordinates');
      const points = c ? parseKmlCoordinates(c.textContent ?? '', where) : [];
      if (points.length >= 2) out.push(named({ kind: 'line', points }));
      return;
    }
    case 'Point': {
      const c = child(geom, 'coordinates');
      const points = c ? parseKmlCoordinates(c.textContent ?? '', where) : [];
      if (points.length >= 1) out.push(named({ kind: 'point', point: points[0] }));
      return;
    }
    case 'MultiGeometry':
      if (depth < MAX_DEPTH) for (const g of children(geom)) geometryShapes(g, name, where, depth + 1, out);
      return;
    default:
      return; // Model, Track and friends carry nothing a plan can use
  }
}

function walk(node: XmlNode, depth: number, out: ImportedShape[], counter: { n: number }): void {
  if (depth > MAX_DEPTH) return;
  for (const c of children(node)) {
    if (c.localName === 'Placemark') {
      counter.n++;
      const nameText = child(c, 'name')?.textContent?.trim();
      const name = nameText ? nameText : undefined;
      const where = `Placemark ${counter.n}${name ? ` "${name.slice(0, 40)}"` : ''}`;
      for (const g of children(c)) geometryShapes(g, name, where, depth + 1, out);
    } else if (c.localName === 'Document' || c.localName === 'Folder') {
      walk(c, depth + 1, out, counter);
    }
  }
}

export function parseKml(text: string): ImportedShape[] {
  const root = parseXml(text);
  if (root.localName !== 'kml' && root.localName !== 'Document' && root.localName !== 'Folder') {
    throw planError('kml_bad_xml', `This is XML but not KML (its root element is <${String(root.localName).slice(0, 40)}>).`, `这是 XML 但不是 KML（根元素为 <${String(root.localName).slice(0, 40)}>）。`);
  }
  const out: ImportedShape[] = [];
  walk(root, 0, out, { n: 0 });
  return out;
}
