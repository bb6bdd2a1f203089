// MISSION_CURRENT: the item being flown; `total` (MAVLink 2 extension) is the mission's size,
// UINT16_MAX or absent (0 on old firmware) when the autopilot does not say.
import { num, UINT16_MAX, type Reducer } from './types';

export const reduceMissionCurrent: Reducer = (model, f) => {
  const s = model.snap;
  s.missionCurrent = num(f, 'seq');
  const total = num(f, 'total');
  if (Number.isFinite(total) && total !== UINT16_MAX && total > 0) s.missionCount = total;
};
