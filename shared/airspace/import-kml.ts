// Airspace zones from KML/KMZ as authorities and units publish them: Placemarks in nested Folders,
// Polygons alone or in MultiGeometry, often extruded to their upper limit. Altitude modes:
//   absolute         the ring's altitudes are the ceiling, metres AMSL
//   relativeToGround the ring's altitudes are the ceiling above ground: converted with the loaded
//                    terrain at the zone's centre, or left open with a warning when there is none
//   clampToGround    (the default) no vertical limit: the zone applies at every height
// ExtendedData fields floorMslM/ceilingMslM (or lower/upper, in metres AMSL) override the above, and
// "kind" (noFly/restricted) says what the zone is; without it, names and folders that say
// restricted/danger/限制/危险 make a restricted zone, anything else takes the import's default kind.
import { DOMParser } from '@xmldom/xmldom';
import { ContractError, msg } from '../contract/errors';
import { parseKmlCoordinates } from '../plan/kml';
import { extractKmlFromKmz, isZip } from '../plan/kmz';
import { openRing } from '../plan/shapes';
import type { GroundElevationFn } from '../terrain/model';
import type { AirspaceZone, ZoneKind } from './zone';
import type { UserMessage } from '../contract/types';

export interface ZoneImportResult {
  zones: Array<Omit<AirspaceZone, 'id'>>;
  warnings: UserMessage[];
}

interface El {
  localName?: string | null;
  textContent: string | null;
  parentNode: El | null;
  childNodes: { length: number; [i: number]: El };
  getElementsByTagName(name: string): { length: number; [i: number]: El };
  getAttribute(name: string): string | null;
}

const MAX_ZONES = 5000;
const RESTRICTED_WORDS = /restrict|danger|warning|限制|危险|管制/i;

function firstText(el: El, tag: string): string | undefined {
  const found = el.getElementsByTagName(tag);
  const t = found.length > 0 ? found[0]!.textContent?.trim() : undefined;
  return t ? t : undefined;
}

function extendedData(placemark: El): Map<string, string> {
  const out = new Map<string, string>();
  const datas = placemark.getElementsByTagName('Data');
  for (let i = 0; i < datas.length; i++) {
    const name = datas[i]!.getAttribute('name');
    const value = firstText(datas[i]!, 'value');
    if (name && value !== undefined) out.set(name.toLowerCase(), value);
  }
  const simple = placemark.getElementsByTagName('SimpleData');
  for (let i = 0; i < simple.length; i++) {
    const name = simple[i]!.getAttribute('name');
    const value = simple[i]!.textContent?.trim();
    if (name && value) out.set(name.toLowerCase(), value);
  }
  return out;
}

/** The names of the Folders around a Placemark, innermost first. */
function folderNames(el: El): string[] {
  const out: string[] = [];
  for (let p = el.parentNode; p; p = p.parentNode) {
    if (p.localName === 'Folder' || p.localName === 'Document') {
      for (let i = 0; i < p.childNodes.length; i++) {
        const c = p.childNodes[i]!;
        if (c.localName === 'name') out.push(c.textContent?.trim() ?? '');
      }
    }
  }
  return out;
}

export function kindFromWords(explicit: string | undefined, words: string[], fallback: ZoneKind): ZoneKind {
  const e = explicit?.toLowerCase().replace(/[-_ ]/g, '');
  if (e === 'nofly' || e === 'prohibited' || e === '禁飞') return 'noFly';
  if (e === 'restricted' || e === '限飞') return 'restricted';
  return words.some((w) => RESTRICTED_WORDS.test(w)) ? 'restricted' : fallback;
}

export function numberField(data: Map<string, string>, names: string[]): number | undefined {
  for (const n of names) {
    const v = data.get(n.toLowerCase());
    if (v !== undefined && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  }
  return undefined;
}

function parseDoc(text: string): El {
  let problem: string | undefined;
  let root: El | null = null;
  try {
    const doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level === 'warning') return;
        problem ??= message;
        throw new Error(message);
      },
    }).parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml') as unknown as { documentElement: El | null };
    root = doc.documentElement;
  } catch (err) {
    problem ??= err instanceof Error ? err.message : String(err);
  }
  if (!root || problem) {
    const why = (problem ?? 'no root element').split('\n')[0]!.slice(0, 160);
    throw new ContractError('airspace-bad-file', msg(`This KML file is not well-formed XML: ${why}`, `该 KML 文件不是格式正确的 XML：${why}`));
  }
  if (root.localName !== 'kml' && root.localName !== 'Document' && root.localName !== 'Folder') {
    throw new ContractError('airspace-bad-file', msg('This XML file is not KML.', '该 XML 文件不是 KML。'));
  }
  return root;
}

