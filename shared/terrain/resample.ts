// A projected DEM (UTM, Gauss-Krüger metres) put once, on load, into a latitude/longitude grid, so
// the lookup, the MAVLink terrain answers and the plan checks stay one simple geographic code path.
// The new grid has about the source's spacing, covers the source's footprint, and is void where
// the footprint (turned a little against north, away from the central meridian) does not reach.
import type { ElevationGrid } from './model';
import type { Projection } from './transverse-mercator';
import { TiffProblem } from './tiff-ifd';
import type { Raster } from './tiff-raster';

/** 40 million float32 samples (160 MB) on top of the source: a 1 m DEM of 6 x 6 km, a 30 m one of 190 x 190 km. */
export const MAX_RESAMPLED = 40_000_000;
const M_PER_DEG = 111_320;
/** Exact projections every LATTICE samples, linear between: over ~16 pixels the grid bends by far less than a millimetre. */
const LATTICE = 16;

/** Sample (0,0) of the source at (x0, y0) in grid metres; x grows by dx per column, y falls by dy per row. */
export interface GridPlacement {
  x0: number;
  y0: number;
  dx: number;
  dy: number;
}

export interface Footprint {
  north: number;
  south: number;
  west: number;
  east: number;
  dLat: number;
  dLon: number;
  rows: number;
  cols: number;
}

/** The geographic grid a projected raster becomes; refuses before anything is decoded when it is too big. */
export function footprintOf(width: number, height: number, at: GridPlacement, proj: Projection): Footprint {
  let north = -Infinity;
  let south = Infinity;
  let west = Infinity;
  let east = -Infinity;
  const EDGE = 64;
  for (let i = 0; i <= EDGE; i++) {
    const c = ((width - 1) * i) / EDGE;
    const r = ((height - 1) * i) / EDGE;
    for (const [col, row] of [[c, 0], [c, height - 1], [0, r], [width - 1, r]] as const) {
      const x = at.x0 + col * at.dx;
      const y = at.y0 - row * at.dy;
      const p = proj.inverse(x, y);
      // Coordinates outside a projection's domain (a zone number in the easting the code does not
      // have, a wrong zone) come back as some point on Earth; only a round trip shows they are not it.
      const back = proj.forward(p.lat, p.lon);
      if (!(Math.abs(back.x - x) < 1 && Math.abs(back.y - y) < 1)) north = Number.NaN;
      north = Math.max(north, p.lat);
      south = Math.min(south, p.lat);
      west = Math.min(west, p.lon);
      east = Math.max(east, p.lon);
    }
  }
  if (!(north <= 84 && south >= -80 && west >= -180 && east <= 180 && east - west < 30)) {
    throw new TiffProblem('its grid coordinates do not fall where its projection can be on Earth; check the projection it was exported with.', '其网格坐标不符合所声明的投影；请检查导出时使用的投影。');
  }
  const stepM = Math.min(at.dx, at.dy);
  const dLat = stepM / M_PER_DEG;
  const dLon = stepM / (M_PER_DEG * Math.cos((((north + south) / 2) * Math.PI) / 180));
  const rows = Math.floor((north - south) / dLat) + 2;
  const cols = Math.floor((east - west) / dLon) + 2;
  if (rows * cols > MAX_RESAMPLED) {
    throw new TiffProblem(
      `in latitude/longitude it would need ${(rows * cols / 1e6).toFixed(0)} million samples, more than the ${MAX_RESAMPLED / 1e6} million allowed for a projected DEM; cut it into smaller tiles.`,
      `转换为经纬度网格需要 ${(rows * cols / 1e6).toFixed(0)} 百万个采样点，超过投影 DEM 允许的 ${MAX_RESAMPLED / 1e6} 百万个；请切分为较小的瓦片。`,
    );
  }
  return { north, south, west, east, dLat, dLon, rows, cols };
}

export function resampleToGeographic(src: Raster, at: GridPlacement, proj: Projection, fp: Footprint, label: string): ElevationGrid {
  const { rows, cols } = fp;
  const lr = Math.ceil((rows - 1) / LATTICE) + 1;
  const lc = Math.ceil((cols - 1) / LATTICE) + 1;
  // Source pixel coordinates (column, row) of each lattice point.
  const pix = new Float64Array(lr * lc * 2);
  for (let i = 0; i < lr; i++) {
    for (let j = 0; j < lc; j++) {
      const p = proj.forward(fp.north - i * LATTICE * fp.dLat, fp.west + j * LATTICE * fp.dLon);
      pix[(i * lc + j) * 2] = (p.x - at.x0) / at.dx;
      pix[(i * lc + j) * 2 + 1] = (at.y0 - p.y) / at.dy;
    }
  }
  const out = new Float32Array(rows * cols).fill(Number.NaN);
  const { width: w, height: h, samples, voidValue } = src;
  const voidIsNaN = Number.isNaN(voidValue);
  for (let r = 0; r < rows; r++) {
    const i = Math.min(Math.floor(r / LATTICE), lr - 2);
    const fy = (r - i * LATTICE) / LATTICE;
    for (let c = 0; c < cols; c++) {
      const j = Math.min(Math.floor(c / LATTICE), lc - 2);
      const fx = (c - j * LATTICE) / LATTICE;
      const k00 = (i * lc + j) * 2;
      const k10 = k00 + lc * 2;
      const px = lerp2(pix[k00]!, pix[k00 + 2]!, pix[k10]!, pix[k10 + 2]!, fx, fy);
      const py = lerp2(pix[k00 + 1]!, pix[k00 + 3]!, pix[k10 + 1]!, pix[k10 + 3]!, fx, fy);
      if (!(px >= 0 && py >= 0 && px <= w - 1 && py <= h - 1)) continue;
      const c0 = Math.min(Math.floor(px), w - 2);
      const r0 = Math.min(Math.floor(py), h - 2);
      const o = r0 * w + c0;
      const a = samples[o]!;
      const b = samples[o + 1]!;
      const d = samples[o + w]!;
      const e = samples[o + w + 1]!;
      // A void neighbour voids the result, as the lookup does: no invented ground next to a hole.
      if (voidIsNaN ? Number.isNaN(a + b + d + e) : a === voidValue || b === voidValue || d === voidValue || e === voidValue) continue;
      out[r * cols + c] = lerp2(a, b, d, e, px - c0, py - r0);
    }
  }
  return { north: fp.north, west: fp.west, dLat: fp.dLat, dLon: fp.dLon, rows, cols, heightsM: out, noData: null, label };
}

function lerp2(a: number, b: number, c: number, d: number, fx: number, fy: number): number {
  const top = a + (b - a) * fx;
  return top + (c + (d - c) * fx - top) * fy;
}
