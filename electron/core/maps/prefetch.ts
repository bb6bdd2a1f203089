// Prefetch of an area for a zoom range, so a pilot can fly where there is no mobile data. The count
// and a size estimate come first (from the average size of tiles already cached for the source, or a
// typical raster tile), then the fetch: a few requests at a time, tiles already cached skipped, each
// failure counted and the job going on, progress at a bounded rate, cancel at any time. Resuming is
// running the same job again: what was fetched is cached and skipped.
import { countTilesForArea, tilesForArea, type LatLonPoint, type TileXyz } from '../../../shared/geo/tiles';
import type { TileService } from './tile-service';
import type { StoredSource } from './source-store';
import type { PrefetchEstimate, PrefetchProgress } from '../../../shared/contract/areas/maps';

export type { PrefetchEstimate, PrefetchProgress } from '../../../shared/contract/areas/maps';

export const MAX_PREFETCH_TILES = 250_000;
/** A typical 256 px raster tile (OSM ~15 KB, imagery ~25 KB) when nothing is cached yet to measure. */
export const TYPICAL_TILE_BYTES = 20_000;
const CONCURRENCY = 4;
const PROGRESS_MIN_MS = 250;

export interface PrefetchArea {
  sourceId: string;
  polygon: LatLonPoint[];
  minZoom: number;
  maxZoom: number;
}

export function estimatePrefetch(service: TileService, area: PrefetchArea): PrefetchEstimate {
  const tiles = countTilesForArea(area.polygon, area.minZoom, area.maxZoom, MAX_PREFETCH_TILES + 1);
  if (tiles > MAX_PREFETCH_TILES) return { tiles, cached: 0, toFetch: tiles, estimatedBytes: tiles * TYPICAL_TILE_BYTES, tooMany: true };
  const cache = service.cacheOf(area.sourceId);
  let cached = 0;
  for (let z = area.minZoom; z <= area.maxZoom; z++) for (const t of tilesForArea(area.polygon, z)) if (cache.has(t.z, t.x, t.y)) cached++;
  const s = cache.stats();
  const avg = s.tiles > 0 ? s.bytes / s.tiles : TYPICAL_TILE_BYTES;
  return { tiles, cached, toFetch: tiles - cached, estimatedBytes: Math.round((tiles - cached) * avg), tooMany: false };
}

export class PrefetchJob {
  private cancelled = false;
  readonly progress: PrefetchProgress;
  private lastReport = 0;

  constructor(
    readonly jobId: number,
    private readonly service: TileService,
    private readonly source: StoredSource,
    readonly area: PrefetchArea,
    private readonly onProgress: (p: PrefetchProgress) => void,
    private readonly now: () => number,
  ) {
    this.progress = { jobId, sourceId: source.id, state: 'running', total: countTilesForArea(area.polygon, area.minZoom, area.maxZoom), done: 0, fetched: 0, skipped: 0, failed: 0, bytes: 0, lastError: null };
  }

  cancel(): void {
    this.cancelled = true;
  }

  private report(force = false): void {
    const t = this.now();
    if (!force && t - this.lastReport < PROGRESS_MIN_MS) return;
    this.lastReport = t;
    this.onProgress({ ...this.progress });
  }

  private *queue(): Generator<TileXyz> {
    for (let z = this.area.minZoom; z <= this.area.maxZoom; z++) yield* tilesForArea(this.area.polygon, z);
  }

  async run(): Promise<PrefetchProgress> {
    const cache = this.service.cacheOf(this.source.id);
    const queue = this.queue();
    const worker = async (): Promise<void> => {
      for (;;) {
        if (this.cancelled) return;
        const next = queue.next();
        if (next.done) return;
        const t = next.value;
        let cached: boolean;
        try {
          cached = cache.has(t.z, t.x, t.y);
        } catch {
          // The station is closing under us: stop, the next start resumes from the cache.
          this.cancelled = true;
          this.progress.lastError = 'cache closed';
          return;
        }
        if (cached) {
          this.progress.skipped++;
        } else {
          const r = await this.service.fetchAndStore(this.source, t.z, t.x, t.y);
          if (r.ok) {
            this.progress.fetched++;
            this.progress.bytes += r.data.byteLength;
          } else {
            this.progress.failed++;
            this.progress.lastError = r.reason;
          }
        }
        this.progress.done++;
        this.report();
      }
    };
    this.report(true);
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    this.progress.state = this.cancelled ? 'cancelled' : 'done';
    this.report(true);
    return { ...this.progress };
  }
}
