// The maps area's `gcs` commands: usage lines and loaders, merged into cli.ts's table.
import type { CliArea } from './types';

export const mapsCli: CliArea = {
  usage: `  coord    [--datum WGS84|GCJ02|BD09] TEXT
           A typed or pasted coordinate (DD, DMS, "高德 lon,lat", "BD-09: lat,lon") in WGS-84, DD and DMS.
  terrain  --dir FOLDER --at lat,lon [--at lat,lon ...]
           Ground heights (m AMSL) from the SRTM .hgt / .hgt.zip and GeoTIFF files in FOLDER.
`,
  commands: {
    coord: async (argv) => (await import('../maps-commands')).coordCommand(argv),
    terrain: async (argv) => (await import('../maps-commands')).terrainCommand(argv),
  },
};
