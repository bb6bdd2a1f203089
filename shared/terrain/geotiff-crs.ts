// What a GeoTIFF's geokeys say about its coordinates, reduced to what we can place on GPS positions:
// latitude/longitude (WGS-84, CGCS2000 and the other GPS-aligned datums, which differ by under 2 m),
// or a projection we can invert here: UTM on WGS-84, CGCS2000 Gauss-Krüger (3- and 6-degree, with and
// without the zone number in the false easting), Web Mercator, and a user-defined Transverse Mercator.
// Why not proj4: it knows none of these EPSG codes by itself (its defs would come from us anyway),
// and every one of them is Transverse Mercator. Beijing 1954 and Xi'an 1980 grids are refused: their
// datums sit tens of metres from GPS and no exact transformation exists to apply here.
import { TiffProblem, type Ifd } from './tiff-ifd';
import { CGCS2000, transverseMercator, webMercator, WGS84, type Projection } from './transverse-mercator';

export type Crs = { kind: 'geographic' } | { kind: 'projected'; name: string; projection: Projection };

/** Geographic CRSs aligned with GPS to within 2 m: WGS-84, CGCS2000, NAD83, ETRS89, GDA94, JGD2000. */
const GPS_GEOGRAPHIC = new Set([4326, 4490, 4269, 4258, 4283, 4612]);
const USER_DEFINED = 32767;

const localDatum = (what: string): TiffProblem =>
  new TiffProblem(
    `its coordinates are on ${what}, tens of metres from GPS; convert the DEM to CGCS2000 or WGS-84 (for example EPSG:4490, 4326 or a CGCS2000 Gauss-Krüger zone) and load it again.`,
    `其坐标基于${what}，与 GPS 相差数十米；请将 DEM 转换到 CGCS2000 或 WGS-84（如 EPSG:4490、4326 或 CGCS2000 高斯-克吕格分带）后重新加载。`,
  );

function unsupported(code: number): TiffProblem {
  return new TiffProblem(
    `its projection EPSG:${code} is not one we can read; export it in latitude/longitude (EPSG:4326 or 4490), UTM (EPSG:326xx) or CGCS2000 Gauss-Krüger (EPSG:4491-4554).`,
    `无法读取其投影 EPSG:${code}；请以经纬度（EPSG:4326 或 4490）、UTM（EPSG:326xx）或 CGCS2000 高斯-克吕格（EPSG:4491-4554）导出。`,
  );
}

/** geokey id -> value, from the directory (34735) with its double (34736) and text (34737) params. */
export function readGeoKeys(ifd: Ifd): Map<number, number> {
  const dir = ifd.values(34735);
  const doubles = ifd.values(34736);
  const keys = new Map<number, number>();
  for (let i = 4; i + 3 < dir.length && keys.size < 1000; i += 4) {
    const [id, where, count, at] = [dir[i]!, dir[i + 1]!, dir[i + 2]!, dir[i + 3]!];
    if (where === 0) keys.set(id, at);
    else if (where === 34736 && count >= 1 && at < doubles.length) keys.set(id, doubles[at]!);
  }
  return keys;
}

/** The projected CRS's name as the file spells it (PCSCitationGeoKey, else GTCitationGeoKey), or ''. */
export function readGeoCitation(ifd: Ifd): string {
  const dir = ifd.values(34735);
  const ascii = ifd.values(34737);
  const texts = new Map<number, string>();
  for (let i = 4; i + 3 < dir.length && texts.size < 100; i += 4) {
    const [id, where, count, at] = [dir[i]!, dir[i + 1]!, dir[i + 2]!, dir[i + 3]!];
    if (where === 34737) texts.set(id, String.fromCharCode(...ascii.slice(at, at + Math.min(count, 500))));
  }
  return texts.get(3073) ?? texts.get(1026) ?? '';
}

/**
 * ArcGIS and some GDAL exports name the grid only in the citation ("CGCS2000_3_Degree_GK_CM_123E",
 * "WGS 84 / UTM zone 51N") with no parameters; the name is then the only description there is.
 */