export function importKmlZones(bytes: Uint8Array, source: string, defaultKind: ZoneKind, ground: GroundElevationFn | null): ZoneImportResult {
  const text = isZip(bytes) ? extractKmlFromKmz(bytes) : new TextDecoder('utf-8').decode(bytes);
  const root = parseDoc(text);
  const zones: ZoneImportResult['zones'] = [];
  const warnings: UserMessage[] = [];
  const placemarks = root.getElementsByTagName('Placemark');
  for (let i = 0; i < placemarks.length && zones.length < MAX_ZONES; i++) {
    const pm = placemarks[i]!;
    const name = firstText(pm, 'name') ?? `${source} #${i + 1}`;
    const where = `Placemark ${i + 1} "${name.slice(0, 40)}"`;
    const data = extendedData(pm);
    const kind = kindFromWords(data.get('kind') ?? data.get('type'), [name, ...folderNames(pm)], defaultKind);
    const polygons = pm.getElementsByTagName('Polygon');
    if (polygons.length === 0) {
      warnings.push(msg(`${where}: no polygon, skipped.`, `${where}：没有多边形，已跳过。`));
      continue;
    }
    for (let k = 0; k < polygons.length; k++) {
      const poly = polygons[k]!;
      const outer = poly.getElementsByTagName('outerBoundaryIs')[0];
      const coordsText = outer ? firstText(outer, 'coordinates') : undefined;
      const ring = coordsText ? openRing(parseKmlCoordinates(coordsText, where)) : [];
      if (ring.length < 3) {
        warnings.push(msg(`${where}: a polygon with fewer than 3 points, skipped.`, `${where}：多边形少于 3 个点，已跳过。`));
        continue;
      }
      if (poly.getElementsByTagName('innerBoundaryIs').length > 0) {
        warnings.push(msg(`${where}: holes are ignored; the whole outline is treated as the zone.`, `${where}：内环被忽略，整个外轮廓按空域处理。`));
      }
      const mode = (firstText(poly, 'altitudeMode') ?? firstText(poly, 'gx:altitudeMode') ?? firstText(pm, 'altitudeMode') ?? 'clampToGround').trim();
      const alts = ring.map((p) => p.altM).filter((a): a is number => a !== undefined);
      let ceilingMslM: number | undefined;
      if (alts.length > 0 && Math.max(...alts) > 0) {
        if (mode === 'absolute') ceilingMslM = Math.max(...alts);
        else if (mode === 'relativeToGround' || mode === 'relativeToSeaFloor') {
          const c = ring.reduce((a, p) => ({ lat: a.lat + p.lat / ring.length, lon: a.lon + p.lon / ring.length }), { lat: 0, lon: 0 });
          const g = ground?.(c.lat, c.lon) ?? null;
          if (g === null) {
            warnings.push(msg(`${where}: ceiling given above ground but no terrain is loaded there; the zone has no upper limit.`, `${where}：上限以离地高度给出，但该处没有地形数据；此空域按无上限处理。`));
          } else ceilingMslM = g + Math.max(...alts);
        }
      }
      const floor = numberField(data, ['floorMslM', 'floor', 'lower']);
      const ceiling = numberField(data, ['ceilingMslM', 'ceiling', 'upper']) ?? ceilingMslM;
      zones.push({
        name: polygons.length > 1 ? `${name} (${k + 1})` : name,
        kind,
        shape: { type: 'polygon', vertices: ring.map((p) => ({ lat: p.lat, lon: p.lon })) },
        ...(floor === undefined ? {} : { floorMslM: floor }),
        ...(ceiling === undefined ? {} : { ceilingMslM: ceiling }),
        source,
      });
    }
  }
  return { zones, warnings };
}
