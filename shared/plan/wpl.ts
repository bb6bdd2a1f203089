// QGC WPL 110 text files (.waypoints / .txt), as Mission Planner, MAVProxy and QGC write them:
// a "QGC WPL 110" header, then one item per line:
//   seq current frame command p1 p2 p3 p4 x y z autocontinue     (tabs or spaces)
// Missions carry home as item 0; MAVProxy writes fence and rally lists the same way (commands 5000+).
// MAVProxy's older fence ("lat lon" lines) and rally ("RALLY ...") files are read in wpl-legacy.ts.

import { planError } from './errors';
import { MAV_CMD, MAV_MISSION_TYPE } from './mav-enums';
import { isLegacyMavproxyText, parseLegacyMavproxy } from './wpl-legacy';
import { emptyPlan, type MissionItem, type Plan } from './types';
import { fenceFromWire, fenceToWire, homeItem, missionFromWire, rallyFromWire, rallyToWire } from './wire';

export type WplKind = 'mission' | 'fence' | 'rally';

export interface WplFile {
  kind: WplKind;
  /** The items exactly as in the file, seq as written. For a mission, items[0] is home. */
  items: MissionItem[];
}

// Written so no two parts can match the same digits: no backtracking blow-up on hostile lines.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NAN = /^[+-]?nan$/i;

export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

function lineError(lineNo: number, en: string, zh: string): never {
  throw planError('wpl_bad_line', `Line ${lineNo}: ${en}`, `第 ${lineNo} 行：${zh}`, lineNo);
}

function parseField(s: string, lineNo: number, name: string): number {
  if (NUMBER.test(s) && Number.isFinite(Number(s))) return Number(s);
  if (NAN.test(s)) return Number.NaN;
  return lineError(lineNo, `${name} "${s.slice(0, 20)}" is not a number.`, `${name}“${s.slice(0, 20)}”不是数字。`);
}

function parseWhole(s: string, lineNo: number, name: string, max: number): number {
  const n = parseField(s, lineNo, name);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    lineError(lineNo, `${name} should be a whole number from 0 to ${max}, found "${s.slice(0, 20)}".`, `${name}应为 0 到 ${max} 之间的整数，实际为“${s.slice(0, 20)}”。`);
  }
  return n;
}

export function parseWplLine(line: string, lineNo: number): MissionItem {
  const f = line.trim().split(/[\t ]+/);
  if (f.length !== 12) {
    lineError(lineNo, `expected 12 values (seq current frame command p1 p2 p3 p4 x y z autocontinue), found ${f.length}.`, `应有 12 个值（序号 当前 坐标系 命令 p1 p2 p3 p4 x y z 自动继续），实际 ${f.length} 个。`);
  }
  return {
    seq: parseWhole(f[0], lineNo, 'seq', 65535),
    current: parseWhole(f[1], lineNo, 'current', 255),
    frame: parseWhole(f[2], lineNo, 'frame', 255),
    command: parseWhole(f[3], lineNo, 'command', 65535),
    param1: parseField(f[4], lineNo, 'param1'),
    param2: parseField(f[5], lineNo, 'param2'),
    param3: parseField(f[6], lineNo, 'param3'),
    param4: parseField(f[7], lineNo, 'param4'),
    x: parseField(f[8], lineNo, 'x (latitude)'),
    y: parseField(f[9], lineNo, 'y (longitude)'),
    z: parseField(f[10], lineNo, 'z (altitude)'),
    autocontinue: parseWhole(f[11], lineNo, 'autocontinue', 255),
  };
}

/** Fence and rally lists are recognised by their commands; anything else is a mission. */
function classify(items: readonly MissionItem[]): WplKind {
  if (items.length === 0) return 'mission';
  if (items.every((i) => i.command === MAV_CMD.NAV_RALLY_POINT)) return 'rally';
  if (items.every((i) => i.command >= 5000 && i.command < 5100)) return 'fence';
  return 'mission';
}

const MISSION_TYPE: Record<WplKind, number> = { mission: MAV_MISSION_TYPE.MISSION, fence: MAV_MISSION_TYPE.FENCE, rally: MAV_MISSION_TYPE.RALLY };

const KIND_NAMES: Record<WplKind, [string, string]> = { mission: ['mission', '任务'], fence: ['geofence', '地理围栏'], rally: ['rally point', '集结点'] };

export interface WplReadOptions {
  /**
   * What the caller is loading. An empty file is then that kind (a header alone cannot say), and a file
   * of another kind is refused instead of silently replacing, say, the mission with a fence.
   */
  expect?: WplKind;
}

