// The station's replay area: implements the replay calls of the contract over the shared station context.
import type { ReplayMethod } from '../../../../shared/contract/areas/replay';
import type { AreaContext, StationArea } from '../area';

export function createReplayArea(_ctx: AreaContext): StationArea<ReplayMethod> {
  return { api: {} };
}
