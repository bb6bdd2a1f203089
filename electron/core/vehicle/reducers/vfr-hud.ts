// VFR_HUD: what a pilot's HUD shows, already in SI units (m/s, m, %); heading in whole degrees.
import { num, type Reducer } from './types';

export const reduceVfrHud: Reducer = (model, f) => {
  const s = model.snap;
  s.airSpeedMps = num(f, 'airspeed');
  s.groundSpeedMps = num(f, 'groundspeed');
  s.climbMps = num(f, 'climb');
  s.throttlePct = num(f, 'throttle');
};
