// FakeStation's plan calls: plausible answers without the core.
import type { PlanMethod } from '../../../shared/contract/areas/plan';
import type { FakeAreaContext, FakeArea } from './context';

export function fakePlanArea(_ctx: FakeAreaContext): FakeArea<PlanMethod> {
  return {};
}
