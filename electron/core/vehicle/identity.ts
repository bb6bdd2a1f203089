// Who a HEARTBEAT says it is: autopilot family and vehicle kind, from MAV_AUTOPILOT and MAV_TYPE.
import type { Autopilot, VehicleKind } from '../../../shared/contract/types';

export const MAV_AUTOPILOT_GENERIC = 0;
export const MAV_AUTOPILOT_ARDUPILOTMEGA = 3;
export const MAV_AUTOPILOT_INVALID = 8;
export const MAV_AUTOPILOT_PX4 = 12;
export const MAV_TYPE_GCS = 6;

export function autopilotOf(n: number): Autopilot {
  if (n === MAV_AUTOPILOT_ARDUPILOTMEGA) return 'ardupilot';
  if (n === MAV_AUTOPILOT_PX4) return 'px4';
  if (n === MAV_AUTOPILOT_GENERIC) return 'generic';
  return 'unknown';
}

const KINDS: Record<number, VehicleKind> = {
  1: 'fixedwing',
  2: 'multirotor', // QUADROTOR
  3: 'multirotor', // COAXIAL
  4: 'helicopter',
  10: 'rover',
  11: 'boat',
  12: 'boat', // SUBMARINE
  13: 'multirotor', // HEXAROTOR
  14: 'multirotor', // OCTOROTOR
  15: 'multirotor', // TRICOPTER
  19: 'vtol',
  20: 'vtol',
  21: 'vtol',
  22: 'vtol',
  23: 'vtol',
  24: 'vtol',
  25: 'vtol',
  29: 'multirotor', // DODECAROTOR
  35: 'multirotor', // DECAROTOR
};

export function kindOf(mavType: number): VehicleKind {
  return KINDS[mavType] ?? 'other';
}

/** A HEARTBEAT from a flight controller (not a GCS, camera, gimbal or ADS-B receiver). */
export function isAutopilotHeartbeat(autopilot: number, mavType: number): boolean {
  return autopilot !== MAV_AUTOPILOT_INVALID && mavType !== MAV_TYPE_GCS;
}
