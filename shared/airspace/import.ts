// One entry for every zone file: KMZ (zip), KML (XML) or GeoJSON, told apart by their bytes, not
// their names (a dispatcher's file named .txt still imports); the name decides only for broken files. Broken files give one clear error.
import { ContractError, msg } from '../contract/errors';
import { isZip } from '../plan/kmz';
import type { GroundElevationFn } from '../terrain/model';
import { importGeoJsonZones } from './import-geojson';
import { importKmlZones, type ZoneImportResult } from './import-kml';
import type { AirspaceZone, ZoneKind } from './zone';

export type { ZoneImportResult } from './import-kml';

export function importZones(bytes: Uint8Array, source: string, defaultKind: ZoneKind = 'noFly', ground: GroundElevationFn | null = null): ZoneImportResult {
  if (isZip(bytes)) return importKmlZones(bytes, source, defaultKind, ground);
  if (/\.kmz$/i.test(source) && !/^\s*</.test(new TextDecoder('utf-8').decode(bytes.subarray(0, 64)))) {
    throw new ContractError('airspace-bad-file', msg(`${source} is not a KMZ: a KMZ is a ZIP archive and this file is not one (damaged, or another format renamed).`, `${source} 不是 KMZ：KMZ 是 ZIP 压缩包，而此文件不是（已损坏，或是改了扩展名的其他格式）。`));
  }
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  // The extension decides for broken files, so a damaged KML says "not well-formed XML", not "unknown".
  if (head.startsWith('<') || /<\?xml|<kml/i.test(head) || /\.km[lz]$/i.test(source)) return importKmlZones(bytes, source, defaultKind, ground);
  if (head.startsWith('{') || /\.(geo)?json$/i.test(source)) return importGeoJsonZones(new TextDecoder('utf-8').decode(bytes), source, defaultKind);
  throw new ContractError('airspace-bad-file', msg(`${source} is not a KML, KMZ or GeoJSON file.`, `${source} 不是 KML、KMZ 或 GeoJSON 文件。`));
}

/** The airport template: a no-fly circle of the given radius around a point the pilot enters. */
export function airportZone(name: string, center: { lat: number; lon: number }, radiusM: number): Omit<AirspaceZone, 'id'> {
  return { name, kind: 'noFly', shape: { type: 'circle', center: { lat: center.lat, lon: center.lon }, radiusM }, source: 'airport template' };
}
