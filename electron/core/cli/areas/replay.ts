// The replay area's `gcs` commands: usage lines and loaders, merged into cli.ts's table.
import type { CliArea } from './types';

export const replayCli: CliArea = {
  usage: `  gcs tlog info FILE [--json] | gcs tlog export FILE --format kml|kmz|gpx|csv [--out F]
  gcs replay FILE --udp host:port [--speed N]   re-send a recorded flight, timed, to any ground station
  gcs record --link LINK --out FILE.tlog [--duration S]
  gcs flights [--data-dir DIR] [--pilot P] [--aircraft A] [--json]
`,
  commands: {
    tlog: async (argv) => (await import('../replay-commands')).tlogCommand(argv),
    replay: async (argv) => (await import('../replay-commands')).replayCommand(argv),
    record: async (argv) => (await import('../replay-commands')).recordCommand(argv),
    flights: async (argv) => (await import('../replay-commands')).flightsCommand(argv),
  },
};
