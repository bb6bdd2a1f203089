// The station's security area: implements the security calls of the contract over the shared station context.
import type { SecurityMethod } from '../../../../shared/contract/areas/security';
import type { AreaContext, StationArea } from '../area';

export function createSecurityArea(_ctx: AreaContext): StationArea<SecurityMethod> {
  return { api: {} };
}
