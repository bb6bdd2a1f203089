// The maps area's part of the contract: its calls (schemas), who may make them, what they return,
// and its events. api.ts spreads these in, so each area grows here without touching the others.
import { z } from 'zod';
import type { Role } from '../types';
import type { TerrainProfile } from '../../terrain/profile';
import type { UserMessage } from '../types';
import type { AirspaceZone } from '../../airspace/zone';

const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const latLon = z.object({ lat, lon }).strict();
export const GROUND_HEIGHT_POINTS_MAX = 5000;
/** A zone file crosses as base64 inside one envelope (4 MiB): about 3 MB of KML/KMZ/GeoJSON. */
export const ZONE_FILE_BASE64_MAX = 4_000_000;
export const ZONE_VERTICES_MAX = 10_000;
const zoneKind = z.enum(['noFly', 'restricted']);
const zoneName = z.string().trim().min(1).max(120);
const altMsl = z.number().min(-1000).max(30_000);
export const zoneShapeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('polygon'), vertices: z.array(latLon).min(3).max(ZONE_VERTICES_MAX) }).strict(),
  z.object({ type: z.literal('circle'), center: latLon, radiusM: z.number().positive().max(200_000) }).strict(),
]);
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
  /** Every stored airspace zone (the plan checks take this list). */
  mapsListZones: z.object({}).strict(),
  /** Import a KML, KMZ or GeoJSON file of zones; all of it or, on a broken file, none. */
  mapsImportZones: z
    .object({ fileName: z.string().min(1).max(200), dataBase64: z.string().max(ZONE_FILE_BASE64_MAX), defaultKind: zoneKind.default('noFly') })
    .strict(),
  /** A zone drawn on the map. */
  mapsAddZone: z
    .object({ name: zoneName, kind: zoneKind, shape: zoneShapeSchema, floorMslM: altMsl.optional(), ceilingMslM: altMsl.optional() })
    .strict()
    .refine((v) => v.floorMslM === undefined || v.ceilingMslM === undefined || v.floorMslM < v.ceilingMslM, { message: 'floor must be below ceiling' }),
  /** The airport template: a no-fly circle around a point. */
  mapsAddAirport: z.object({ name: zoneName, center: latLon, radiusM: z.number().min(100).max(50_000) }).strict(),
  mapsRemoveZone: z.object({ id: z.string().min(1).max(64) }).strict(),
} as const satisfies Record<string, z.ZodType>;

export type MapsMethod = keyof typeof mapsCalls;

const everyone: readonly Role[] = ['pilot', 'commander', 'trainer', 'observer'];

export const mapsPermissions: Record<MapsMethod, readonly Role[]> = {
  mapsTerrainStatus: everyone,
  mapsReloadTerrain: ['pilot'],
  mapsGroundHeight: everyone,
  mapsTerrainProfile: everyone,
  mapsListZones: everyone,
  mapsImportZones: ['pilot'],
  mapsAddZone: ['pilot'],
  mapsAddAirport: ['pilot'],
  mapsRemoveZone: ['pilot'],
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
  mapsListZones: AirspaceZone[];
  mapsImportZones: { added: AirspaceZone[]; warnings: UserMessage[] };
  mapsAddZone: AirspaceZone;
  mapsAddAirport: AirspaceZone;
  mapsRemoveZone: null;
}

export interface MapsEvents {
  /** The loaded terrain changed (reload) or a vehicle's terrain requests were answered (at most 1/s). */
  mapsTerrain: TerrainStatus;
  /** The whole zone list after any change. */
  mapsZones: { zones: AirspaceZone[] };
}
