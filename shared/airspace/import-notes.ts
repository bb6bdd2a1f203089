// What an import passed over or read with care, said once per kind rather than once per Placemark:
// a real airspace file with 300 labels and 50 wall faces should give the pilot three sentences, not
// 350. Each names a few of the Placemarks it is about, so the pilot can find them in Google Earth.
import { msg } from '../contract/errors';
import type { UserMessage } from '../contract/types';

type NoteKind = 'noPolygon' | 'pointNoRadius' | 'networkLink' | 'tooFewPoints' | 'wall' | 'holes' | 'crosses' | 'noTerrain' | 'tooMany' | 'severalDocs';

const SAY: Record<NoteKind, (n: number, names: string) => UserMessage> = {
  networkLink: (n, names) => msg(`${n} network link(s) to zones kept elsewhere were not followed (the station works offline); import those files themselves: ${names}.`, `有 ${n} 个网络链接指向其他位置的空域，未加载（地面站离线工作）；请直接导入这些文件：${names}。`),
  severalDocs: (n, names) => msg(`This KMZ holds ${n} .kml files; zones were read from all of them: ${names}.`, `该 KMZ 含 ${n} 个 .kml 文件，已从全部文件读取空域：${names}。`),
  noPolygon: (n, names) => msg(`${n} item(s) without a polygon (points, lines, labels) were skipped: ${names}.`, `已跳过 ${n} 个没有多边形的要素（点、线、标注）：${names}。`),
  pointNoRadius: (n, names) => msg(`${n} point(s) without a positive radiusM were skipped (a point is a zone only with a radius): ${names}.`, `已跳过 ${n} 个没有正 radiusM 的点（点须带半径才是空域）：${names}。`),
  tooFewPoints: (n, names) => msg(`${n} polygon(s) with fewer than 3 points were skipped: ${names}.`, `已跳过 ${n} 个少于 3 个点的多边形：${names}。`),
  wall: (n, names) => msg(`${n} polygon(s) enclose no area seen from above (the vertical walls of a 3D drawing, or lines) and were skipped: ${names}.`, `已跳过 ${n} 个俯视无面积的多边形（三维图形的竖直侧面或线）：${names}。`),
  holes: (n, names) => msg(`Holes are ignored; the whole outline is treated as the zone: ${names}.`, `内环被忽略，整个外轮廓按空域处理：${names}。`),
  crosses: (n, names) => msg(`${n} outline(s) cross themselves, so inside and outside are unclear there; check them on the map: ${names}.`, `${n} 个轮廓自相交，其内外范围不明确，请在地图上核对：${names}。`),
  noTerrain: (n, names) => msg(`${n} zone(s) give heights above ground but no terrain is loaded there; they have no vertical limit: ${names}.`, `${n} 个空域以离地高度给出，但该处没有地形数据，按无高度限制处理：${names}。`),
  tooMany: (n, names) => msg(`Only the first 5000 zones were imported; ${n} more were left out: ${names}.`, `只导入了前 5000 个空域，另有 ${n} 个未导入：${names}。`),
};

const ORDER: NoteKind[] = ['severalDocs', 'networkLink', 'noTerrain', 'crosses', 'holes', 'wall', 'tooFewPoints', 'noPolygon', 'pointNoRadius', 'tooMany'];
const NAMES_SHOWN = 3;

export class ImportNotes {
  private readonly seen = new Map<NoteKind, string[]>();

  add(kind: NoteKind, ...names: string[]): void {
    const list = this.seen.get(kind) ?? [];
    for (const n of names) if (!list.includes(n)) list.push(n);
    this.seen.set(kind, list);
  }

  messages(): UserMessage[] {
    const out: UserMessage[] = [];
    for (const kind of ORDER) {
      const names = this.seen.get(kind);
      if (!names || names.length === 0) continue;
      const shown = names.slice(0, NAMES_SHOWN).map((n) => `"${n.slice(0, 40)}"`);
      const more = names.length - shown.length;
      const en = shown.join(', ') + (more > 0 ? ` and ${more} more` : '');
      const zh = shown.join('、') + (more > 0 ? ` 等 ${names.length} 个` : '');
      const m = SAY[kind](names.length, en);
      out.push({ en: m.en, zh: SAY[kind](names.length, zh).zh });
    }
    return out;
  }
}
