// The security area's `gcs` commands: usage lines and loaders, merged into cli.ts's table.
import type { CliArea } from './types';

export const securityCli: CliArea = {
  usage: `  audit    [--data-dir DIR] [--vehicle SYSID:COMPID] [--since TIME] [--until TIME] [--limit N] [--json]
           The audit log: commands, uploads, downloads and clears sent to vehicles (who, when, result)
           and refusals of the server host. TIME: ISO 8601, or 30m / 2h / 7d ago.
`,
  commands: {
    audit: async (argv) => (await import('../audit')).runAudit(argv),
  },
};
