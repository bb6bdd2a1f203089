// ArduPilot's terrain grid (AP_Terrain), as the MAVLink terrain protocol exchanges it. A vehicle asks
// with TERRAIN_REQUEST for one "grid block": its south-west corner (degE7), the spacing between
// points (TERRAIN_SPACING, metres) and a 56-bit mask of the 4x4 sub-grids it still needs. The block is
// 7 sub-grids north by 8 east; bit b is the sub-grid (b div 8) north and (b mod 8) east of the corner;
// its 16 heights are data[i * 4 + j] at i points north and j points east (int16 metres AMSL).
// Positions are offset the way ArduPilot's Location::offset does it (flat Earth scaled by latitude),
// so our points land on the vehicle's own grid points, not a great-circle approximation of them.
import type { GroundElevationFn } from './model';

export const GRID_BITS = 56;
export const GRID_NORTH = 7;
export const GRID_EAST = 8;
export const SUBGRID = 4;
/** Block steps in grid points: one sub-grid row/column overlaps the neighbouring block (AP_Terrain). */
export const BLOCK_SPACING_NORTH = (GRID_NORTH - 1) * SUBGRID;
export const BLOCK_SPACING_EAST = (GRID_EAST - 1) * SUBGRID;
/** Metres per 1e-7 degree of latitude (ArduPilot's LOCATION_SCALING_FACTOR). */
export const LOCATION_SCALING_FACTOR = 0.011131884502145034;
export const ALL_BITS_MASK = (1n << BigInt(GRID_BITS)) - 1n;

function longitudeScale(latE7: number): number {
  return Math.max(0.01, Math.cos(((latE7 * 1e-7) * Math.PI) / 180));
}

/** Location::offset in degE7 (rounded like ArduPilot's integer Location). */
export function offsetE7(latE7: number, lonE7: number, northM: number, eastM: number): { latE7: number; lonE7: number } {
  const dLat = northM / LOCATION_SCALING_FACTOR;
  const dLon = eastM / LOCATION_SCALING_FACTOR / longitudeScale(latE7 + dLat / 2);
  return { latE7: Math.round(latE7 + dLat), lonE7: Math.round(lonE7 + dLon) };
}

/** Location::get_distance_NE: metres north and east from a to b. */
export function distanceNeM(aLatE7: number, aLonE7: number, bLatE7: number, bLonE7: number): { northM: number; eastM: number } {
  return {
    northM: (bLatE7 - aLatE7) * LOCATION_SCALING_FACTOR,
    eastM: (bLonE7 - aLonE7) * LOCATION_SCALING_FACTOR * longitudeScale((aLatE7 + bLatE7) / 2),
  };
}

export interface GridBlockRef {
  latE7: number;
  lonE7: number;
  spacingM: number;
}

/** The grid block holding a position, with the position's place inside it (AP_Terrain::calculate_grid_info). */
export function gridBlockAt(latE7: number, lonE7: number, spacingM: number): GridBlockRef & { idxNorth: number; idxEast: number; fracNorth: number; fracEast: number } {
  const latDeg = Math.floor(latE7 / 1e7);
  const lonDeg = Math.floor(lonE7 / 1e7);
  const refLat = latDeg * 1e7;
  const refLon = lonDeg * 1e7;
  const off = distanceNeM(refLat, refLon, latE7, lonE7);
  const idxN = Math.max(0, Math.floor(off.northM / spacingM));
  const idxE = Math.max(0, Math.floor(off.eastM / spacingM));
  const blockN = Math.floor(idxN / BLOCK_SPACING_NORTH);
  const blockE = Math.floor(idxE / BLOCK_SPACING_EAST);
  const corner = offsetE7(refLat, refLon, blockN * BLOCK_SPACING_NORTH * spacingM, blockE * BLOCK_SPACING_EAST * spacingM);
  return {
    ...corner,
    spacingM,
    idxNorth: idxN % BLOCK_SPACING_NORTH,
    idxEast: idxE % BLOCK_SPACING_EAST,
    fracNorth: (off.northM - idxN * spacingM) / spacingM,
    fracEast: (off.eastM - idxE * spacingM) / spacingM,
  };
}

/** The bits set in a TERRAIN_REQUEST mask (uint64 on the wire; only the low 56 mean anything). */
export function maskBits(mask: bigint | number): number[] {
  const m = (typeof mask === 'bigint' ? mask : BigInt(Math.trunc(mask))) & ALL_BITS_MASK;
  const out: number[] = [];
  for (let b = 0; b < GRID_BITS; b++) if ((m >> BigInt(b)) & 1n) out.push(b);
  return out;
}

/**
 * The 16 heights of one 4x4 sub-grid, rounded to whole metres and clamped to int16, or null when the
 * model lacks any of the points (we then send nothing: the vehicle keeps asking, which is honest).
 */
export function subgridHeights(block: GridBlockRef, gridbit: number, ground: GroundElevationFn): number[] | null {
  if (!Number.isInteger(gridbit) || gridbit < 0 || gridbit >= GRID_BITS) return null;
  const subStepM = block.spacingM * SUBGRID;
  const corner = offsetE7(block.latE7, block.lonE7, subStepM * Math.floor(gridbit / GRID_EAST), subStepM * (gridbit % GRID_EAST));
  const data: number[] = [];
  for (let i = 0; i < SUBGRID * SUBGRID; i++) {
    const p = offsetE7(corner.latE7, corner.lonE7, block.spacingM * Math.floor(i / SUBGRID), block.spacingM * (i % SUBGRID));
    const h = ground(p.latE7 / 1e7, p.lonE7 / 1e7);
    if (h === null) return null;
    data.push(Math.max(-32767, Math.min(32767, Math.round(h))));
  }
  return data;
}
