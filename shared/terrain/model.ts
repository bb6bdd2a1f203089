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
    return this.acrossEdges(lat, lon);
  }

  /**
   * Tiles that do not share their edge samples (GeoTIFF tiles cut from one raster: Copernicus, CGIAR
   * SRTM, GDAL retiles) leave one cell between them that neither covers alone. There the cell of a
   * grid that ends beside the point takes its missing corners from the neighbouring grid, which on a
   * common lattice holds exactly those samples.
   */
  private acrossEdges(lat: number, lon: number): number | null {
    if (this.grids.size < 2) return null;
    for (const g of this.grids.values()) {
      const y = (g.north - lat) / g.dLat;
      const x = (lon - g.west) / g.dLon;
      if (y < -1 || x < -1 || y > g.rows || x > g.cols) continue;
      const r0 = Math.floor(y);
      const c0 = Math.floor(x);
      const corner = (r: number, c: number): number | null => {
        if (r >= 0 && c >= 0 && r < g.rows && c < g.cols) {
          const v = g.heightsM[r * g.cols + c]!;
          return v === g.noData || Number.isNaN(v) ? null : v;
        }
        const cLat = g.north - r * g.dLat;
        const cLon = g.west + c * g.dLon;
        for (const other of this.grids.values()) {
          if (other === g) continue;
          const oy = (other.north - cLat) / other.dLat;
          const ox = (cLon - other.west) / other.dLon;
          // A corner must lie inside the other grid (to a hair), so nothing is extrapolated.
          if (oy < -1e-6 || ox < -1e-6 || oy > other.rows - 1 + 1e-6 || ox > other.cols - 1 + 1e-6) continue;
          const h = bilinear(other, Math.min(Math.max(oy, 0), other.rows - 1), Math.min(Math.max(ox, 0), other.cols - 1));
          if (h !== null) return h;
        }
        return null;
      };
      const h00 = corner(r0, c0);
      const h01 = corner(r0, c0 + 1);
      const h10 = corner(r0 + 1, c0);
      const h11 = corner(r0 + 1, c0 + 1);
      if (h00 === null || h01 === null || h10 === null || h11 === null) continue;
      const fy = y - r0;
      const fx = x - c0;
      const top = h00 + (h01 - h00) * fx;
      return top + (h10 + (h11 - h10) * fx - top) * fy;
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
