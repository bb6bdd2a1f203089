// MAVProxy's older fence and rally text files, from before fences and rally points travelled with
// the mission protocol (and still found in ArduPilot's tree):
//   fence: one "lat lon" per line; the first is the return point, the polygon follows and its last
//          point repeats the first vertex to close it;
//   rally: "RALLY lat lon alt break_alt land_dir flags" per line.

import { planError } from './errors';
import { emptyPlan, type LatLon, type Plan, type RallyPoint } from './types';
import type { WplPlan } from './wpl';

// Unambiguous (see wpl.ts NUMBER) so a long hostile line cannot make the regex backtrack for ages.
const NUM = '[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?';
const FENCE_LINE = new RegExp(`^(${NUM})[\\t ]+(${NUM})$`);

function contentLines(text: string): Array<{ line: string; lineNo: number }> {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((l, i) => ({ line: l.trim(), lineNo: i + 1 }))
    .filter((l) => l.line !== '' && !l.line.startsWith('#'));
}

export function isLegacyMavproxyText(text: string): boolean {
  const first = contentLines(text.slice(0, 4096))[0]?.line ?? '';
  return /^RALLY[\t ]/i.test(first) || FENCE_LINE.test(first);
}

function badLine(lineNo: number, en: string, zh: string): never {
  throw planError('wpl_bad_line', `Line ${lineNo}: ${en}`, `第 ${lineNo} 行：${zh}`, lineNo);
}

function checkLatLon(lat: number, lon: number, lineNo: number): LatLon {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    badLine(lineNo, `"${lat} ${lon}" is not a latitude and longitude.`, `“${lat} ${lon}”不是有效的纬度和经度。`);
  }
  return { lat, lon };
}

function parseLegacyRally(lines: Array<{ line: string; lineNo: number }>): RallyPoint[] {
  return lines.map(({ line, lineNo }) => {
    const f = line.split(/[\t ]+/);
    if (!/^RALLY$/i.test(f[0]) || f.length < 4) {
      badLine(lineNo, 'expected "RALLY lat lon alt [break_alt land_dir flags]".', '应为“RALLY 纬度 经度 高度 [...]”。');
    }
    const nums = f.slice(1, 4).map((s) => (new RegExp(`^${NUM}$`).test(s) ? Number(s) : Number.NaN));
    if (!Number.isFinite(nums[2])) badLine(lineNo, `altitude "${f[3].slice(0, 20)}" is not a number.`, `高度“${f[3].slice(0, 20)}”不是数字。`);
    return { ...checkLatLon(nums[0], nums[1], lineNo), altM: nums[2] };
  });
}

function parseLegacyFence(lines: Array<{ line: string; lineNo: number }>): Plan['fence'] {
  const points = lines.map(({ line, lineNo }) => {
    const m = FENCE_LINE.exec(line);
    if (!m) badLine(lineNo, 'expected "latitude longitude".', '应为“纬度 经度”。');
    return checkLatLon(Number(m[1]), Number(m[2]), lineNo);
  });
  const [ret, ...rest] = points;
  const vertices = rest.length > 1 && rest[0].lat === rest[rest.length - 1].lat && rest[0].lon === rest[rest.length - 1].lon ? rest.slice(0, -1) : rest;
  if (vertices.length > 0 && vertices.length < 3) {
    badLine(lines[lines.length - 1].lineNo, `the fence polygon has only ${vertices.length} vertices; it needs at least 3.`, `围栏多边形只有 ${vertices.length} 个顶点，至少需要 3 个。`);
  }
  return {
    polygons: vertices.length > 0 ? [{ inclusion: true, vertices }] : [],
    circles: [],
    returnPoint: { lat: ret.lat, lon: ret.lon, altM: 0 },
  };
}

export function parseLegacyMavproxy(text: string): WplPlan {
  const lines = contentLines(text);
  const plan = emptyPlan();
  if (/^RALLY[\t ]/i.test(lines[0]?.line ?? '')) {
    return { kind: 'rally', plan: { ...plan, rally: { points: parseLegacyRally(lines) } }, skipped: [] };
  }
  return { kind: 'fence', plan: { ...plan, fence: parseLegacyFence(lines) }, skipped: [] };
}
