// Airspace zones from KML/KMZ as authorities, units and tools publish them: Placemarks in nested
// Folders and Documents, Polygons alone or in MultiGeometry, extruded to their upper limit, or drawn
// as a 3D volume (a floor polygon, a ceiling polygon with the same outline, and one vertical wall
// per edge, as simplekml/KML+ write airspace). Altitude modes:
//   absolute         the ring's altitudes are metres AMSL
//   relativeToGround the ring's altitudes are above ground: converted with the loaded terrain at the
//                    zone's centre, or left open with a warning when there is none
//   clampToGround    (the default) no vertical limit: the zone applies at every height
// A lone polygon with altitudes is the zone's ceiling (from the ground up: the safe reading); a floor
// and ceiling pair becomes one zone with that band. ExtendedData fields floorMslM/ceilingMslM (or
// lower/upper, in metres AMSL) override the above, and "kind" (noFly/restricted) says what the zone
// is; without it, names and folders that say restricted/danger/限制/危险 make a restricted zone.
import { DOMParser } from '@xmldom/xmldom';
import { ContractError, msg } from '../contract/errors';
import type { UserMessage } from '../contract/types';
import { isZip, kmzDocuments } from '../plan/kmz';
import { decodeXmlBytes } from '../plan/xml-text';
import type { GroundElevationFn } from '../terrain/model';
import { ImportNotes } from './import-notes';
import { kmlPieces, type El, type Piece } from './kml-pieces';
import { footprintKey, footprintWidthM, MIN_ZONE_WIDTH_M, selfCrosses } from './outline';
import type { AirspaceZone, ZoneKind } from './zone';

export interface ZoneImportResult {
  zones: Array<Omit<AirspaceZone, 'id'>>;
  warnings: UserMessage[];
}

const MAX_ZONES = 5000;
const RESTRICTED_WORDS = /restrict|danger|warning|限制|危险|管制/i;

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

function parseDoc(text: string, label: string): El {
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
    // A login or error page saved under the zone file's name, when a download needed a session.
    if (/^\s*(<!doctype html|<html[\s>])/i.test(text)) {
      throw new ContractError('airspace-bad-file', msg(`${label} is a web page (HTML), not KML: the download probably returned a login or error page. Download the file again after signing in.`, `${label} 是网页（HTML），不是 KML：下载时可能得到了登录页或错误页。请登录后重新下载。`));
    }
    // A file cut short in a copy is the usual cause, and the one a pilot can fix.
    if (/<(\w+:)?kml[\s>]/.test(text.slice(0, 2000)) && !/<\/(\w+:)?kml>\s*$/.test(text)) {
      throw new ContractError('airspace-bad-file', msg(`${label} ends early: the file was cut short (${why}). Copy or download it again.`, `${label} 提前结束：文件不完整（${why}）。请重新复制或下载。`));
    }
    throw new ContractError('airspace-bad-file', msg(`${label} is not well-formed XML: ${why}. Export it again from the program that made it.`, `${label} 不是格式正确的 XML：${why}。请用生成它的软件重新导出。`));
  }
  if (!['kml', 'Document', 'Folder'].includes(root.localName ?? '')) {
    throw new ContractError('airspace-bad-file', msg(`${label} is XML but not KML.`, `${label} 是 XML 但不是 KML。`));
  }
  return root;
}

/** The levels of a piece's ring in metres AMSL, or null where they cannot be known. */
function levelsMsl(p: Piece, ground: GroundElevationFn | null, onNoTerrain: () => void): number[] | null {
  const alts = p.ring.map((q) => q.altM).filter((a): a is number => a !== undefined);
  if (alts.length === 0 || Math.max(...alts) <= 0) return null;
  const top = Math.max(...alts);
  const bottom = Math.min(...alts);
  if (p.mode === 'absolute') return [bottom, top];
  if (p.mode !== 'relativeToGround' && p.mode !== 'relativeToSeaFloor') return null; // clampToGround/-SeaFloor
  const c = p.ring.reduce((a, q) => ({ lat: a.lat + q.lat / p.ring.length, lon: a.lon + q.lon / p.ring.length }), { lat: 0, lon: 0 });
  const g = ground?.(c.lat, c.lon) ?? null;
  if (g === null) {
    onNoTerrain();
    return null;
  }
  return [g + bottom, g + top];
}