export function epsgFromCitation(citation: string): number | null {
  const t = citation.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
  let m = /wgs (?:1984|84) utm zone (\d+) ?([ns])\b/.exec(t);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 60 ? (m[2] === 'n' ? 32600 : 32700) + Number(m[1]) : null;
  m = /cgcs ?2000 (3 degree )?(?:gk|gauss kruger) (?:cm (\d+) ?e|zone (\d+))\b/.exec(t);
  if (!m) return null;
  const three = !!m[1];
  const cm = m[2] === undefined ? null : Number(m[2]);
  const zone = m[3] === undefined ? null : Number(m[3]);
  const code = three ? (cm !== null ? 4534 + (cm - 75) / 3 : 4513 + zone! - 25) : cm !== null ? 4502 + (cm - 75) / 6 : 4491 + zone! - 13;
  const [lo, hi] = three ? (cm !== null ? [4534, 4554] : [4513, 4533]) : cm !== null ? [4502, 4512] : [4491, 4501];
  return Number.isInteger(code) && code >= lo! && code <= hi! ? code : null;
}

/** EPSG projected codes we know: UTM/WGS-84 north and south, the four CGCS2000 Gauss-Krüger families, 3857. */
export function projectionForEpsg(code: number): Projection | null {
  const tm = (datum: { a: number; f: number }, lon0Deg: number, k0: number, falseEastingM: number, falseNorthingM = 0): Projection =>
    transverseMercator({ ...datum, lon0Deg, lat0Deg: 0, k0, falseEastingM, falseNorthingM });
  if (code >= 32601 && code <= 32660) return tm(WGS84, (code - 32600) * 6 - 183, 0.9996, 500_000);
  if (code >= 32701 && code <= 32760) return tm(WGS84, (code - 32700) * 6 - 183, 0.9996, 500_000, 10_000_000);
  // CGCS2000 / Gauss-Kruger zone 13-23 (6 degree, the zone number leads the easting).
  if (code >= 4491 && code <= 4501) return tm(CGCS2000, (code - 4478) * 6 - 3, 1, (code - 4478) * 1e6 + 500_000);
  // CGCS2000 / Gauss-Kruger CM 75E-135E (6 degree).
  if (code >= 4502 && code <= 4512) return tm(CGCS2000, 75 + (code - 4502) * 6, 1, 500_000);
  // CGCS2000 / 3-degree Gauss-Kruger zone 25-45.
  if (code >= 4513 && code <= 4533) return tm(CGCS2000, (code - 4488) * 3, 1, (code - 4488) * 1e6 + 500_000);
  // CGCS2000 / 3-degree Gauss-Kruger CM 75E-135E.
  if (code >= 4534 && code <= 4554) return tm(CGCS2000, 75 + (code - 4534) * 3, 1, 500_000);
  if (code === 3857 || code === 900913) return webMercator;
  return null;
}

function isLocalChineseDatum(code: number): boolean {
  // Beijing 1954 and Xi'an 1980 geographic, and their Gauss-Krüger grids (3- and 6-degree families).
  // (2391-2400 between them are Finnish and Yemeni grids, not these.)
  return code === 4214 || code === 4610 || (code >= 2327 && code <= 2390) || (code >= 2401 && code <= 2442) || (code >= 21413 && code <= 21483);
}

