// The station's plan area: implements the plan calls of the contract over the shared station context.
import type { PlanMethod } from '../../../../shared/contract/areas/plan';
import type { AreaContext, StationArea } from '../area';

export function createPlanArea(_ctx: AreaContext): StationArea<PlanMethod> {
  return { api: {} };
}
