// Feeds the maps area's stores from the station: its events and its first read.
import type { StationClient } from '../../../shared/contract/client';

/** Returns the unsubscribe functions. */
export function bindMaps(_client: StationClient): Array<() => void> {
  return [];
}
