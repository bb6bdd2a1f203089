// The station's ops area: implements the ops calls of the contract over the shared station context.
import type { OpsMethod } from '../../../../shared/contract/areas/ops';
import type { AreaContext, StationArea } from '../area';

export function createOpsArea(_ctx: AreaContext): StationArea<OpsMethod> {
  return { api: {} };
}
