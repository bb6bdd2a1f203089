// Coordinate text for the cursor readout. Pilots read positions to helicopter crews and ground units
// over the radio, some in decimal degrees and some in degrees-minutes-seconds, so both are shown.
// Hemisphere letters N/S/E/W are the aviation convention in both UI languages, not translated words.

import { formatDecimal, formatDms } from '../../shared/geo/coord-format';

// The formatting lives in shared/geo so the station, the CLI and the plan checks print the same text.
export { formatDecimal, formatDms, toDms, type Dms } from '../../shared/geo/coord-format';

/** The whole readout line: "46.072600, 122.093300  46°04′21.4″N 122°05′35.9″E". */
export function formatCursor(lat: number, lon: number): string {
  return `${formatDecimal(lat)}, ${formatDecimal(lon)}  ${formatDms(lat, 'lat')} ${formatDms(lon, 'lon')}`;
}

/** Longitude folded into [-180, 180): the map repeats the world, the cursor can be on a copy. */
export function wrapLon(lon: number): number {
  const w = ((((lon + 180) % 360) + 360) % 360) - 180;
  return w === 0 ? 0 : w;
}
