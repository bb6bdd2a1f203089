// The maps area's `gcs` commands: usage lines and loaders, merged into cli.ts's table.
import type { CliArea } from './types';

export const mapsCli: CliArea = { usage: '', commands: {} };
