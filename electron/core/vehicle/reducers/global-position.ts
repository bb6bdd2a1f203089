// GLOBAL_POSITION_INT: the fused position. lat/lon degE7, alt/relative_alt mm, vx/vy/vz cm/s (NED),
// hdg cdeg (UINT16_MAX = unknown).
import { noteBootTime, num, UINT16_MAX, wrap360, type Reducer } from './types';

export const reduceGlobalPosition: Reducer = (model, f, ctx) => {
  const s = model.snap;
  const rebooted = noteBootTime(model, num(f, 'time_boot_ms'));
  model.lastStreamMs = ctx.nowMs;
  const latE7 = num(f, 'lat');
  const lonE7 = num(f, 'lon');
  // ArduPilot sends 0,0 until it has a position estimate: that is "no position", not the Gulf of Guinea.
  if (latE7 === 0 && lonE7 === 0) {
    s.lat = s.lon = null;
  } else {
    s.lat = latE7 / 1e7;
    s.lon = lonE7 / 1e7;
  }
  s.altMslM = num(f, 'alt') / 1000;
  s.altRelM = num(f, 'relative_alt') / 1000;
  const vx = num(f, 'vx');
  const vy = num(f, 'vy');
  s.groundSpeedMps = Math.hypot(vx, vy) / 100;
  s.climbMps = -num(f, 'vz') / 100;
  const hdg = num(f, 'hdg');
  model.headingFromPosition = hdg !== UINT16_MAX && Number.isFinite(hdg);
  if (model.headingFromPosition) s.headingDeg = wrap360(hdg / 100);
  return rebooted ? { rebooted } : undefined;
};
