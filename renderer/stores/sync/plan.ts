// Feeds the plan area's stores from the station: its events and its first read.
import type { StationClient } from '../../../shared/contract/client';
import type { MissionProgressEvent } from '../../../shared/contract/types';
import { usePlanUploadStore } from '../planUpload';

/** Returns the unsubscribe functions. */
export function bindPlan(client: StationClient): Array<() => void> {
  return [
    client.on('missionProgress', (p: MissionProgressEvent) => {
      if (typeof p?.key === 'string' && Number.isFinite(p.done) && Number.isFinite(p.total)) usePlanUploadStore.getState().progressed(p);
    }),
  ];
}
