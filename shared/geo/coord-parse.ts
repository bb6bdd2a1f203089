// Coordinates typed or pasted by a person: decimal degrees, degrees-minutes(-seconds), with or without
// hemisphere letters (N/S/E/W or 北纬/南纬/东经/西经), optionally marked as GCJ-02 or BD-09 when a
// dispatcher copies them from a phone map. Everything is converted to WGS-84, and the result says
// which datum and order the text was read as, so the UI can show it before anyone flies there.
import { ContractError, msg } from '../contract/errors';
import { convertDatum, type Datum, type LatLonDeg } from './datum';

export interface ParsedCoordinate {
  /** The position in WGS-84, what the plan and the vehicle use. */
  wgs84: LatLonDeg;
  /** The numbers as written, in their own datum. */
  input: LatLonDeg;
  datum: Datum;
  /** True when the text named its datum; false when it was taken as the caller's default. */
  datumMarked: boolean;
  format: 'DD' | 'DMS';
  /** True when the text was read as longitude first (phone maps copy "lon,lat"). */
  lonFirst: boolean;
}

const MAX_INPUT_CHARS = 200;

// Markers people paste next to the numbers; the phone-map names imply the datum their apps use.
const DATUM_MARKERS: Array<{ datum: Datum; pattern: RegExp }> = [
  { datum: 'GCJ02', pattern: /gcj[-_ ]?0?2|gcj|amap|gaode|高德|腾讯|tencent|火星/giu },
  { datum: 'BD09', pattern: /bd[-_ ]?0?9(ll)?|baidu|百度/giu },
  { datum: 'WGS84', pattern: /wgs[-_ ]?84|wgs|gps/giu },
];

const HEMI_WORDS: Array<[RegExp, string]> = [
  [/北纬/gu, ' N '],
  [/南纬/gu, ' S '],
  [/东经/gu, ' E '],
  [/西经/gu, ' W '],
];

function invalid(text: string, why: { en: string; zh: string }): ContractError {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return new ContractError('coordinate-invalid', msg(`Cannot read "${shown}" as a coordinate: ${why.en}`, `无法将"${shown}"识别为坐标：${why.zh}`));
}

interface Axis {
  valueDeg: number;
  hemi?: 'N' | 'S' | 'E' | 'W';
  dms: boolean;
}

