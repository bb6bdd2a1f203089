// `gcs coord` and `gcs terrain`: the maps area's tools without a window. A dispatcher's phone-map
// coordinate to WGS-84, and ground heights from the unit's .hgt folder (the same code the station uses).
import { ContractError } from '../../../shared/contract/errors';
import { formatLatLonDecimal, formatLatLonDms } from '../../../shared/geo/coord-format';
import { parseCoordinate } from '../../../shared/geo/coord-parse';
import type { Datum } from '../../../shared/geo/datum';
import { TerrainModel } from '../../../shared/terrain/model';
import { loadTerrainFolder } from '../maps/terrain-store';

export const COORD_USAGE = 'gcs coord [--datum WGS84|GCJ02|BD09] TEXT   a coordinate (DD, DMS, "高德 lon,lat", "BD-09: lat,lon") in WGS-84';
export const TERRAIN_USAGE = 'gcs terrain --dir FOLDER --at lat,lon [--at ...]   ground heights (m AMSL) from SRTM .hgt tiles';

export async function coordCommand(argv: string[]): Promise<number> {
  let datum: Datum = 'WGS84';
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--datum') {
      const d = argv[++i]?.toUpperCase().replace('-', '');
      if (d !== 'WGS84' && d !== 'GCJ02' && d !== 'BD09') {
        console.error('gcs coord: --datum must be WGS84, GCJ02 or BD09');
        return 2;
      }
      datum = d;
    } else words.push(argv[i]!);
  }
  if (words.length === 0) {
    console.error(`Usage: ${COORD_USAGE}`);
    return 2;
  }
  try {
    const p = parseCoordinate(words.join(' '), datum);
    console.log(`read as ${p.datum}${p.lonFirst ? ' (longitude first)' : ''}: ${formatLatLonDecimal(p.input.lat, p.input.lon)}`);
    console.log(`WGS-84: ${formatLatLonDecimal(p.wgs84.lat, p.wgs84.lon)}  ${formatLatLonDms(p.wgs84.lat, p.wgs84.lon)}`);
    return 0;
  } catch (err) {
    console.error(`gcs coord: ${err instanceof ContractError ? err.userMessage.en : String(err)}`);
    return 1;
  }
}

export async function terrainCommand(argv: string[]): Promise<number> {
  let dir: string | null = null;
  const points: Array<{ lat: number; lon: number }> = [];
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    if (argv[i] === '--dir' && v) {
      dir = v;
      i++;
    } else if (argv[i] === '--at' && v) {
      try {
        points.push(parseCoordinate(v).wgs84);
      } catch (err) {
        console.error(`gcs terrain: ${err instanceof ContractError ? err.userMessage.en : String(err)}`);
        return 2;
      }
      i++;
    } else {
      console.error(`gcs terrain: unexpected "${argv[i]}"\nUsage: ${TERRAIN_USAGE}`);
      return 2;
    }
  }
  if (!dir || points.length === 0) {
    console.error(`Usage: ${TERRAIN_USAGE}`);
    return 2;
  }
  const model = new TerrainModel();
  const report = loadTerrainFolder(model, dir);
  for (const e of report.errors) console.error(`skipped ${e.file}: ${e.message.en}`);
  if (report.tiles.length === 0) console.error(`no .hgt tiles in ${dir}`);
  for (const p of points) {
    const h = model.heightMslM(p.lat, p.lon);
    console.log(`${formatLatLonDecimal(p.lat, p.lon)}  ${h === null ? 'no data' : `${h.toFixed(1)} m`}`);
  }
  return 0;
}
