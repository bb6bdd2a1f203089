// Survey DEMs come as map sheets: files side by side in one projection, on one pixel lattice. Put
// into latitude/longitude one by one, each would end a pixel short of its neighbour (a lookup needs
// the four samples around it in one grid), leaving a strip with no ground at every sheet edge. Sheets
// that share a lattice are therefore joined into one raster before they are resampled. Where joining
// would be too large (or the sheets lie far apart), they stay separate, seams and all.
import type { ProjectedSheet } from './geotiff';
import { isVoid, MAX_SAMPLES, VOID_I16, type Raster } from './tiff-raster';

/** Offsets within this many pixels of a whole number are the same lattice (exports round origins). */
const ALIGN_PX = 1e-3;

export function joinSheets(sheets: ProjectedSheet[]): ProjectedSheet[] {
  const groups = new Map<string, ProjectedSheet[][]>();
  for (const s of sheets) {
    const key = `${s.crsName}|${s.at.dx}|${s.at.dy}`;
    const lattices = groups.get(key) ?? [];
    const same = lattices.find((g) => onLattice(g[0]!, s));
    if (same) same.push(s);
    else lattices.push([s]);
    groups.set(key, lattices);
  }
  const out: ProjectedSheet[] = [];
  for (const lattices of groups.values()) for (const g of lattices) out.push(...(g.length > 1 ? join(g) : g));
  return out;
}

function onLattice(a: ProjectedSheet, b: ProjectedSheet): boolean {
  const fx = (b.at.x0 - a.at.x0) / a.at.dx;
  const fy = (b.at.y0 - a.at.y0) / a.at.dy;
  return Math.abs(fx - Math.round(fx)) < ALIGN_PX && Math.abs(fy - Math.round(fy)) < ALIGN_PX;
}

function join(sheets: ProjectedSheet[]): ProjectedSheet[] {
  const { dx, dy } = sheets[0]!.at;
  const x0 = Math.min(...sheets.map((s) => s.at.x0));
  const y0 = Math.max(...sheets.map((s) => s.at.y0));
  const x1 = Math.max(...sheets.map((s) => s.at.x0 + (s.raster.width - 1) * dx));
  const y1 = Math.min(...sheets.map((s) => s.at.y0 - (s.raster.height - 1) * dy));
  const width = Math.round((x1 - x0) / dx) + 1;
  const height = Math.round((y0 - y1) / dy) + 1;
  const own = sheets.reduce((n, s) => n + s.raster.width * s.raster.height, 0);
  // Sheets far apart would join into mostly void: not worth the memory.
  if (width * height > MAX_SAMPLES || width * height > 2 * own) return sheets;
  const i16 = sheets.every((s) => s.raster.samples instanceof Int16Array);
  const samples = i16 ? new Int16Array(width * height).fill(VOID_I16) : new Float32Array(width * height).fill(Number.NaN);
  const voidValue = i16 ? VOID_I16 : Number.NaN;
  for (const s of sheets) {
    const col0 = Math.round((s.at.x0 - x0) / dx);
    const row0 = Math.round((y0 - s.at.y0) / dy);
    const { width: w, height: h, samples: src } = s.raster;
    // Only real samples are copied: one sheet's void collar must not blank its neighbour's ground.
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        const v = src[r * w + c]!;
        if (!isVoid(v, voidValue)) samples[(row0 + r) * width + col0 + c] = v;
      }
    }
  }
  const raster: Raster = { width, height, samples, voidValue };
  return [{ files: sheets.flatMap((s) => s.files), crsName: sheets[0]!.crsName, projection: sheets[0]!.projection, at: { x0, y0, dx, dy }, raster }];
}
