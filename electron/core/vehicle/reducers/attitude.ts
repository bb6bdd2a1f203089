// ATTITUDE: roll/pitch/yaw in radians. Yaw gives the heading only when the position has none.
import { noteBootTime, num, radToDeg, wrap360, type Reducer } from './types';

export const reduceAttitude: Reducer = (model, f, ctx) => {
  const s = model.snap;
  const rebooted = noteBootTime(model, num(f, 'time_boot_ms'));
  model.lastStreamMs = ctx.nowMs;
  s.rollDeg = radToDeg(num(f, 'roll'));
  s.pitchDeg = radToDeg(num(f, 'pitch'));
  if (!model.headingFromPosition) s.headingDeg = wrap360(radToDeg(num(f, 'yaw')));
  return rebooted ? { rebooted } : undefined;
};
