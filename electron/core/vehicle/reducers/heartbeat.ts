// HEARTBEAT: identity, flight mode, armed state. The vehicle's presence itself (last heartbeat time,
// link loss) is the Vehicle's business, not this reducer's.
import { autopilotOf, kindOf } from '../identity';
import { modeName } from '../modes';
import { num, type Reducer } from './types';

const MAV_MODE_FLAG_SAFETY_ARMED = 128;

export const reduceHeartbeat: Reducer = (model, f) => {
  const s = model.snap;
  s.mavType = num(f, 'type') | 0;
  s.type = kindOf(s.mavType);
  s.autopilot = autopilotOf(num(f, 'autopilot'));
  s.baseMode = num(f, 'base_mode') | 0;
  s.customMode = num(f, 'custom_mode') >>> 0;
  s.systemStatus = num(f, 'system_status') | 0;
  s.armed = (s.baseMode & MAV_MODE_FLAG_SAFETY_ARMED) !== 0;
  s.mode = modeName(s.autopilot, s.mavType, s.customMode);
};
