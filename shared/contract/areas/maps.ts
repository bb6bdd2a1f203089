// The maps area's part of the contract: its calls (schemas), who may make them, what they return,
// and its events. api.ts spreads these in, so each area grows here without touching the others.
import { z } from 'zod';
import type { Role } from '../types';
import type { TerrainProfile } from '../../terrain/profile';
import type { UserMessage } from '../types';
import type { AirspaceZone } from '../../airspace/zone';
import type { MapSource } from '../../maps/sources';

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

const prefetchArea = z
  .object({
    sourceId: z.string().min(1).max(64),
    polygon: z.array(latLon).min(3).max(1000),
    minZoom: z.number().int().min(0).max(22),
    maxZoom: z.number().int().min(0).max(22),
  })
  .strict()
  .refine((v) => v.minZoom <= v.maxZoom, { message: 'minZoom must not exceed maxZoom' });

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
  /** Map sources in drawing order (tokens are never sent, only whether one is set). */
  mapsListSources: z.object({}).strict(),
  /** An XYZ/TMS raster source; GCJ-02/BD-09 sources (and their hosts) are refused with the reason. */
  mapsAddSource: z
    .object({
      name: z.string().trim().min(1).max(120),
      kind: z.enum(['xyz', 'tms']),
      url: z.string().min(10).max(1000),
      datum: z.enum(['WGS84', 'CGCS2000', 'GCJ02', 'BD09']),
      attribution: z.string().max(200).default(''),
      maxZoom: z.number().int().min(1).max(22).default(19),
      token: z.string().max(200).optional(),
    })
    .strict(),
  /** A MapLibre style URL: its raster sources become XYZ/TMS sources (vector styles are refused). */
  mapsAddStyle: z.object({ url: z.string().min(10).max(1000), datum: z.enum(['WGS84', 'CGCS2000', 'GCJ02', 'BD09']).default('WGS84') }).strict(),
  /** An MBTiles or PMTiles pack on the station's disk (path as the station sees it). */
  mapsOpenTilePack: z.object({ path: z.string().min(1).max(1000), name: z.string().trim().min(1).max(120).optional() }).strict(),
  mapsUpdateSource: z
    .object({ id: z.string().min(1).max(64), enabled: z.boolean().optional(), opacity: z.number().min(0).max(1).optional(), token: z.string().max(200).optional() })
    .strict(),
  mapsReorderSources: z.object({ ids: z.array(z.string().min(1).max(64)).max(200) }).strict(),
  mapsRemoveSource: z.object({ id: z.string().min(1).max(64) }).strict(),
  /** Tile count and size of a prefetch before it starts. */
  mapsPrefetchEstimate: prefetchArea,
  mapsPrefetchStart: prefetchArea,
  mapsPrefetchCancel: z.object({ jobId: z.number().int().min(0) }).strict(),
  /** Tiles and bytes cached per source. */
  mapsCacheStats: z.object({}).strict(),
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
  mapsListSources: everyone,
  mapsAddSource: ['pilot'],
  mapsOpenTilePack: ['pilot'],
  mapsAddStyle: ['pilot'],
  mapsUpdateSource: ['pilot'],
  mapsReorderSources: ['pilot'],
  mapsRemoveSource: ['pilot'],
  mapsPrefetchEstimate: ['pilot'],
  mapsPrefetchStart: ['pilot'],
  mapsPrefetchCancel: ['pilot'],
  mapsCacheStats: everyone,
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
  mapsListSources: MapSource[];
  mapsAddSource: MapSource;
  mapsOpenTilePack: MapSource;
  mapsAddStyle: MapSource[];
  mapsUpdateSource: MapSource;
  mapsReorderSources: MapSource[];
  mapsRemoveSource: null;
  mapsPrefetchEstimate: PrefetchEstimate;
  mapsPrefetchStart: { jobId: number; estimate: PrefetchEstimate };
  mapsPrefetchCancel: null;
  mapsCacheStats: Array<{ sourceId: string; tiles: number; bytes: number }>;
}

export interface PrefetchEstimate {
  tiles: number;
  cached: number;
  toFetch: number;
  estimatedBytes: number;
  /** More than the station will prefetch at once: choose a smaller area or fewer zoom levels. */
  tooMany: boolean;
}

export interface PrefetchProgress {
  jobId: number;
  sourceId: string;
  state: 'running' | 'done' | 'cancelled';
  total: number;
  done: number;
  fetched: number;
  skipped: number;
  failed: number;
  bytes: number;
  lastError: string | null;
}

export interface MapsEvents {
  /** The loaded terrain changed (reload) or a vehicle's terrain requests were answered (at most 1/s). */
  mapsTerrain: TerrainStatus;
  /** The whole zone list after any change. */
  mapsZones: { zones: AirspaceZone[] };
  /** The whole source list after any change. */
  mapsSources: { sources: MapSource[] };
  /** A running prefetch, a few times a second at most, and its end. */
  mapsPrefetch: PrefetchProgress;
}
