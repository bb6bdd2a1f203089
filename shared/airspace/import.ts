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
