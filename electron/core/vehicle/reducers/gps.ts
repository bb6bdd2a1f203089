// GPS_RAW_INT: fix quality for the pilot. eph is HDOP x100; UINT16_MAX / 255 mean "unknown".
import { num, UINT16_MAX, UINT8_MAX, type Reducer } from './types';

export const reduceGps: Reducer = (model, f) => {
  const s = model.snap;
  s.gpsFix = num(f, 'fix_type') | 0;
  const sats = num(f, 'satellites_visible');
  s.satellites = sats === UINT8_MAX || !Number.isFinite(sats) ? null : sats;
  const eph = num(f, 'eph');
  s.hdop = eph === UINT16_MAX || !Number.isFinite(eph) ? null : eph / 100;
};
