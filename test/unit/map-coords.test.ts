import { describe, expect, it } from 'vitest';
import { formatCursor, formatDecimal, formatDms, toDms, wrapLon } from '../../renderer/map/coords';

describe('cursor coordinates', () => {
  it('formats decimal degrees with 6 decimals', () => {
    expect(formatDecimal(46.0726)).toBe('46.072600');
    expect(formatDecimal(-0)).toBe('0.000000');
    expect(formatDecimal(-33.8688197)).toBe('-33.868820');
  });

  it('formats DMS with hemisphere letters', () => {
    expect(formatDms(46.0726, 'lat')).toBe('46°04′21.4″N');
    expect(formatDms(122.0933, 'lon')).toBe('122°05′35.9″E');
    expect(formatDms(-33.8688, 'lat')).toBe('33°52′07.7″S');
    expect(formatDms(-0.5, 'lon')).toBe('000°30′00.0″W');
  });

  it('carries rounding up instead of printing 60 seconds', () => {
    // 10.99999 deg = 10 deg 59 min 59.964 s -> rounds to 11 deg 00 min 00.0 s
    expect(toDms(10.99999, 'lat')).toEqual({ deg: 11, min: 0, sec: 0, hemisphere: 'N' });
    expect(formatDms(10.99999, 'lat')).toBe('11°00′00.0″N');
  });

  it('joins decimal and DMS in one line', () => {
    expect(formatCursor(46.0726, 122.0933)).toBe('46.072600, 122.093300  46°04′21.4″N 122°05′35.9″E');
  });

  it('wraps longitudes from repeated worlds', () => {
    expect(wrapLon(122)).toBe(122);
    expect(wrapLon(482)).toBe(122);
    expect(wrapLon(-238)).toBe(122);
    expect(wrapLon(180)).toBe(-180);
    expect(Object.is(wrapLon(-360), -0)).toBe(false);
  });
});
