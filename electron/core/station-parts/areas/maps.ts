// The station's maps area: implements the maps calls of the contract over the shared station context.
import type { MapsMethod } from '../../../../shared/contract/areas/maps';
import type { AreaContext, StationArea } from '../area';

export function createMapsArea(_ctx: AreaContext): StationArea<MapsMethod> {
  return { api: {} };
}
