// Coordinate text: pilots read positions to helicopter crews and ground units over the radio, some in
// decimal degrees and some in degrees-minutes-seconds, so both are offered. Hemisphere letters N/S/E/W
// are the aviation convention in both UI languages, not translated words.

/** Decimal degrees with 6 decimals (about 0.1 m), e.g. "46.072600". */
export function formatDecimal(deg: number): string {
  return (Object.is(deg, -0) ? 0 : deg).toFixed(6);
}

export interface Dms {
  deg: number;
  min: number;
  sec: number;
  hemisphere: 'N' | 'S' | 'E' | 'W';
}

/**
 * Splits an angle into degrees, minutes and seconds (one decimal), carrying 59.95" up into the next
 * minute so the text never reads 60.0".
 */
export function toDms(valueDeg: number, axis: 'lat' | 'lon'): Dms {
  const hemisphere = axis === 'lat' ? (valueDeg < 0 ? 'S' : 'N') : valueDeg < 0 ? 'W' : 'E';
  const tenthsOfSec = Math.round(Math.abs(valueDeg) * 36000);
  const deg = Math.floor(tenthsOfSec / 36000);
  const min = Math.floor((tenthsOfSec % 36000) / 600);
  const sec = (tenthsOfSec % 600) / 10;
  return { deg, min, sec, hemisphere };
}

export function formatDms(valueDeg: number, axis: 'lat' | 'lon'): string {
  const { deg, min, sec, hemisphere } = toDms(valueDeg, axis);
  const degText = axis === 'lon' ? String(deg).padStart(3, '0') : String(deg).padStart(2, '0');
  return `${degText}°${String(min).padStart(2, '0')}′${sec.toFixed(1).padStart(4, '0')}″${hemisphere}`;
}

/** "46.072600, 122.093300" */
export function formatLatLonDecimal(lat: number, lon: number): string {
  return `${formatDecimal(lat)}, ${formatDecimal(lon)}`;
}

/** "46°04′21.4″N 122°05′35.9″E" */
export function formatLatLonDms(lat: number, lon: number): string {
  return `${formatDms(lat, 'lat')} ${formatDms(lon, 'lon')}`;
}
