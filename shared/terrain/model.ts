// Ground height from the loaded elevation grids (SRTM .hgt tiles, GeoTIFF DEMs): bilinear between the
// four surrounding samples, the way ArduPilot and MAVProxy interpolate. A void sample or a point no
// grid covers gives null, never a made-up zero: a plan check must say "no terrain data here", not
// "the ground is at sea level". Grids are point-registered: sample (0,0) sits exactly on the
// north-west corner, like SRTM (GeoTIFFs that are area-registered are shifted half a pixel on load).
import { HGT_VOID, type HgtTile } from './hgt';

/** What the plan checks take: metres AMSL, or null where the model has no data. */
export type GroundElevationFn = (lat: number, lon: number) => number | null;

export interface ElevationGrid {
  /** Latitude and longitude of sample (0, 0), the north-west one. */
  north: number;
  west: number;
  /** Degrees between samples (positive). */
  dLat: number;
  dLon: number;
  rows: number;
  cols: number;
  /** Row-major, north row first, metres. */
  heightsM: Int16Array | Float32Array;
  /** The no-data value (compared exactly); NaN samples are no-data too. */
  noData: number | null;
  /** What the UI lists it as. */
  label: string;
}

export function gridFromHgt(tile: HgtTile): ElevationGrid {
  const step = 1 / (tile.samples - 1);
  return { north: tile.south + 1, west: tile.west, dLat: step, dLon: step, rows: tile.samples, cols: tile.samples, heightsM: tile.heightsM, noData: HGT_VOID, label: `${tile.south},${tile.west}` };
}

export class TerrainModel {
  private readonly grids = new Map<string, ElevationGrid>();

  /** An SRTM tile; a second tile for the same square replaces the first. */
  add(tile: HgtTile): void {
    this.addGrid(gridFromHgt(tile));
  }

  addGrid(grid: ElevationGrid): void {
    this.grids.set(`${grid.north},${grid.west},${grid.dLat},${grid.rows},${grid.cols}`, grid);
  }

  clear(): void {
    this.grids.clear();
  }

  get tileCount(): number {
    return this.grids.size;
  }

  heightMslM(lat: number, lon: number): number | null {
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
    for (const g of this.grids.values()) {
      const y = (g.north - lat) / g.dLat;
      const x = (lon - g.west) / g.dLon;
      if (y < 0 || x < 0 || y > g.rows - 1 || x > g.cols - 1) continue;
      const h = bilinear(g, y, x);
      if (h !== null) return h;
    }
    return null;
  }

  /** A bound function for callers that take a GroundElevationFn. */
  readonly groundElevationMslM: GroundElevationFn = (lat, lon) => this.heightMslM(lat, lon);
}

function bilinear(g: ElevationGrid, y: number, x: number): number | null {
  const r0 = Math.min(Math.floor(y), g.rows - 2);
  const c0 = Math.min(Math.floor(x), g.cols - 2);
  const fy = y - r0;
  const fx = x - c0;
  const at = (r: number, c: number): number => g.heightsM[r * g.cols + c]!;
  const h00 = at(r0, c0);
  const h01 = at(r0, c0 + 1);
  const h10 = at(r0 + 1, c0);
  const h11 = at(r0 + 1, c0 + 1);
  const nd = g.noData;
  if (h00 === nd || h01 === nd || h10 === nd || h11 === nd || Number.isNaN(h00 + h01 + h10 + h11)) return null;
  const top = h00 + (h01 - h00) * fx;
  const bottom = h10 + (h11 - h10) * fx;
  return top + (bottom - top) * fy;
}
