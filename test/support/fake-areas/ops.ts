// FakeStation's ops calls: plausible answers without the core.
import type { OpsMethod } from '../../../shared/contract/areas/ops';
import type { FakeAreaContext, FakeArea } from './context';

export function fakeOpsArea(_ctx: FakeAreaContext): FakeArea<OpsMethod> {
  return {};
}
