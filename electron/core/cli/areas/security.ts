// The security area's `gcs` commands: usage lines and loaders, merged into cli.ts's table.
import type { CliArea } from './types';

export const securityCli: CliArea = { usage: '', commands: {} };
