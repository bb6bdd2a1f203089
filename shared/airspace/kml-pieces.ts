// The polygons of a KML document as an airspace importer sees them, before they become zones: each
// with the Placemark it came from, its names and folders, its altitude mode and altitudes, whether it
// is extruded, and the element it sits in (to find the floor and ceiling of one 3D volume).
// Elements are matched by local name in any namespace: files written as <kml:Placemark> or with the
// gx: extension (gx:altitudeMode) read the same as Google Earth's own.
import { parseKmlCoordinates } from '../plan/kml';
import { openRing, type ShapePoint } from '../plan/shapes';

export interface El {
  localName?: string | null;
  textContent: string | null;
  parentNode: El | null;
  childNodes: { length: number; [i: number]: El };
  getElementsByTagNameNS(ns: string, name: string): { length: number; [i: number]: El };
  getAttribute(name: string): string | null;
}

export interface Piece {
  /** 1-based Placemark number in its document, for messages. */
  placemark: number;
  name: string;
  /** The Placemark had a <name> of its own (not one made up from its folder). */
  named: boolean;
  /** The Placemark's folders, innermost first: they often say "restricted" when the name does not. */
  folders: string[];
  data: Map<string, string>;
  /** Index of this polygon in its Placemark, and how many it has (MultiGeometry). */
  k: number;
  of: number;
  ring: ShapePoint[];
  holes: boolean;
  mode: string;
  extruded: boolean;
  /** The Placemark's parent: pieces drawn together as one volume sit in the same one. */
  container: El | null;
}

export const all = (el: El, name: string): El[] => {
  const found = el.getElementsByTagNameNS('*', name);
  const out: El[] = [];
  for (let i = 0; i < found.length; i++) out.push(found[i]!);
  return out;
};

export function child(el: El, name: string): El | undefined {
  for (let i = 0; i < el.childNodes.length; i++) if (el.childNodes[i]!.localName === name) return el.childNodes[i]!;
  return undefined;
}

const textOf = (el: El | undefined): string | undefined => el?.textContent?.trim() || undefined;

/** <Data name><value> and <SchemaData><SimpleData name> alike, names lower-cased. */
function extendedData(placemark: El): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of all(placemark, 'Data')) {
    const name = d.getAttribute('name');
    const value = textOf(child(d, 'value'));
    if (name && value !== undefined) out.set(name.toLowerCase(), value);
  }
  for (const s of all(placemark, 'SimpleData')) {
    const name = s.getAttribute('name');
    const value = s.textContent?.trim();
    if (name && value) out.set(name.toLowerCase(), value);
  }
  return out;
}

function folderNames(el: El): string[] {
  const out: string[] = [];
  for (let p = el.parentNode; p; p = p.parentNode) {
    if (p.localName === 'Folder' || p.localName === 'Document') {
      const n = textOf(child(p, 'name'));
      if (n) out.push(n);
    }
  }
  return out;
}

/**
 * Every polygon of every Placemark; Placemarks without one are counted in `noPolygon`, and
 * NetworkLinks (zones kept in another file or on a server, which an offline station cannot fetch)
 * in `links`, by their name or address.
 */
export function kmlPieces(root: El, source: string): { pieces: Piece[]; noPolygon: string[]; links: Array<{ label: string; href?: string }> } {
  const pieces: Piece[] = [];
  const noPolygon: string[] = [];
  const links = all(root, 'NetworkLink').map((l) => {
    const href = textOf(all(l, 'href')[0]);
    return { label: textOf(child(l, 'name')) ?? href ?? 'NetworkLink', ...(href === undefined ? {} : { href }) };
  });
  all(root, 'Placemark').forEach((pm, i) => {
    const folders = folderNames(pm);
    const own = textOf(child(pm, 'name'));
    // Tools that write one Placemark per face (simplekml, KML+) leave them unnamed: the folder says what it is.
    const name = own ?? `${folders[0] ?? source} #${i + 1}`;
    const where = `Placemark ${i + 1} "${name.slice(0, 40)}"`;
    const polygons = all(pm, 'Polygon');
    if (polygons.length === 0) {
      noPolygon.push(name);
      return;
    }
    const data = extendedData(pm);
    polygons.forEach((poly, k) => {
      const outer = child(poly, 'outerBoundaryIs');
      const ringEl = outer && child(outer, 'LinearRing');
      const coords = ringEl && textOf(child(ringEl, 'coordinates'));
      pieces.push({
        placemark: i + 1,
        name,
        named: own !== undefined,
        folders,
        data,
        k,
        of: polygons.length,
        ring: coords ? openRing(parseKmlCoordinates(coords, where)) : [],
        holes: child(poly, 'innerBoundaryIs') !== undefined,
        // altitudeMode and gx:altitudeMode have the same local name; absent means clampToGround.
        mode: textOf(child(poly, 'altitudeMode')) ?? 'clampToGround',
        extruded: textOf(child(poly, 'extrude')) === '1',
        container: pm.parentNode,
      });
    });
  });
  return { pieces, noPolygon, links };
}
