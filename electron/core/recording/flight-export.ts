// A flight's track out of the station: KML (3D, absolute altitude), KMZ (the same KML zipped), GPX,
// CSV telemetry at 1 Hz, and its notes as CSV. Pure text from the scan; the caller writes the file.
import { zipSync, strToU8 } from 'fflate';
import type { Note } from '../../../shared/contract/notes';
import type { TrackPoint, VehicleScan } from './flight-scan';

export type ExportFormat = 'kml' | 'kmz' | 'gpx' | 'csv';

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
const iso = (ms: number) => new Date(ms).toISOString();
const alt = (p: TrackPoint) => p.altMslM ?? p.altRelM ?? 0;

export function trackKml(name: string, vehicles: readonly VehicleScan[]): string {
  const placemarks = vehicles
    .map(
      (v) => `  <Placemark>
    <name>${xml(`${name} ${v.key}`)}</name>
    <Style><LineStyle><color>ff00c8ff</color><width>3</width></LineStyle></Style>
    <LineString>
      <altitudeMode>absolute</altitudeMode>
      <coordinates>${v.track.map((p) => `${p.lon.toFixed(7)},${p.lat.toFixed(7)},${alt(p).toFixed(1)}`).join(' ')}</coordinates>
    </LineString>
    <TimeSpan><begin>${v.track.length ? iso(v.track[0]!.tMs) : ''}</begin><end>${v.track.length ? iso(v.track[v.track.length - 1]!.tMs) : ''}</end></TimeSpan>
  </Placemark>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
<Document>
  <name>${xml(name)}</name>
${placemarks}
</Document>
</kml>
`;
}

export function trackKmz(name: string, vehicles: readonly VehicleScan[]): Uint8Array {
  return zipSync({ 'doc.kml': strToU8(trackKml(name, vehicles)) });
}

export function trackGpx(name: string, vehicles: readonly VehicleScan[]): string {
  const tracks = vehicles
    .map(
      (v) => `  <trk>
    <name>${xml(`${name} ${v.key}`)}</name>
    <trkseg>
${v.track.map((p) => `      <trkpt lat="${p.lat.toFixed(7)}" lon="${p.lon.toFixed(7)}"><ele>${alt(p).toFixed(1)}</ele><time>${iso(p.tMs)}</time></trkpt>`).join('\n')}
    </trkseg>
  </trk>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Police GCS" xmlns="http://www.topografix.com/GPX/1/1">
${tracks}
</gpx>
`;
}

const CSV_HEADER = 'time_utc,vehicle,lat,lon,alt_msl_m,alt_rel_m,heading_deg,ground_speed_mps,battery_v,mode,armed';

function cell(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  // A spreadsheet must not run a cell as a formula; quote anything with separators or quotes.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function trackCsv(vehicles: readonly VehicleScan[]): string {
  const rows = vehicles
    .flatMap((v) => v.track.map((p) => ({ v, p })))
    .sort((a, b) => a.p.tMs - b.p.tMs)
    .map(({ v, p }) =>
      [iso(p.tMs), v.key, p.lat.toFixed(7), p.lon.toFixed(7), p.altMslM, p.altRelM, p.headingDeg, p.groundSpeedMps === null ? null : +p.groundSpeedMps.toFixed(2), p.batteryV, p.mode, p.armed]
        .map(cell)
        .join(','),
    );
  return `${[CSV_HEADER, ...rows].join('\n')}\n`;
}

export function notesCsv(notes: readonly Note[]): string {
  const rows = notes.map((n) => [iso(n.tMs), n.kind, n.author, n.role, n.vehicleKey, n.category, n.text].map(cell).join(','));
  return `${['time_utc,kind,author,role,vehicle,category,text', ...rows].join('\n')}\n`;
}

export function exportTrack(format: ExportFormat, name: string, vehicles: readonly VehicleScan[]): Uint8Array | string {
  switch (format) {
    case 'kml':
      return trackKml(name, vehicles);
    case 'kmz':
      return trackKmz(name, vehicles);
    case 'gpx':
      return trackGpx(name, vehicles);
    case 'csv':
      return trackCsv(vehicles);
  }
}
