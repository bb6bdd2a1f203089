// FakeStation's maps calls: plausible answers without the core (flat ground at Ulanhot's 280 m).
import type { MapsMethod, TerrainStatus } from '../../../shared/contract/areas/maps';
import { terrainProfile } from '../../../shared/terrain/profile';
import { airportZone, importZones } from '../../../shared/airspace/import';
import type { AirspaceZone } from '../../../shared/airspace/zone';
import { ContractError, msg } from '../../../shared/contract/errors';
import type { FakeAreaContext, FakeArea } from './context';

const FAKE_GROUND_M = 280;
const ground = (lat: number, lon: number): number | null => (lat > 45 && lat < 47 && lon > 121 && lon < 123 ? FAKE_GROUND_M : null);

export function fakeMapsArea(ctx: FakeAreaContext): FakeArea<MapsMethod> {
  const status = (): TerrainStatus => ({
    folder: '/data/terrain',
    tiles: [{ file: 'N46E122.hgt', south: 46, west: 122, resolutionArcSec: 3 }],
    errors: [],
    vehicles: [],
  });
  const zones: AirspaceZone[] = [];
  let nextId = 1;
  const store = (z: Omit<AirspaceZone, 'id'>): AirspaceZone => {
    const zone = { ...z, id: `zone-${nextId++}` };
    zones.push(zone);
    return zone;
  };
  const changed = () => ctx.emit('mapsZones', { zones: [...zones] });
  return {
    mapsListZones: (_p, caller) => {
      ctx.record('mapsListZones', caller);
      return [...zones];
    },
    mapsImportZones: ({ fileName, dataBase64, defaultKind }, caller) => {
      ctx.record('mapsImportZones', caller);
      const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
      const result = importZones(bytes, fileName, defaultKind, ground);
      const added = result.zones.map(store);
      changed();
      return { added, warnings: result.warnings };
    },
    mapsAddZone: (params, caller) => {
      ctx.record('mapsAddZone', caller);
      const zone = store({ ...params, source: 'drawn' });
      changed();
      return zone;
    },
    mapsAddAirport: ({ name, center, radiusM }, caller) => {
      ctx.record('mapsAddAirport', caller);
      const zone = store(airportZone(name, center, radiusM));
      changed();
      return zone;
    },
    mapsRemoveZone: ({ id }, caller) => {
      ctx.record('mapsRemoveZone', caller);
      const i = zones.findIndex((z) => z.id === id);
      if (i < 0) throw new ContractError('airspace-unknown', msg('That zone no longer exists.', '该空域已不存在。'));
      zones.splice(i, 1);
      changed();
      return null;
    },
    mapsTerrainStatus: (_p, caller) => {
      ctx.record('mapsTerrainStatus', caller);
      return status();
    },
    mapsReloadTerrain: (_p, caller) => {
      ctx.record('mapsReloadTerrain', caller);
      ctx.emit('mapsTerrain', status());
      return status();
    },
    mapsGroundHeight: ({ points }, caller) => {
      ctx.record('mapsGroundHeight', caller);
      return { heightsMslM: points.map((p) => ground(p.lat, p.lon)) };
    },
    mapsTerrainProfile: ({ route, sampleSpacingM }, caller) => {
      ctx.record('mapsTerrainProfile', caller);
      return terrainProfile(route, ground, sampleSpacingM);
    },
  };
}
