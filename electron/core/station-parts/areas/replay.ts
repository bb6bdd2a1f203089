// The station's replay area: records every live link, keeps the flight library, and implements the
// replay calls of the contract over the shared station context.
import { join } from 'node:path';
import type { ReplayMethod } from '../../../../shared/contract/areas/replay';
import { LinkRecorder } from '../../recording/link-recorder';
import type { AreaContext, StationArea } from '../area';

export function createReplayArea(ctx: AreaContext): StationArea<ReplayMethod> {
  const recorder = new LinkRecorder(ctx.session.links, join(ctx.dataDir, 'recordings'));
  return {
    api: {},
    start: () => recorder.start(),
    close: () => recorder.close(),
  };
}
