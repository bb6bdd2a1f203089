// Map sources as the station stores them and the layer panel shows them. Every source declares its
// datum: WGS-84 and CGCS2000 (Tianditu; the same as WGS-84 to centimetres at this scale) line up with
// GPS; GCJ-02 (Gaode/AMap, Tencent) and BD-09 (Baidu) tiles are drawn shifted by up to ~700 m and
// are refused, because a pilot would plan 500 m off without seeing it. Known hosts of those services
// are refused even when the user says the datum is WGS-84.
import { ContractError, msg } from '../contract/errors';

export type SourceDatum = 'WGS84' | 'CGCS2000' | 'GCJ02' | 'BD09';
export type SourceKind = 'xyz' | 'tms' | 'mbtiles' | 'pmtiles';

export interface MapSource {
  id: string;
  name: string;
  kind: SourceKind;
  /** xyz/tms: URL template with {z} {x} {y} and optionally {s} (subdomain) and {token}. */
  url?: string;
  /** mbtiles/pmtiles: the file on the station's disk. */
  path?: string;
  datum: SourceDatum;
  enabled: boolean;
  /** 0..1 */
  opacity: number;
  /** Drawing order: lower first (below). */
  order: number;
  attribution: string;
  maxZoom: number;
  /** True when the source has a token set (the token itself never leaves the station). */
  hasToken: boolean;
  /** Built-in sources cannot be removed, only hidden. */
  builtIn: boolean;
  /** Tianditu and similar need a key: without one the source cannot fetch. */
  needsToken: boolean;
}

export interface SourceTemplate {
  id: string;
  name: string;
  kind: 'xyz' | 'tms';
  url: string;
  datum: SourceDatum;
  attribution: string;
  maxZoom: number;
  needsToken: boolean;
}

const TDT = (layer: string): string =>
  `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={token}`;

/** The sources every station knows; online ones are off until the pilot turns them on. */
export const BUILT_IN_SOURCES: readonly SourceTemplate[] = [
  { id: 'osm', name: 'OpenStreetMap', kind: 'xyz', url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', datum: 'WGS84', attribution: '© OpenStreetMap contributors', maxZoom: 19, needsToken: false },
  { id: 'esri-imagery', name: 'Esri World Imagery', kind: 'xyz', url: 'https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}', datum: 'WGS84', attribution: 'Esri, Maxar, Earthstar Geographics', maxZoom: 19, needsToken: false },
  { id: 'tianditu-vec', name: '天地图 矢量 Tianditu vector', kind: 'xyz', url: TDT('vec'), datum: 'CGCS2000', attribution: '天地图 Tianditu', maxZoom: 18, needsToken: true },
  { id: 'tianditu-cva', name: '天地图 矢量注记 Tianditu vector labels', kind: 'xyz', url: TDT('cva'), datum: 'CGCS2000', attribution: '天地图 Tianditu', maxZoom: 18, needsToken: true },
  { id: 'tianditu-img', name: '天地图 影像 Tianditu imagery', kind: 'xyz', url: TDT('img'), datum: 'CGCS2000', attribution: '天地图 Tianditu', maxZoom: 18, needsToken: true },
  { id: 'tianditu-cia', name: '天地图 影像注记 Tianditu imagery labels', kind: 'xyz', url: TDT('cia'), datum: 'CGCS2000', attribution: '天地图 Tianditu', maxZoom: 18, needsToken: true },
];

const SHIFTED_HOSTS: Array<{ pattern: RegExp; datum: 'GCJ02' | 'BD09'; service: string }> = [
  { pattern: /(^|\.)(autonavi\.com|amap\.com|gaode\.com)$/i, datum: 'GCJ02', service: 'Gaode/AMap' },
  { pattern: /(^|\.)(gtimg\.com|map\.qq\.com)$/i, datum: 'GCJ02', service: 'Tencent' },
  { pattern: /(^|\.)(bdimg\.com|map\.baidu\.com|bdstatic\.com)$/i, datum: 'BD09', service: 'Baidu' },
];

/** Scheme and host of an http(s) URL template (shared/ has no URL class: it runs without DOM or Node). */
function urlParts(url: string): { scheme: string; host: string } | null {
  const m = /^(https?):\/\/([A-Za-z0-9.{}-]+)(:\d+)?(\/|$|\?)/i.exec(url);
  return m ? { scheme: m[1]!.toLowerCase(), host: m[2]!.toLowerCase().replace(/\{[a-z]+\}/g, '0') } : null;
}

/** Why a source cannot be used as a basemap under WGS-84 data, or null when it can. */
export function refuseShiftedDatum(datum: SourceDatum, url: string | undefined): ContractError | null {
  const host = url ? (urlParts(url)?.host ?? '') : '';
  const known = SHIFTED_HOSTS.find((h) => h.pattern.test(host));
  const shifted = known?.datum ?? (datum === 'GCJ02' || datum === 'BD09' ? datum : null);
  if (!shifted) return null;
  const service = known?.service ?? (shifted === 'GCJ02' ? 'GCJ-02' : 'BD-09');
  const name = shifted === 'GCJ02' ? 'GCJ-02' : 'BD-09';
  return new ContractError(
    'tiles-shifted-datum',
    msg(
      `${service} tiles use the ${name} datum: they are drawn up to ~700 m away from GPS positions, so plans, vehicles and zones would not line up. Use OpenStreetMap, Esri or Tianditu (CGCS2000 = WGS-84 here), or convert coordinates copied from such maps with the coordinate entry.`,
      `${service} 瓦片使用 ${name} 坐标系：与 GPS 位置偏差可达约 700 米，航线、飞机和空域将无法对齐。请使用 OpenStreetMap、Esri 或天地图（CGCS2000 在此等同 WGS-84）；从此类地图复制的坐标请用坐标输入框转换。`,
    ),
  );
}

/** The upstream URL of one tile; {s} picks a subdomain by tile so load spreads like browsers do it. */
export function expandTileUrl(template: string, z: number, x: number, y: number, token: string | null, tms: boolean): string {
  const row = tms ? 2 ** z - 1 - y : y;
  return template
    .replace(/\{z\}/g, String(z))
    .replace(/\{x\}/g, String(x))
    .replace(/\{y\}/g, String(row))
    .replace(/\{s\}/g, String((x + y) % 8))
    .replace(/\{token\}/g, encodeURIComponent(token ?? ''));
}

/** A URL template the station can fetch: http(s), with {z}, {x} and {y}. */
export function checkTileUrl(url: string): ContractError | null {
  const ok = urlParts(url) !== null && /\{z\}/.test(url) && /\{x\}/.test(url) && /\{y\}/.test(url);
  return ok ? null : new ContractError('tiles-bad-url', msg('The tile URL must be http(s) and contain {z}, {x} and {y}.', '瓦片地址必须是 http(s)，并包含 {z}、{x} 和 {y}。'));
}