export function crsOf(keys: Map<number, number>, citation = ''): Crs {
  // Some exporters leave out the model type but name the projected CRS: that names it well enough.
  const model = keys.get(1024) ?? (keys.has(3072) ? 1 : undefined);
  const geographic = keys.get(2048);
  if (geographic !== undefined && isLocalChineseDatum(geographic)) throw localDatum(geographic === 4214 ? 'Beijing 1954' : "Xi'an 1980");
  const ellipsoid = ellipsoidOf(keys);
  if (model === undefined || model === 2) {
    if (geographic === undefined || GPS_GEOGRAPHIC.has(geographic) || (geographic === USER_DEFINED && ellipsoid)) return { kind: 'geographic' };
    throw new TiffProblem(
      `its geographic datum EPSG:${geographic} is not one aligned with GPS; export it in WGS-84 (EPSG:4326) or CGCS2000 (EPSG:4490).`,
      `其地理坐标系 EPSG:${geographic} 与 GPS 不一致；请以 WGS-84（EPSG:4326）或 CGCS2000（EPSG:4490）导出。`,
    );
  }
  if (model !== 1) throw new TiffProblem(`its model type ${model} is neither geographic nor projected.`, `其模型类型 ${model} 既非地理坐标也非投影坐标。`);
  const units = keys.get(3076);
  if (units !== undefined && units !== 9001) {
    throw new TiffProblem(`its grid is in units ${units}, not metres; export it in metres.`, `其网格单位为 ${units}，不是米；请以米为单位导出。`);
  }
  if (/beijing 1954|xi ?an 1980/.test(citation.toLowerCase().replace(/[^a-z0-9]+/g, ' '))) throw localDatum(/beijing/i.test(citation) ? 'Beijing 1954' : "Xi'an 1980");
  const named = keys.get(3072);
  const described = keys.has(3075) || (keys.get(3074) ?? USER_DEFINED) !== USER_DEFINED;
  const code = named !== undefined && named !== USER_DEFINED ? named : described ? undefined : (epsgFromCitation(citation) ?? undefined);
  if (code !== undefined) {
    if (isLocalChineseDatum(code)) throw localDatum(code >= 21413 || (code >= 2401 && code <= 2442) ? 'Beijing 1954' : "Xi'an 1980");
    const projection = projectionForEpsg(code);
    if (!projection) throw unsupported(code);
    return { kind: 'projected', name: `EPSG:${code}`, projection };
  }
  return { kind: 'projected', name: 'user-defined Transverse Mercator', projection: userDefinedTm(keys, ellipsoid) };
}

/** The ellipsoid the keys name or give, when it is GPS's (WGS-84 or GRS80); refuses Krassowsky and IAG-75. */
function ellipsoidOf(keys: Map<number, number>): { a: number; f: number } | null {
  const code = keys.get(2056);
  if (code === 7024) throw localDatum('the Krassowsky ellipsoid (Beijing 1954)');
  if (code === 7049 || code === 7022) throw localDatum("the IAG-75 ellipsoid (Xi'an 1980)");
  const a = keys.get(2057);
  const inv = keys.get(2059);
  if (a !== undefined) {
    if (Math.abs(a - 6378137) > 1) throw localDatum(`an ellipsoid of semi-major axis ${a} m`);
    return inv !== undefined && inv > 290 && inv < 300 ? { a, f: 1 / inv } : WGS84;
  }
  if (code === 7030) return WGS84;
  if (code === 7019 || code === 1024) return CGCS2000;
  const geographic = keys.get(2048);
  if (geographic !== undefined && GPS_GEOGRAPHIC.has(geographic)) return geographic === 4490 ? CGCS2000 : WGS84;
  return null;
}

function userDefinedTm(keys: Map<number, number>, ellipsoid: { a: number; f: number } | null): Projection {
  const projection = keys.get(3074);
  // ProjectionGeoKey may name a UTM zone on its own (16001-16060 north, 16101-16160 south).
  if (projection !== undefined && projection > 16000 && projection <= 16160 && projection % 100 >= 1 && projection % 100 <= 60) {
    return projectionForEpsg((projection > 16100 ? 32700 : 32600) + (projection % 100))!;
  }
  const method = keys.get(3075);
  const lon0 = keys.get(3080) ?? keys.get(3088);
  if (method !== 1 || lon0 === undefined) {
    throw new TiffProblem(
      `its projection (method ${method ?? 'unknown'}) is not one we can read; export it in latitude/longitude (EPSG:4326 or 4490), UTM or CGCS2000 Gauss-Krüger.`,
      `无法读取其投影（方法 ${method ?? '未知'}）；请以经纬度（EPSG:4326 或 4490）、UTM 或 CGCS2000 高斯-克吕格导出。`,
    );
  }
  if (!ellipsoid) throw localDatum('an unnamed datum');
  return transverseMercator({
    ...ellipsoid,
    lon0Deg: lon0,
    lat0Deg: keys.get(3081) ?? keys.get(3089) ?? 0,
    k0: keys.get(3092) ?? keys.get(3093) ?? 1,
    falseEastingM: keys.get(3082) ?? keys.get(3086) ?? 0,
    falseNorthingM: keys.get(3083) ?? keys.get(3087) ?? 0,
  });
}
