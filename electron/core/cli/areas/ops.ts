// The ops area's `gcs` commands: usage lines and loaders, merged into cli.ts's table.
import { TRAFFIC_USAGE } from '../traffic-usage';
import type { CliArea } from './types';

export const opsCli: CliArea = {
  usage: TRAFFIC_USAGE,
  commands: {
    traffic: async (argv) => (await import('../traffic')).runTraffic(argv),
  },
};
