// The simulated vehicle's side of the MAVLink terrain protocol, as ArduPilot's AP_Terrain does it:
// once a second it asks the GCS (TERRAIN_REQUEST) for the sub-grids still missing from the grid block
// under the vehicle (the mask of the 56 4x4 sub-grids), stores the TERRAIN_DATA it gets, and reports
// progress with TERRAIN_REPORT (pending / loaded blocks, ground height under it). When the block is
// complete it says so once in a STATUSTEXT, which is what a test (or a person) waits for.
import { ALL_BITS_MASK, GRID_EAST, GRID_NORTH, gridBlockAt, SUBGRID, type GridBlockRef } from '../../../shared/terrain/mavlink-grid';
import type { Message } from '../mavlink';
import type { GeoPoint } from './geo';

const REQUEST_INTERVAL_MS = 1000;
const MAV_SEVERITY_INFO = 6;

interface Block extends GridBlockRef {
  bitmap: bigint;
  /** [north][east] grid points, 28 x 32. */
  heightsM: Int16Array;
  announced: boolean;
}

export interface SimTerrainPort {
  send(name: string, fields: Record<string, number | number[] | bigint>): void;
  text(severity: number, text: string): void;
}

export class SimTerrainClient {
  private readonly blocks = new Map<string, Block>();
  private lastRequestMs = -Infinity;

  constructor(
    private readonly spacingM: number,
    private readonly port: SimTerrainPort,
  ) {}

  private blockFor(pos: GeoPoint): Block {
    const ref = gridBlockAt(Math.round(pos.lat * 1e7), Math.round(pos.lon * 1e7), this.spacingM);
    const key = `${ref.latE7},${ref.lonE7}`;
    let b = this.blocks.get(key);
    if (!b) {
      b = { latE7: ref.latE7, lonE7: ref.lonE7, spacingM: this.spacingM, bitmap: 0n, heightsM: new Int16Array(GRID_NORTH * SUBGRID * GRID_EAST * SUBGRID), announced: false };
      this.blocks.set(key, b);
    }
    return b;
  }

  step(timeBootMs: number, position: GeoPoint, altMslM: number): void {
    if (timeBootMs - this.lastRequestMs < REQUEST_INTERVAL_MS) return;
    this.lastRequestMs = timeBootMs;
    const block = this.blockFor(position);
    const missing = ALL_BITS_MASK & ~block.bitmap;
    if (missing !== 0n) this.port.send('TERRAIN_REQUEST', { lat: block.latE7, lon: block.lonE7, grid_spacing: this.spacingM, mask: missing });
    const ground = this.heightMslM(position);
    const loaded = [...this.blocks.values()].filter((b) => b.bitmap === ALL_BITS_MASK).length;
    this.port.send('TERRAIN_REPORT', {
      lat: Math.round(position.lat * 1e7), lon: Math.round(position.lon * 1e7), spacing: this.spacingM,
      terrain_height: ground ?? 0, current_height: ground === null ? 0 : altMslM - ground,
      pending: this.blocks.size - loaded, loaded,
    });
  }

  receive(msg: Message): void {
    const f = msg.fields;
    const b = this.blocks.get(`${String(f.lat)},${String(f.lon)}`);
    const gridbit = typeof f.gridbit === 'number' ? f.gridbit : -1;
    if (!b || f.grid_spacing !== this.spacingM || gridbit < 0 || gridbit >= GRID_NORTH * GRID_EAST || !Array.isArray(f.data)) return;
    const rowWidth = GRID_EAST * SUBGRID;
    const north0 = Math.floor(gridbit / GRID_EAST) * SUBGRID;
    const east0 = (gridbit % GRID_EAST) * SUBGRID;
    for (let i = 0; i < SUBGRID; i++) {
      for (let j = 0; j < SUBGRID; j++) b.heightsM[(north0 + i) * rowWidth + east0 + j] = f.data[i * SUBGRID + j] ?? 0;
    }
    b.bitmap |= 1n << BigInt(gridbit);
    if (b.bitmap === ALL_BITS_MASK && !b.announced) {
      b.announced = true;
      this.port.text(MAV_SEVERITY_INFO, `Terrain: block loaded, ground ${Math.round(b.heightsM[0]!)} m`);
    }
  }

  /** Ground height under a position from the loaded grid (bilinear), null while its block is incomplete. */
  heightMslM(pos: GeoPoint): number | null {
    const ref = gridBlockAt(Math.round(pos.lat * 1e7), Math.round(pos.lon * 1e7), this.spacingM);
    const b = this.blocks.get(`${ref.latE7},${ref.lonE7}`);
    if (!b || b.bitmap !== ALL_BITS_MASK) return null;
    const w = GRID_EAST * SUBGRID;
    const at = (n: number, e: number): number => b.heightsM[n * w + e]!;
    const { idxNorth: n, idxEast: e, fracNorth: fn, fracEast: fe } = ref;
    const south = at(n, e) + (at(n, e + 1) - at(n, e)) * fe;
    const north = at(n + 1, e) + (at(n + 1, e + 1) - at(n + 1, e)) * fe;
    return south + (north - south) * fn;
  }

  get complete(): boolean {
    return this.blocks.size > 0 && [...this.blocks.values()].every((b) => b.bitmap === ALL_BITS_MASK);
  }
}
