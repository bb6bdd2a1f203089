// FakeStation's security calls: plausible answers without the core.
import type { SecurityMethod } from '../../../shared/contract/areas/security';
import type { FakeAreaContext, FakeArea } from './context';

export function fakeSecurityArea(_ctx: FakeAreaContext): FakeArea<SecurityMethod> {
  return {};
}
