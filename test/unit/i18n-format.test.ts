import { describe, expect, it } from 'vitest';
import { formatCoord, formatHeading, formatNumber, gpsFixName, severityName, severityTone } from '../../renderer/i18n/format';
import { translate, type MessageKey, type Vars } from '../../renderer/i18n/translate';

const tEn = (k: MessageKey, v?: Vars) => translate('en', k, v);
const tZh = (k: MessageKey, v?: Vars) => translate('zh-CN', k, v);

describe('telemetry formatting', () => {
  it('numbers get fixed decimals and a unit; unknown is a dash', () => {
    expect(formatNumber(tEn, 52.345, 1, 'unit.m')).toBe('52.3 m');
    expect(formatNumber(tEn, 5, 1, 'unit.mps')).toBe('5.0 m/s');
    expect(formatNumber(tEn, 87, 0, 'unit.pct')).toBe('87%');
    expect(formatNumber(tEn, null, 1, 'unit.m')).toBe('—');
    expect(formatNumber(tEn, Number.NaN, 1, 'unit.m')).toBe('—');
    expect(formatNumber(tEn, -0.01, 1, 'unit.mps')).toBe('0.0 m/s');
    expect(formatNumber(tEn, 14, 0)).toBe('14');
  });

  it('heading is three digits, wrapped to 0..359', () => {
    expect(formatHeading(tEn, 5.4)).toBe('005°');
    expect(formatHeading(tEn, 359.6)).toBe('000°');
    expect(formatHeading(tEn, -90)).toBe('270°');
    expect(formatHeading(tEn, null)).toBe('—');
  });

  it('coordinates to 6 decimals (~0.1 m)', () => {
    expect(formatCoord(tEn, 46.0726)).toBe('46.072600');
    expect(formatCoord(tEn, null)).toBe('—');
  });

  it('GPS fix names in both languages, odd values survive', () => {
    expect(gpsFixName(tEn, 3)).toBe('3D');
    expect(gpsFixName(tZh, 0)).toBe('无GPS');
    expect(gpsFixName(tZh, 5)).toBe('RTK浮点');
    expect(gpsFixName(tEn, 8)).toBe('Fix 8');
    expect(gpsFixName(tEn, null)).toBe('—');
  });

  it('severity names and colours', () => {
    expect(severityName(tEn, 2)).toBe('Critical');
    expect(severityName(tZh, 4)).toBe('警告');
    expect(severityName(tEn, 12)).toBe('12');
    expect([0, 3, 4, 5, 6, 7].map(severityTone)).toEqual(['danger', 'danger', 'warning', 'info', 'info', 'muted']);
  });
});
