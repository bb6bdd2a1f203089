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
import { airportZone, importZones } from '../../../../shared/airspace/import';
import { ContractError, msg } from '../../../../shared/contract/errors';
import { ZoneStore } from '../../maps/zone-store';
import { createTilesApi } from '../../maps/tiles-api';

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

  const zones = new ZoneStore(ctx.db);
  const zonesChanged = () => ctx.hub.emit('mapsZones', { zones: zones.list() });

  const tiles = createTilesApi(ctx);

  return {
    api: {
      ...tiles.api,
      mapsListZones: () => zones.list(),
      mapsImportZones: ({ fileName, dataBase64, defaultKind }) => {
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64)) {
          throw new ContractError('airspace-bad-file', msg(`${fileName} did not arrive intact (not base64).`, `${fileName} 传输不完整（不是 base64）。`));
        }
        const bytes = new Uint8Array(Buffer.from(dataBase64, 'base64'));
        const result = importZones(bytes, fileName, defaultKind, terrain.groundElevationMslM);
        if (result.zones.length === 0) {
          throw new ContractError('airspace-empty', msg(`${fileName} holds no zone polygons or circles.`, `${fileName} 中没有空域多边形或圆。`));
        }
        const added = zones.add(result.zones, ctx.clock.now());
        zonesChanged();
        return { added, warnings: result.warnings };
      },
      mapsAddZone: (params) => {
        const [added] = zones.add([{ ...params, source: 'drawn' }], ctx.clock.now());
        zonesChanged();
        return added!;
      },
      mapsAddAirport: ({ name, center, radiusM }) => {
        const [added] = zones.add([airportZone(name, center, radiusM)], ctx.clock.now());
        zonesChanged();
        return added!;
      },
      mapsRemoveZone: ({ id }) => {
        if (!zones.remove(id)) throw new ContractError('airspace-unknown', msg('That zone no longer exists.', '该空域已不存在。'));
        zonesChanged();
        return null;
      },
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
      tiles.close();
    },
  };
}
