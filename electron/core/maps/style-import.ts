// A MapLibre style URL as a source: the station reads the style (bounded time and size) and takes its
// raster sources (tile URL templates, or a TileJSON behind `url`) as XYZ/TMS sources, so they are
// cached and prefetched like any other. Vector layers need glyphs, sprites and vector tiles that the
// station does not proxy, so a style without raster sources is refused with that reason.
import { ContractError, msg } from '../../../shared/contract/errors';
import { checkTileUrl } from '../../../shared/maps/sources';
import type { FetchFn } from './tile-service';

const STYLE_TIMEOUT_MS = 10_000;
const MAX_STYLE_BYTES = 2 * 1024 * 1024;
const MAX_RASTER_SOURCES = 10;

export interface StyleRaster {
  name: string;
  url: string;
  kind: 'xyz' | 'tms';
  maxZoom: number;
  attribution: string;
}

async function getJson(fetchFn: FetchFn, url: string): Promise<unknown> {
  let text: string;
  try {
    const res = await fetchFn(url, { signal: AbortSignal.timeout(STYLE_TIMEOUT_MS), headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const buf = await res.arrayBuffer();
    if (buf.byteLength > MAX_STYLE_BYTES) throw new Error('too large');
    text = new TextDecoder().decode(buf);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ContractError('tiles-style-unreachable', msg(`Cannot read the style at ${url} (${why}).`, `无法读取样式 ${url}（${why}）。`));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ContractError('tiles-style-bad', msg(`${url} is not a MapLibre style (not JSON).`, `${url} 不是 MapLibre 样式（不是 JSON）。`));
  }
}

export async function rasterSourcesOfStyle(fetchFn: FetchFn, styleUrl: string): Promise<StyleRaster[]> {
  if (!/^https?:\/\//i.test(styleUrl)) throw new ContractError('tiles-bad-url', msg('The style URL must be http(s).', '样式地址必须是 http(s)。'));
  const style = (await getJson(fetchFn, styleUrl)) as { name?: unknown; sources?: Record<string, { type?: unknown; tiles?: unknown; url?: unknown; scheme?: unknown; maxzoom?: unknown; attribution?: unknown }> };
  if (!style || typeof style !== 'object' || typeof style.sources !== 'object' || style.sources === null) {
    throw new ContractError('tiles-style-bad', msg(`${styleUrl} is not a MapLibre style (no sources).`, `${styleUrl} 不是 MapLibre 样式（没有数据源）。`));
  }
  const styleName = typeof style.name === 'string' ? style.name.slice(0, 80) : 'Style';
  const out: StyleRaster[] = [];
  for (const [id, src] of Object.entries(style.sources).slice(0, 50)) {
    if (src?.type !== 'raster' || out.length >= MAX_RASTER_SOURCES) continue;
    let tiles = Array.isArray(src.tiles) ? src.tiles : null;
    let meta: { scheme?: unknown; maxzoom?: unknown; attribution?: unknown } = src;
    if (!tiles && typeof src.url === 'string') {
      const tj = (await getJson(fetchFn, new URL(src.url, styleUrl).href)) as { tiles?: unknown; scheme?: unknown; maxzoom?: unknown; attribution?: unknown };
      tiles = Array.isArray(tj?.tiles) ? tj.tiles : null;
      meta = { ...tj, ...src };
    }
    const first = tiles?.find((t): t is string => typeof t === 'string');
    if (!first) continue;
    const url = new URL(first.replace(/\{/g, '%7B').replace(/\}/g, '%7D'), styleUrl).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
    if (checkTileUrl(url)) continue;
    out.push({
      name: `${styleName}: ${id}`.slice(0, 120),
      url,
      kind: meta.scheme === 'tms' ? 'tms' : 'xyz',
      maxZoom: typeof meta.maxzoom === 'number' && meta.maxzoom >= 1 && meta.maxzoom <= 22 ? Math.floor(meta.maxzoom) : 19,
      attribution: typeof meta.attribution === 'string' ? meta.attribution.replace(/<[^>]*>/g, '').slice(0, 200) : styleName,
    });
  }
  if (out.length === 0) {
    throw new ContractError(
      'tiles-style-vector',
      msg(
        `${styleName} has no raster tile sources. Vector styles need fonts, sprites and vector tiles that cannot be kept offline here; use its raster tile URL instead.`,
        `${styleName} 没有栅格瓦片源。矢量样式需要字体、图标和矢量瓦片，无法在此离线保存；请改用其栅格瓦片地址。`,
      ),
    );
  }
  return out;
}
