// The station's maps area: implements the maps calls of the contract over the shared station context.
// Terrain: the .hgt tiles in <dataDir>/terrain feed the ground-height calls and answer the vehicles'
// MAVLink terrain requests (electron/core/maps/terrain-responder.ts).
import { join } from 'node:path';
import type { MapsMethod, TerrainStatus } from '../../../../shared/contract/areas/maps';
import { TerrainModel } from '../../../../shared/terrain/model';
import { terrainProfile } from '../../../../shared/terrain/profile';
import { TerrainResponder } from '../../maps/terrain-responder';
import { loadTerrainFolder, type TerrainLoadReport } from '../../maps/terrain-store';
import type { AreaContext, StationArea } from '../area';

const TERRAIN_EVENT_MIN_MS = 1000;

export function createMapsArea(ctx: AreaContext): StationArea<MapsMethod> {
  const terrain = new TerrainModel();
  const folder = join(ctx.dataDir, 'terrain');
  let report: TerrainLoadReport = { folder, tiles: [], errors: [] };
  const responder = new TerrainResponder(ctx.session.links, terrain.groundElevationMslM, ctx.clock);
  const status = (): TerrainStatus => ({ folder, tiles: report.tiles, errors: report.errors, vehicles: responder.list() });

  // Vehicles' requests change the status; tell the UI at a bounded rate, not per request.
  let lastEventAt = -Infinity;
  let unsubscribe = (): void => {};
  const watchRequests = () => ctx.session.links.onMessage((m) => {
    if (m.name !== 'TERRAIN_REQUEST' && m.name !== 'TERRAIN_CHECK') return;
    const now = ctx.clock.now();
    if (now - lastEventAt < TERRAIN_EVENT_MIN_MS) return;
    lastEventAt = now;
    ctx.hub.emit('mapsTerrain', status());
  });

  return {
    api: {
      mapsTerrainStatus: () => status(),
      mapsReloadTerrain: () => {
        report = loadTerrainFolder(terrain, folder);
        const s = status();
        ctx.hub.emit('mapsTerrain', s);
        return s;
      },
      mapsGroundHeight: ({ points }) => ({ heightsMslM: points.map((p) => terrain.heightMslM(p.lat, p.lon)) }),
      mapsTerrainProfile: ({ route, sampleSpacingM }) => terrainProfile(route, terrain.groundElevationMslM, sampleSpacingM),
    },
    start() {
      report = loadTerrainFolder(terrain, folder);
      responder.start();
      unsubscribe = watchRequests(); // after the responder, so the event counts this request
    },
    close() {
      responder.stop();
      unsubscribe();
    },
  };
}
