// Ground height from the loaded elevation tiles: bilinear between the four surrounding samples, the
// way ArduPilot and MAVProxy interpolate. A void sample or a missing tile gives null, never a made-up
// zero: a plan check must say "no terrain data here", not "the ground is at sea level".
import { HGT_VOID, type HgtTile } from './hgt';

/** What the plan checks take: metres AMSL, or null where the model has no data. */
export type GroundElevationFn = (lat: number, lon: number) => number | null;

export class TerrainModel {
  private readonly tiles = new Map<string, HgtTile>();

  private static key(south: number, west: number): string {
    return `${south},${west}`;
  }

  add(tile: HgtTile): void {
    this.tiles.set(TerrainModel.key(tile.south, tile.west), tile);
  }

  clear(): void {
    this.tiles.clear();
  }

  get tileCount(): number {
    return this.tiles.size;
  }

  list(): Array<{ south: number; west: number; samples: number }> {
    return [...this.tiles.values()].map((t) => ({ south: t.south, west: t.west, samples: t.samples }));
  }

  heightMslM(lat: number, lon: number): number | null {
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
    const south = Math.floor(lat);
    const west = Math.floor(lon);
    const tile = this.tiles.get(TerrainModel.key(south, west));
    if (!tile) return null;
    const n = tile.samples - 1;
    // Row 0 is the north edge.
    const y = (south + 1 - lat) * n;
    const x = (lon - west) * n;
    const r0 = Math.min(Math.floor(y), n - 1);
    const c0 = Math.min(Math.floor(x), n - 1);
    const fy = y - r0;
    const fx = x - c0;
    const at = (r: number, c: number): number => tile.heightsM[r * tile.samples + c]!;
    const h00 = at(r0, c0);
    const h01 = at(r0, c0 + 1);
    const h10 = at(r0 + 1, c0);
    const h11 = at(r0 + 1, c0 + 1);
    if (h00 === HGT_VOID || h01 === HGT_VOID || h10 === HGT_VOID || h11 === HGT_VOID) return null;
    const top = h00 + (h01 - h00) * fx;
    const bottom = h10 + (h11 - h10) * fx;
    return top + (bottom - top) * fy;
  }

  /** A bound function for callers that take a GroundElevationFn. */
  readonly groundElevationMslM: GroundElevationFn = (lat, lon) => this.heightMslM(lat, lon);
}
