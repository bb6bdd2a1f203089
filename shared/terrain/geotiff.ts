// GeoTIFF elevation models as units are given them: SRTM/ASTER/Copernicus tiles in latitude/longitude
// and survey DEMs in UTM or CGCS2000 Gauss-Krüger metres; TIFF or BigTIFF, strips or tiles, LZW,
// Deflate, PackBits or none, any predictor, integer or float heights (see tiff-raster.ts). A projected
// DEM is resampled once into a latitude/longitude grid (resample.ts), so the rest of the station sees
// one kind of grid. Anything else (several bands, other projections, local datums) is refused with a
// reason the unit can act on, rather than flown on a misread model.
//
// Why our own reader and not geotiff.js (3.0.5) + proj4 (2.22): geotiff.js is asynchronous only, and
// our folder loader and the fuzz harness are synchronous; it inflates a whole block whatever it
// expands to (so a hostile file's cost is not bounded by its claimed size); and it brings eight
// packages (pako, lerc, zstddec, a web-worker pool...) for codecs DEMs are not given in. proj4 knows
// none of the UTM or CGCS2000 codes by itself (we would write their definitions anyway), and all of
// them are Transverse Mercator: transverse-mercator.ts is 90 lines, checked against GeographicLib.
// The whole reader is about 1,000 lines that we bound, fuzz and measure (npm run bench). It reads
// libtiff's LZW, Deflate, PackBits and predictor 2/3 output sample for sample, and libtiff reads the
// test encoder's (test/support/tiff-encode.ts) likewise: checked with Pillow 12.3 outside the repo.
import { ContractError, msg } from '../contract/errors';
import { crsOf, readGeoCitation, readGeoKeys, type Crs } from './geotiff-crs';
import type { ElevationGrid } from './model';
import { footprintOf, resampleToGeographic, type GridPlacement } from './resample';
import { readIfd, TiffProblem, type Ifd } from './tiff-ifd';
import { checkGridSize, readRaster, VOID_I16, type Raster } from './tiff-raster';
import type { Projection } from './transverse-mercator';

function refuse(name: string, en: string, zh: string): ContractError {
  return new ContractError('terrain-geotiff', msg(`${name}: ${en}`, `${name}：${zh}`));
}

/** Projected samples not yet put into latitude/longitude: kept so sheets of one survey can be joined first (mosaic.ts). */
export interface ProjectedSheet {
  files: string[];
  crsName: string;
  projection: Projection;
  at: GridPlacement;
  raster: Raster;
}

export type GeoTiffContent = { grid: ElevationGrid } | { sheet: ProjectedSheet };

export function parseGeoTiff(name: string, bytes: Uint8Array): ElevationGrid {
  const content = readGeoTiff(name, bytes);
  return 'grid' in content ? content.grid : gridOfSheet(content.sheet);
}

export function readGeoTiff(name: string, bytes: Uint8Array): GeoTiffContent {
  return refusingAs(name, () => {
    const ifd = readIfd(bytes);
    const keys = readGeoKeys(ifd);
    const crs = crsOf(keys, readGeoCitation(ifd));
    const width = ifd.one(256);
    const height = ifd.one(257);
    checkGridSize(width, height);
    const at = placementOf(ifd, keys.get(1025) === 2);
    if (crs.kind === 'geographic') return { grid: geographicGrid(name, ifd, bytes, at, width, height) };
    return { sheet: projectedSheet(name, ifd, bytes, at, width, height, crs) };
  });
}

/** A projected sheet (or a mosaic of them) resampled into latitude/longitude. */
export function gridOfSheet(sheet: ProjectedSheet): ElevationGrid {
  const name = sheet.files.join(' + ');
  return refusingAs(name, () => {
    const fp = footprintOf(sheet.raster.width, sheet.raster.height, sheet.at, sheet.projection);
    return resampleToGeographic(sheet.raster, sheet.at, sheet.projection, fp, `${name} (${sheet.crsName})`);
  });
}

function refusingAs<T>(name: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof TiffProblem) throw refuse(name, err.en, err.zh);
    throw err;
  }
}

function geographicGrid(name: string, ifd: Ifd, bytes: Uint8Array, at: GridPlacement, width: number, height: number): ElevationGrid {
  const south = at.y0 - (height - 1) * at.dy;
  const east = at.x0 + (width - 1) * at.dx;
  if (!(at.dx < 1 && at.dy < 1 && at.y0 <= 90.5 && south >= -90.5 && at.x0 >= -180.5 && east <= 180.5)) {
    throw new TiffProblem('its coordinates are not latitude/longitude degrees.', '其坐标不是经纬度。');
  }
  const raster = readRaster(ifd, bytes);
  return {
    north: at.y0,
    west: at.x0,
    dLat: at.dy,
    dLon: at.dx,
    rows: height,
    cols: width,
    heightsM: raster.samples,
    noData: raster.samples instanceof Int16Array ? VOID_I16 : null,
    label: name,
  };
}

function projectedSheet(name: string, ifd: Ifd, bytes: Uint8Array, at: GridPlacement, width: number, height: number, crs: Extract<Crs, { kind: 'projected' }>): ProjectedSheet {
  if (!(at.dx >= 0.01 && at.dy >= 0.01 && at.dx <= 100_000 && at.dy <= 100_000)) {
    throw new TiffProblem(`its pixels (${at.dx} x ${at.dy}) are not a size in metres a DEM has.`, `其像元大小（${at.dx} x ${at.dy}）不是 DEM 应有的米制尺寸。`);
  }
  // Sized and refused before the samples are decoded.
  footprintOf(width, height, at, crs.projection);
  return { files: [name], crsName: crs.name, projection: crs.projection, at, raster: readRaster(ifd, bytes) };
}

/**
 * Where sample (0,0) is, from ModelPixelScale + one ModelTiepoint, or a north-up ModelTransformation.
 * An area-registered file (PixelIsArea, the default) ties the pixel's corner, so its sample, at the
 * pixel's centre, is half a pixel in.
 */
function placementOf(ifd: Ifd, pointRegistered: boolean): GridPlacement {
  const half = pointRegistered ? 0 : 0.5;
  const scale = ifd.values(33550);
  const tie = ifd.values(33922);
  const matrix = ifd.values(34264);
  let sx: number;
  let sy: number;
  let ti: number;
  let tj: number;
  let tx: number;
  let ty: number;
  if (scale.length >= 2 && tie.length >= 6) {
    if (tie.length > 6) throw new TiffProblem('it is placed by several control points, not a grid; warp (rectify) it before loading.', '其由多个控制点定位而非规则网格；请先校正后再加载。');
    [sx, sy] = scale as [number, number];
    [ti, tj, , tx, ty] = tie as [number, number, number, number, number];
  } else if (matrix.length >= 16) {
    if (matrix[1] !== 0 || matrix[4] !== 0) throw new TiffProblem('its grid is rotated against north; warp it north-up before loading.', '其网格相对正北旋转；请先校正为正北向后再加载。');
    [sx, sy, ti, tj, tx, ty] = [matrix[0]!, -matrix[5]!, 0, 0, matrix[3]!, matrix[7]!];
  } else {
    throw new TiffProblem('it carries no georeferencing (pixel scale and tie point).', '文件缺少地理参考（像素比例和控制点）。');
  }
  if (!(sx > 0 && sy > 0 && Number.isFinite(sx + sy + ti + tj + tx + ty))) {
    throw new TiffProblem('its georeferencing is not a north-up grid.', '其地理参考不是正北向的规则网格。');
  }
  return { x0: tx + (half - ti) * sx, y0: ty - (half - tj) * sy, dx: sx, dy: sy };
}
