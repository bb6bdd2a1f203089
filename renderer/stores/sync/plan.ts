// Feeds the plan area's stores from the station: its events and its first read.
import type { StationClient } from '../../../shared/contract/client';

/** Returns the unsubscribe functions. */
export function bindPlan(_client: StationClient): Array<() => void> {
  return [];
}
