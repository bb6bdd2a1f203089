// FakeStation's replay calls: plausible answers without the core.
import type { ReplayMethod } from '../../../shared/contract/areas/replay';
import type { FakeAreaContext, FakeArea } from './context';

export function fakeReplayArea(_ctx: FakeAreaContext): FakeArea<ReplayMethod> {
  return {};
}
