// FakeStation's maps calls: plausible answers without the core (flat ground at Ulanhot's 280 m).
import type { MapsMethod, TerrainStatus } from '../../../shared/contract/areas/maps';
import { terrainProfile } from '../../../shared/terrain/profile';
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
  return {
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
