// FakeStation's maps calls: plausible answers without the core.
import type { MapsMethod } from '../../../shared/contract/areas/maps';
import type { FakeAreaContext, FakeArea } from './context';

export function fakeMapsArea(_ctx: FakeAreaContext): FakeArea<MapsMethod> {
  return {};
}
