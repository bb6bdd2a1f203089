// Telemetry values as people read them: fixed decimals, a unit, and '—' when the value is unknown.
import type { MessageKey, Vars } from './translate';

type T = (key: MessageKey, vars?: Vars) => string;

function known(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function formatNumber(t: T, value: number | null | undefined, digits: number, unit?: MessageKey): string {
  if (!known(value)) return t('common.unknown');
  const text = value.toFixed(digits);
  // "-0.0" reads like a fault on a climb gauge; show zero as zero.
  const clean = Number(text) === 0 ? (0).toFixed(digits) : text;
  if (!unit) return clean;
  const u = t(unit);
  return u === '°' || u === '%' ? `${clean}${u}` : `${clean} ${u}`;
}

export function formatHeading(t: T, headingDeg: number | null | undefined): string {
  if (!known(headingDeg)) return t('common.unknown');
  const wrapped = ((Math.round(headingDeg) % 360) + 360) % 360;
  return `${String(wrapped).padStart(3, '0')}${t('unit.deg')}`;
}

export function formatCoord(t: T, deg: number | null | undefined): string {
  return known(deg) ? deg.toFixed(6) : t('common.unknown');
}

export function gpsFixName(t: T, fix: number | null | undefined): string {
  if (!known(fix)) return t('common.unknown');
  if (Number.isInteger(fix) && fix >= 0 && fix <= 6) return t(`gps.${fix}` as MessageKey);
  return t('gps.other', { type: fix });
}

export function severityName(t: T, severity: number): string {
  return Number.isInteger(severity) && severity >= 0 && severity <= 7 ? t(`severity.${severity}` as MessageKey) : String(severity);
}

/** Colour class for MAV_SEVERITY: 0–3 bad, 4 warning, 5–6 information, 7 debug. */
export function severityTone(severity: number): 'danger' | 'warning' | 'info' | 'muted' {
  if (severity <= 3) return 'danger';
  if (severity === 4) return 'warning';
  if (severity <= 6) return 'info';
  return 'muted';
}
