// The maps area's part of the contract: its calls (schemas), who may make them, what they return,
// and its events. api.ts spreads these in, so each area grows here without touching the others.
import { z } from 'zod';
import type { Role } from '../types';
import type { TerrainProfile } from '../../terrain/profile';
import type { UserMessage } from '../types';

const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const latLon = z.object({ lat, lon }).strict();
export const GROUND_HEIGHT_POINTS_MAX = 5000;
export const PROFILE_ROUTE_MAX = 2000;

export const mapsCalls = {
  /** What terrain the station has loaded, and what each vehicle asked of it over MAVLink. */
  mapsTerrainStatus: z.object({}).strict(),
  /** Re-read the terrain folder (after the unit copied new .hgt tiles into it). */
  mapsReloadTerrain: z.object({}).strict(),
  /** Ground heights (metres AMSL; null: no data) at up to 5000 points, in order. */
  mapsGroundHeight: z.object({ points: z.array(latLon).max(GROUND_HEIGHT_POINTS_MAX) }).strict(),
  /** A route's altitude profile against the ground (see shared/terrain/profile.ts). */
  mapsTerrainProfile: z
    .object({
      route: z.array(z.object({ lat, lon, altMslM: z.number().min(-1000).max(20_000) }).strict()).min(2).max(PROFILE_ROUTE_MAX),
      sampleSpacingM: z.number().min(1).max(10_000).default(30),
    })
    .strict(),
} as const satisfies Record<string, z.ZodType>;

export type MapsMethod = keyof typeof mapsCalls;

const everyone: readonly Role[] = ['pilot', 'commander', 'trainer', 'observer'];

export const mapsPermissions: Record<MapsMethod, readonly Role[]> = {
  mapsTerrainStatus: everyone,
  mapsReloadTerrain: ['pilot'],
  mapsGroundHeight: everyone,
  mapsTerrainProfile: everyone,
};

export interface TerrainTileInfo {
  file: string;
  south: number;
  west: number;
  resolutionArcSec: number;
}

export interface TerrainVehicleInfo {
  key: string;
  requests: number;
  gridsSent: number;
  gridsMissing: number;
  checks: number;
  lastRequestAt: number | null;
}

export interface TerrainStatus {
  /** Where the station reads .hgt / .hgt.zip tiles from. */
  folder: string;
  tiles: TerrainTileInfo[];
  errors: Array<{ file: string; message: UserMessage }>;
  vehicles: TerrainVehicleInfo[];
}

export interface MapsCallResults {
  mapsTerrainStatus: TerrainStatus;
  mapsReloadTerrain: TerrainStatus;
  mapsGroundHeight: { heightsMslM: Array<number | null> };
  mapsTerrainProfile: TerrainProfile;
}

export interface MapsEvents {
  /** The loaded terrain changed (reload) or a vehicle's terrain requests were answered (at most 1/s). */
  mapsTerrain: TerrainStatus;
}