/** One angle: "46.07", "-46.07", "46°04.5'", "46 04 21.4", "46°04′21.4″N", "N46:04:21". */
function parseAxis(raw: string, whole: string): Axis {
  let text = raw.trim();
  let hemi: Axis['hemi'];
  const lead = /^([NSEW])\s*/i.exec(text);
  const trail = /\s*([NSEW])$/i.exec(text);
  if (lead) {
    hemi = lead[1]!.toUpperCase() as Axis['hemi'];
    text = text.slice(lead[0].length);
  } else if (trail) {
    hemi = trail[1]!.toUpperCase() as Axis['hemi'];
    text = text.slice(0, text.length - trail[0].length);
  }
  const parts = text
    .replace(/[°º˚度'′’分"″”秒:]/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter((p) => p.length > 0);
  if (parts.length < 1 || parts.length > 3 || !parts.every((p) => /^[+-]?\d+(\.\d+)?$/.test(p))) {
    throw invalid(whole, { en: 'expected numbers like 46.0726 or 46°04′21″N.', zh: '应为 46.0726 或 46°04′21″N 这样的数字。' });
  }
  const nums = parts.map(Number);
  const negative = parts[0]!.startsWith('-');
  const [d, m = 0, s = 0] = nums.map(Math.abs) as [number, number?, number?];
  if (parts.length > 1 && (m >= 60 || s >= 60 || (parts.length === 3 && !Number.isInteger(m)) || !Number.isInteger(d))) {
    throw invalid(whole, { en: 'minutes and seconds must be below 60.', zh: '分和秒必须小于 60。' });
  }
  const magnitude = d + m / 60 + s / 3600;
  return { valueDeg: negative ? -magnitude : magnitude, hemi, dms: parts.length > 1 };
}

/** Splits the two angles: at a comma/semicolon, else at a hemisphere letter, else at whitespace halves. */
function splitPair(text: string, whole: string): [string, string] {
  const bySep = text.split(/[,;，；]/u).map((p) => p.trim()).filter((p) => p.length > 0);
  if (bySep.length === 2) return [bySep[0]!, bySep[1]!];
  if (bySep.length > 2) throw invalid(whole, { en: 'too many parts; give latitude and longitude.', zh: '部分过多；请给出纬度和经度。' });
  const hemiSplit = /^(.*?[NS])\s*([EW].*|.*[EW])$/i.exec(text) ?? /^(.*?[EW])\s*([NS].*|.*[NS])$/i.exec(text);
  if (hemiSplit && hemiSplit[1]!.trim() && hemiSplit[2]!.trim()) return [hemiSplit[1]!, hemiSplit[2]!];
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.length % 2 === 0 && words.length > 0) {
    const half = words.length / 2;
    return [words.slice(0, half).join(' '), words.slice(half).join(' ')];
  }
  throw invalid(whole, { en: 'give latitude and longitude, e.g. 46.0726, 122.0933.', zh: '请给出纬度和经度，例如 46.0726, 122.0933。' });
}

/**
 * Reads a coordinate pair. Without hemisphere letters the order is latitude, longitude, unless the
 * first value cannot be a latitude and the second can (|first| > 90): then it is the lon,lat order of
 * phone-map copies. `defaultDatum` applies when the text carries no datum marker.
 */
export function parseCoordinate(text: string, defaultDatum: Datum = 'WGS84'): ParsedCoordinate {
  if (text.length > MAX_INPUT_CHARS) throw invalid(text, { en: 'the text is too long.', zh: '文本过长。' });
  let rest = text.normalize('NFKC');
  let datum: Datum | undefined;
  for (const marker of DATUM_MARKERS) {
    if (marker.pattern.test(rest)) {
      if (datum && datum !== marker.datum) throw invalid(text, { en: 'it names two different datums.', zh: '其中标明了两个不同的坐标系。' });
      datum = marker.datum;
      rest = rest.replace(marker.pattern, ' ');
    }
    marker.pattern.lastIndex = 0;
  }
  for (const [pattern, letter] of HEMI_WORDS) rest = rest.replace(pattern, letter);
  // Brackets and a colon left where a marker stood ("GCJ-02: 39.9, 116.4") carry no meaning.
  rest = rest.replace(/[()[\]（）]/gu, ' ').trim().replace(/^[:：=\s]+/u, '').trim();
  if (rest.length === 0) throw invalid(text, { en: 'no numbers found.', zh: '未找到数字。' });
  const [aText, bText] = splitPair(rest, text);
  const a = parseAxis(aText, text);
  const b = parseAxis(bText, text);
  let lat: Axis;
  let lon: Axis;
  let lonFirst = false;
  const isLatHemi = (h: Axis['hemi']): boolean => h === 'N' || h === 'S';
  const isLonHemi = (h: Axis['hemi']): boolean => h === 'E' || h === 'W';
  if (a.hemi || b.hemi) {
    if (isLonHemi(a.hemi) || isLatHemi(b.hemi)) {
      [lat, lon, lonFirst] = [b, a, true];
    } else {
      [lat, lon] = [a, b];
    }
    if ((lat.hemi && !isLatHemi(lat.hemi)) || (lon.hemi && !isLonHemi(lon.hemi))) {
      throw invalid(text, { en: 'both values carry the same kind of hemisphere letter.', zh: '两个数值的方位字母属于同一类。' });
    }
  } else if (Math.abs(a.valueDeg) > 90 && Math.abs(b.valueDeg) <= 90) {
    [lat, lon, lonFirst] = [b, a, true];
  } else {
    [lat, lon] = [a, b];
  }
  const latDeg = lat.hemi === 'S' ? -Math.abs(lat.valueDeg) : lat.valueDeg;
  const lonDeg = lon.hemi === 'W' ? -Math.abs(lon.valueDeg) : lon.valueDeg;
  if (Math.abs(latDeg) > 90) throw invalid(text, { en: 'latitude must be within ±90°.', zh: '纬度必须在 ±90° 之内。' });
  if (Math.abs(lonDeg) > 180) throw invalid(text, { en: 'longitude must be within ±180°.', zh: '经度必须在 ±180° 之内。' });
  const used = datum ?? defaultDatum;
  const input = { lat: latDeg, lon: lonDeg };
  return { wgs84: convertDatum(input, used, 'WGS84'), input, datum: used, datumMarked: datum !== undefined, format: a.dms || b.dms ? 'DMS' : 'DD', lonFirst };
}
