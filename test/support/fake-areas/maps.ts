// FakeStation's maps calls: plausible answers without the core (flat ground at Ulanhot's 280 m).
import type { MapsMethod, TerrainStatus } from '../../../shared/contract/areas/maps';
import { terrainProfile } from '../../../shared/terrain/profile';
import { airportZone, importZones } from '../../../shared/airspace/import';
import type { AirspaceZone } from '../../../shared/airspace/zone';
import { ContractError, msg } from '../../../shared/contract/errors';
import { BUILT_IN_SOURCES, refuseShiftedDatum, type MapSource } from '../../../shared/maps/sources';
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
  const sources: MapSource[] = BUILT_IN_SOURCES.map((t, i) => ({
    id: t.id, name: t.name, kind: t.kind, url: t.url, datum: t.datum, enabled: false, opacity: 1, order: i,
    attribution: t.attribution, maxZoom: t.maxZoom, hasToken: false, builtIn: true, needsToken: t.needsToken,
  }));
  const source = (id: string): MapSource => {
    const s = sources.find((x) => x.id === id);
    if (!s) throw new ContractError('tiles-unknown-source', msg(`No map source "${id}".`, `没有地图源"${id}"。`));
    return s;
  };
  const sourcesChanged = () => ctx.emit('mapsSources', { sources: [...sources] });
  const estimate = { tiles: 120, cached: 20, toFetch: 100, estimatedBytes: 2_000_000, tooMany: false };
  return {
    mapsListSources: () => [...sources],
    mapsAddSource: (p) => {
      const refusal = refuseShiftedDatum(p.datum, p.url);
      if (refusal) throw refusal;
      const s: MapSource = { id: `src-${nextId++}`, name: p.name, kind: p.kind, url: p.url, datum: p.datum, enabled: true, opacity: 1, order: sources.length, attribution: p.attribution, maxZoom: p.maxZoom, hasToken: !!p.token, builtIn: false, needsToken: false };
      sources.push(s);
      sourcesChanged();
      return s;
    },
    mapsAddStyle: () => {
      throw new ContractError('tiles-style-unreachable', msg('The fake station reads no styles.', '模拟地面站不读取样式。'));
    },
    mapsOpenTilePack: ({ path, name }) => {
      const s: MapSource = { id: `src-${nextId++}`, name: name ?? path, kind: path.endsWith('.pmtiles') ? 'pmtiles' : 'mbtiles', path, datum: 'WGS84', enabled: true, opacity: 1, order: sources.length, attribution: '', maxZoom: 22, hasToken: false, builtIn: false, needsToken: false };
      sources.push(s);
      sourcesChanged();
      return s;
    },
    mapsUpdateSource: ({ id, enabled, opacity, token }) => {
      const s = source(id);
      if (enabled !== undefined) s.enabled = enabled;
      if (opacity !== undefined) s.opacity = opacity;
      if (token !== undefined) s.hasToken = token.length > 0;
      sourcesChanged();
      return s;
    },
    mapsReorderSources: ({ ids }) => {
      ids.forEach((id, i) => (source(id).order = i));
      sources.sort((a, b) => a.order - b.order);
      sourcesChanged();
      return [...sources];
    },
    mapsRemoveSource: ({ id }) => {
      sources.splice(sources.indexOf(source(id)), 1);
      sourcesChanged();
      return null;
    },
    mapsPrefetchEstimate: () => estimate,
    mapsPrefetchStart: ({ sourceId }) => {
      ctx.emit('mapsPrefetch', { jobId: 1, sourceId, state: 'running', total: 120, done: 30, fetched: 25, skipped: 5, failed: 0, bytes: 500_000, lastError: null });
      return { jobId: 1, estimate };
    },
    mapsPrefetchCancel: () => null,
    mapsCacheStats: () => sources.map((s) => ({ sourceId: s.id, tiles: 0, bytes: 0 })),
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
