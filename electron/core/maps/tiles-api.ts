// The maps area's tile calls: sources (built-in, XYZ/TMS, MBTiles/PMTiles packs), prefetch and cache
// figures. Registers the station's TileService under its data folder, where the hosts' /tiles/ routes
// find it.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { MapsMethod } from '../../../shared/contract/areas/maps';
import { ContractError, msg } from '../../../shared/contract/errors';
import { checkTileUrl, refuseShiftedDatum } from '../../../shared/maps/sources';
import type { AreaApi, AreaContext } from '../station-parts/area';
import { estimatePrefetch, PrefetchJob } from './prefetch';
import { rasterSourcesOfStyle } from './style-import';
import { publicSource, SourceStore } from './source-store';
import { registerTileService, TileService, type FetchFn } from './tile-service';

type TileMethod =
  | 'mapsListSources' | 'mapsAddSource' | 'mapsAddStyle' | 'mapsOpenTilePack' | 'mapsUpdateSource' | 'mapsReorderSources' | 'mapsRemoveSource'
  | 'mapsPrefetchEstimate' | 'mapsPrefetchStart' | 'mapsPrefetchCancel' | 'mapsCacheStats';

export function createTilesApi(ctx: AreaContext, fetchFn?: FetchFn): { api: AreaApi<Extract<MapsMethod, TileMethod>>; close(): void } {
  const sources = new SourceStore(ctx.db);
  const fetcher: FetchFn = fetchFn ?? ((url, init) => fetch(url, init));
  const service = new TileService(ctx.dataDir, sources, fetcher);
  registerTileService(ctx.dataDir, service);
  const jobs = new Map<number, PrefetchJob>();
  let nextJob = 1;
  const changed = () => ctx.hub.emit('mapsSources', { sources: sources.list().map(publicSource) });

  return {
    api: {
      mapsListSources: () => sources.list().map(publicSource),
      mapsAddSource: (p) => {
        const refusal = checkTileUrl(p.url) ?? refuseShiftedDatum(p.datum, p.url);
        if (refusal) throw refusal;
        const s = sources.add(p);
        changed();
        return publicSource(s);
      },
      mapsAddStyle: async ({ url, datum }) => {
        const rasters = await rasterSourcesOfStyle(fetcher, url);
        for (const r of rasters) {
          const refusal = refuseShiftedDatum(datum, r.url);
          if (refusal) throw refusal;
        }
        const added = rasters.map((r) => publicSource(sources.add({ ...r, datum })));
        changed();
        return added;
      },
      mapsOpenTilePack: ({ path, name }) => {
        const kind = /\.pmtiles$/i.test(path) ? 'pmtiles' : /\.mbtiles$/i.test(path) ? 'mbtiles' : null;
        if (!kind) throw new ContractError('tiles-bad-file', msg('Choose an .mbtiles or .pmtiles file.', '请选择 .mbtiles 或 .pmtiles 文件。'));
        if (!existsSync(path)) throw new ContractError('tiles-bad-file', msg(`${path} does not exist on the station.`, `地面站上不存在 ${path}。`));
        service.checkPack(kind, path);
        // Packs made for this unit are WGS-84 web-mercator; a shifted pack would need its own name.
        const s = sources.add({ name: name ?? basename(path), kind, path, datum: 'WGS84', attribution: basename(path), maxZoom: 22 });
        changed();
        return publicSource(s);
      },
      mapsUpdateSource: ({ id, ...change }) => {
        const s = sources.update(id, change);
        changed();
        return publicSource(s);
      },
      mapsReorderSources: ({ ids }) => {
        sources.reorder(ids);
        changed();
        return sources.list().map(publicSource);
      },
      mapsRemoveSource: ({ id }) => {
        sources.remove(id);
        service.forget(id);
        changed();
        return null;
      },
      mapsPrefetchEstimate: (area) => {
        sources.get(area.sourceId);
        return estimatePrefetch(service, area);
      },
      mapsPrefetchStart: (area) => {
        const source = sources.get(area.sourceId);
        if (source.kind !== 'xyz' && source.kind !== 'tms') {
          throw new ContractError('tiles-not-online', msg('Only online sources can be prefetched; a tile pack is already offline.', '只有在线地图源可以预取；瓦片包本身已离线可用。'));
        }
        if (source.needsToken && !source.token) {
          throw new ContractError('tiles-no-token', msg(`${source.name} needs its token (key) before it can fetch tiles.`, `${source.name} 需要先填写令牌（密钥）才能获取瓦片。`));
        }
        const estimate = estimatePrefetch(service, area);
        if (estimate.tooMany) {
          throw new ContractError('tiles-too-many', msg(`${estimate.tiles} tiles is too many at once; choose a smaller area or fewer zoom levels.`, `一次 ${estimate.tiles} 个瓦片过多；请选择更小的区域或更少的缩放级别。`));
        }
        const jobId = nextJob++;
        const job = new PrefetchJob(jobId, service, source, area, (p) => ctx.hub.emit('mapsPrefetch', p), () => ctx.clock.now());
        jobs.set(jobId, job);
        void job
          .run()
          .catch(() => undefined)
          .finally(() => jobs.delete(jobId));
        return { jobId, estimate };
      },
      mapsPrefetchCancel: ({ jobId }) => {
        jobs.get(jobId)?.cancel();
        return null;
      },
      mapsCacheStats: () => sources.list().filter((s) => s.kind === 'xyz' || s.kind === 'tms').map((s) => ({ sourceId: s.id, ...service.cacheOf(s.id).stats() })),
    },
    close() {
      for (const j of jobs.values()) j.cancel();
      registerTileService(ctx.dataDir, null);
      service.close();
    },
  };
}
