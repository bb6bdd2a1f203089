// Feeds the maps area's stores from the station: its events and its first read.
import type { StationClient } from '../../../shared/contract/client';
import { useMapsStore } from '../maps';

/** Returns the unsubscribe functions. */
export function bindMaps(client: StationClient): Array<() => void> {
  const store = () => useMapsStore.getState();
  const offs = [
    client.on('mapsSources', (p) => Array.isArray(p?.sources) && store().sourcesReceived(p.sources)),
    client.on('mapsZones', (p) => Array.isArray(p?.zones) && store().zonesReceived(p.zones)),
    client.on('mapsTerrain', (p) => p && Array.isArray(p.tiles) && store().terrainReceived(p)),
    client.on('mapsPrefetch', (p) => p && typeof p.jobId === 'number' && store().prefetchReceived(p)),
  ];
  const ignore = (): void => undefined;
  client.call('mapsListSources').then((s) => store().sourcesReceived(s), ignore);
  client.call('mapsListZones').then((z) => store().zonesReceived(z), ignore);
  client.call('mapsTerrainStatus').then((t) => store().terrainReceived(t), ignore);
  return offs;
}
