// Message name -> reducer. A message without a reducer is simply not part of the snapshot.
import { reduceAttitude } from './attitude';
import { reduceBatteryStatus, reduceSysStatus } from './battery';
import { reduceGlobalPosition } from './global-position';
import { reduceGps } from './gps';
import { reduceHeartbeat } from './heartbeat';
import { reduceHomePosition } from './home-position';
import { reduceMissionCurrent } from './mission-current';
import { reduceStatusText } from './statustext';
import type { Reducer } from './types';
import { reduceVfrHud } from './vfr-hud';

export const REDUCERS: Readonly<Record<string, Reducer>> = {
  HEARTBEAT: reduceHeartbeat,
  GLOBAL_POSITION_INT: reduceGlobalPosition,
  GPS_RAW_INT: reduceGps,
  ATTITUDE: reduceAttitude,
  VFR_HUD: reduceVfrHud,
  SYS_STATUS: reduceSysStatus,
  BATTERY_STATUS: reduceBatteryStatus,
  HOME_POSITION: reduceHomePosition,
  MISSION_CURRENT: reduceMissionCurrent,
  STATUSTEXT: reduceStatusText,
};

export type { Reducer, ReduceContext, ReduceResult, VehicleModel } from './types';