function checkKind(found: WplKind, opts: WplReadOptions): void {
  if (opts.expect === undefined || opts.expect === found) return;
  const [fe, fz] = KIND_NAMES[found];
  const [ee, ez] = KIND_NAMES[opts.expect];
  throw planError('wpl_wrong_kind', `This is a ${fe} file, not a ${ee} file.`, `这是${fz}文件，不是${ez}文件。`);
}

export function parseWpl(text: string, opts: WplReadOptions = {}): WplFile {
  const lines = splitLines(text);
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  const header = (lines[i] ?? '').trim();
  const m = /^QGC WPL (\d+)$/.exec(header.replace(/\s+/g, ' '));
  if (!m) {
    throw planError('wpl_bad_header', `Line ${i + 1}: expected the header "QGC WPL 110", found "${header.slice(0, 40)}".`, `第 ${i + 1} 行：应为文件头“QGC WPL 110”，实际为“${header.slice(0, 40)}”。`, i + 1);
  }
  if (m[1] !== '110') {
    throw planError('wpl_bad_header', `Line ${i + 1}: waypoint file version ${m[1]} is not supported; this program reads QGC WPL 110.`, `第 ${i + 1} 行：不支持航点文件版本 ${m[1]}；本程序只支持 QGC WPL 110。`, i + 1);
  }
  const items: MissionItem[] = [];
  for (let k = i + 1; k < lines.length; k++) {
    const line = lines[k].trim();
    if (line === '' || line.startsWith('#')) continue;
    items.push(parseWplLine(line, k + 1));
  }
  const kind = items.length === 0 && opts.expect ? opts.expect : classify(items);
  checkKind(kind, opts);
  for (const it of items) it.missionType = MISSION_TYPE[kind];
  return { kind, items };
}

export interface WplPlan {
  kind: WplKind;
  plan: Plan;
  /** Items this model cannot represent (e.g. an unknown fence command); counted so the UI can say so. */
  skipped: MissionItem[];
}

/** Read a WPL mission, fence or rally file (or MAVProxy's older fence/rally text) into a Plan. */
export function parseWplPlan(text: string, opts: WplReadOptions = {}): WplPlan {
  if (isLegacyMavproxyText(text)) {
    const legacy = parseLegacyMavproxy(text);
    checkKind(legacy.kind, opts);
    return legacy;
  }
  const file = parseWpl(text, opts);
  const plan = emptyPlan();
  if (file.kind === 'fence') {
    const { fence, skipped } = fenceFromWire(file.items);
    return { kind: 'fence', plan: { ...plan, fence }, skipped };
  }
  if (file.kind === 'rally') {
    const { points, skipped } = rallyFromWire(file.items);
    return { kind: 'rally', plan: { ...plan, rally: { points } }, skipped };
  }
  // WPL missions always carry home as item 0, whichever autopilot wrote them.
  return { kind: 'mission', plan: { ...plan, mission: missionFromWire(file.items, { autopilot: 'ardupilot' }) }, skipped: [] };
}

/** Shortest text that reads back as exactly the same number; fixed decimals when they are exact. */
export function formatNumber(n: number, decimals: number): string {
  if (Number.isNaN(n)) return 'nan';
  const fixed = n.toFixed(decimals);
  return Number(fixed) === n ? fixed : String(n);
}

export function writeWpl(items: readonly MissionItem[]): string {
  const lines = ['QGC WPL 110'];
  items.forEach((it, seq) => {
    const p = [it.param1, it.param2, it.param3, it.param4].map((v) => formatNumber(v, 8));
    lines.push(
      [seq, it.current, it.frame, it.command, ...p, formatNumber(it.x, 8), formatNumber(it.y, 8), formatNumber(it.z, 6), it.autocontinue].join('\t'),
    );
  });
  return `${lines.join('\n')}\n`;
}

/** A mission as Mission Planner writes it: home first (marked current), then the items. */
export function writeWplMission(plan: Plan): string {
  const m = plan.mission;
  if (m.items.length === 0 && !m.plannedHome) return writeWpl([]);
  return writeWpl([homeItem(m.plannedHome, 1), ...m.items]);
}

export function writeWplFence(plan: Plan): string {
  return writeWpl(fenceToWire(plan.fence));
}

export function writeWplRally(plan: Plan): string {
  return writeWpl(rallyToWire(plan.rally.points));
}
