// HOME_POSITION: latitude/longitude degE7, altitude mm above mean sea level.
import { num, type Reducer } from './types';

export const reduceHomePosition: Reducer = (model, f, ctx) => {
  const lat = num(f, 'latitude') / 1e7;
  const lon = num(f, 'longitude') / 1e7;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return;
  model.snap.home = { lat, lon, altMslM: num(f, 'altitude') / 1000 };
  model.lastHomeMs = ctx.nowMs;
};
