// A map file the pilot picked, into the Plan view: KML/KMZ/GeoJSON become shapes (search areas,
// patrol lines, points of interest); a WPL / .waypoints file becomes mission items. Every refusal is a
// ContractError (PlanFileError from the readers) whose message says what is wrong with the file, in both languages.
import { ContractError, msg } from '../contract/errors';
import { parseGeoJson } from '../plan/geojson';
import { parseKmlOrKmz } from '../plan/kmz';
import type { ImportedShape, ShapePoint } from '../plan/shapes';
import type { Plan } from '../plan/types';
import { parseWplPlan } from '../plan/wpl';
import type { PlanShape } from './plan-doc';

export type MapFileImport =
  | { kind: 'shapes'; shapes: PlanShape[] }
  /** A waypoint file: its mission items (and home), for the pilot to confirm before they replace the mission. */
  | { kind: 'mission'; plan: Plan; skipped: number };

export const IMPORT_ACCEPT = '.kml,.kmz,.geojson,.json,.waypoints,.txt,.wpl';

const plain = (p: ShapePoint) => ({ lat: p.lat, lon: p.lon });

/** Imported shapes as plan shapes; ids come from `newId` so they never clash with the plan's. */
export function toPlanShapes(shapes: ImportedShape[], newId: () => string): PlanShape[] {
  const out: PlanShape[] = [];
  for (const s of shapes) {
    const name = s.name?.trim().slice(0, 200) || undefined;
    if (s.kind === 'polygon' && s.outer.length >= 3) {
      const holes = s.holes.filter((h) => h.length >= 3).map((h) => h.map(plain));
      out.push({ id: newId(), name, kind: 'polygon', points: s.outer.map(plain), ...(holes.length ? { holes } : {}) });
    } else if (s.kind === 'line' && s.points.length >= 2) out.push({ id: newId(), name, kind: 'line', points: s.points.map(plain) });
    else if (s.kind === 'point') out.push({ id: newId(), name, kind: 'point', points: [plain(s.point)] });
  }
  return out;
}

function extension(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/** Reads a picked file by its name and content. Throws PlanFileError with a message a pilot can act on. */
export function importMapFile(fileName: string, bytes: Uint8Array, newId: () => string): MapFileImport {
  const ext = extension(fileName);
  const text = () => new TextDecoder('utf-8').decode(bytes);
  if (ext === 'waypoints' || ext === 'txt' || ext === 'wpl') {
    const r = parseWplPlan(text(), { expect: 'mission' });
    return { kind: 'mission', plan: r.plan, skipped: r.skipped.length };
  }
  let shapes: ImportedShape[];
  if (ext === 'kml' || ext === 'kmz') shapes = parseKmlOrKmz(bytes);
  else if (ext === 'geojson' || ext === 'json') shapes = parseGeoJson(text());
  else {
    throw new ContractError('import_unknown_type', msg(`"${fileName.slice(0, 80)}" is not a map file this station reads: choose a .kml, .kmz, .geojson or .waypoints file.`, `“${fileName.slice(0, 80)}”不是本站可读取的地图文件：请选择 .kml、.kmz、.geojson 或 .waypoints 文件。`));
  }
  const planShapes = toPlanShapes(shapes, newId);
  if (planShapes.length === 0) {
    throw new ContractError('import_no_shapes', msg(`"${fileName.slice(0, 80)}" holds no polygon, line or point this station can use.`, `“${fileName.slice(0, 80)}”中没有可用的多边形、线或点。`));
  }
  return { kind: 'shapes', shapes: planShapes };
}
