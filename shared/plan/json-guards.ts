// Small readers for untrusted JSON that name WHERE a value is wrong ("mission.items[3].params"),
// so a pilot (or whoever made the file) can find the problem.

import { planError } from './errors';

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function bad(where: string, wantEn: string, wantZh: string, v: unknown): never {
  throw planError(
    'plan_bad_value',
    `"${where}" should be ${wantEn}, but the file has ${describe(v)}.`,
    `“${where}”应为${wantZh}，文件中为 ${describe(v)}。`,
  );
}

export function asObject(v: unknown, where: string): JsonObject {
  return isObject(v) ? v : bad(where, 'an object', '对象', v);
}

export function asArray(v: unknown, where: string): unknown[] {
  return Array.isArray(v) ? v : bad(where, 'a list', '列表', v);
}

export function asNumber(v: unknown, where: string): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : bad(where, 'a number', '数字', v);
}

/** QGC writes NaN ("unused") as null. */
export function asNumberOrNaN(v: unknown, where: string): number {
  if (v === null) return Number.NaN;
  return asNumber(v, where);
}

export function asInteger(v: unknown, where: string, min: number, max: number): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
  return bad(where, `a whole number from ${min} to ${max}`, `${min} 到 ${max} 之间的整数`, v);
}

export function asBoolean(v: unknown, where: string): boolean {
  return typeof v === 'boolean' ? v : bad(where, 'true or false', 'true 或 false', v);
}

export function asLatLon(v: unknown, where: string): { lat: number; lon: number } {
  const a = asArray(v, where);
  if (a.length < 2) bad(where, '[latitude, longitude]', '[纬度, 经度]', v);
  const lat = asNumber(a[0], `${where}[0]`);
  const lon = asNumber(a[1], `${where}[1]`);
  if (Math.abs(lat) > 90) bad(`${where}[0]`, 'a latitude from -90 to 90', '-90 到 90 之间的纬度', lat);
  if (Math.abs(lon) > 180) bad(`${where}[1]`, 'a longitude from -180 to 180', '-180 到 180 之间的经度', lon);
  return { lat, lon };
}

export function asLatLonAlt(v: unknown, where: string): { lat: number; lon: number; alt: number } {
  const a = asArray(v, where);
  if (a.length < 3) bad(where, '[latitude, longitude, altitude]', '[纬度, 经度, 高度]', v);
  return { ...asLatLon(a, where), alt: asNumber(a[2], `${where}[2]`) };
}

export function requireSection(root: JsonObject, key: string): JsonObject {
  if (!(key in root)) {
    throw planError(
      'plan_missing_section',
      `The plan file has no "${key}" section.`,
      `计划文件缺少“${key}”部分。`,
    );
  }
  return asObject(root[key], key);
}

/** `section` names the part of the file: a key like "mission", or "" for the file itself. */
export function requireVersion(obj: JsonObject, section: string, supported: readonly number[]): number {
  const v = obj.version;
  if (typeof v === 'number' && supported.includes(v)) return v;
  const whatEn = section === '' ? 'This plan file' : `The "${section}" section`;
  const whatZh = section === '' ? '该计划文件' : `“${section}”部分`;
  const foundEn = v === undefined ? 'has no version' : `is version ${describe(v)}`;
  const foundZh = v === undefined ? '没有版本号' : `的版本为 ${describe(v)}`;
  throw planError(
    'plan_unsupported_version',
    `${whatEn} ${foundEn}; this program reads version ${supported.join(' or ')}.`,
    `${whatZh}${foundZh}；本程序只支持版本 ${supported.join(' 或 ')}。`,
  );
}