/**
 * Floor and ceiling polygons of one volume: same outline, same folder, neither extruded (an extruded
 * polygon already means "from the ground up"), from the same Placemark or from unnamed ones.
 */
function stackKey(p: Piece, ids: Map<El, number>): string | null {
  if (p.extruded || p.ring.every((q) => q.altM === undefined)) return null;
  const c = p.container;
  if (c && !ids.has(c)) ids.set(c, ids.size);
  const who = p.named ? `pm${p.placemark}` : 'unnamed';
  return `${c ? ids.get(c) : -1}|${who}|${p.mode}|${footprintKey(p.ring)}`;
}

function zonesOf(pieces: Piece[], source: string, defaultKind: ZoneKind, ground: GroundElevationFn | null, notes: ImportNotes): ZoneImportResult['zones'] {
  const usable: Piece[] = [];
  for (const p of pieces) {
    if (p.ring.length < 3) notes.add('tooFewPoints', p.name);
    else if (footprintWidthM(p.ring) < MIN_ZONE_WIDTH_M) notes.add('wall', p.name);
    else usable.push(p);
  }
  const ids = new Map<El, number>();
  const groups = new Map<string, Piece[]>();
  const order: Piece[][] = [];
  for (const p of usable) {
    const key = stackKey(p, ids);
    const g = key === null ? undefined : groups.get(key);
    if (g) g.push(p);
    else {
      const fresh = [p];
      order.push(fresh);
      if (key !== null) groups.set(key, fresh);
    }
  }
  const zones: ZoneImportResult['zones'] = [];
  for (const group of order) {
    if (zones.length >= MAX_ZONES) {
      notes.add('tooMany', group[0]!.name);
      continue;
    }
    const p = group[0]!;
    if (p.holes) notes.add('holes', p.name);
    if (selfCrosses(p.ring)) notes.add('crosses', p.name);
    const name = p.of > 1 && group.length === 1 ? `${p.name} (${p.k + 1})` : p.name;
    const levels = group.map((q) => levelsMsl(q, ground, () => notes.add('noTerrain', name)));
    const known = levels.filter((l): l is number[] => l !== null);
    let floorMslM: number | undefined;
    let ceilingMslM: number | undefined;
    if (known.length > 0) ceilingMslM = Math.max(...known.flat());
    // A band only when every layer of the stack is known: a floor without its ceiling is no zone.
    if (group.length > 1 && known.length === group.length) floorMslM = Math.min(...known.flat());
    else if (group.length > 1) ceilingMslM = undefined;
    const floor = numberField(p.data, ['floorMslM', 'floor', 'lower']) ?? floorMslM;
    const ceiling = numberField(p.data, ['ceilingMslM', 'ceiling', 'upper']) ?? ceilingMslM;
    zones.push({
      name,
      kind: kindFromWords(p.data.get('kind') ?? p.data.get('type'), [p.name, ...p.folders], defaultKind),
      shape: { type: 'polygon', vertices: p.ring.map((q) => ({ lat: q.lat, lon: q.lon })) },
      ...(floor === undefined ? {} : { floorMslM: floor }),
      ...(ceiling === undefined ? {} : { ceilingMslM: ceiling }),
      source,
    });
  }
  return zones;
}

export function importKmlZones(bytes: Uint8Array, source: string, defaultKind: ZoneKind, ground: GroundElevationFn | null): ZoneImportResult {
  const docs = isZip(bytes) ? kmzDocuments(bytes) : [{ name: source, text: decodeXmlBytes(bytes) }];
  const notes = new ImportNotes();
  const pieces: Piece[] = [];
  for (const d of docs) {
    const label = docs.length > 1 || d.name !== source ? `${source}: ${d.name}` : source;
    const read = kmlPieces(parseDoc(d.text, label), source);
    pieces.push(...read.pieces);
    for (const n of read.noPolygon) notes.add('noPolygon', n);
    // A link to another .kml inside the same KMZ is read anyway (every document of a KMZ is).
    for (const l of read.links) if (!docs.some((o) => l.href !== undefined && o.name === l.href.replace(/^\.\//, ''))) notes.add('networkLink', l.label);
  }
  if (docs.length > 1) notes.add('severalDocs', ...docs.map((d) => d.name));
  const zones = zonesOf(pieces, source, defaultKind, ground, notes);
  return { zones, warnings: notes.messages() };
}
