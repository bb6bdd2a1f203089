// Which mode table a vehicle uses: ArduPilot's depend on the vehicle type (one firmware per frame
// kind), PX4 has one encoding for all.
import type { Autopilot } from '../../../../shared/contract/types';
import { kindOf } from '../identity';
import { arduCopterModes } from './arducopter';
import { arduPlaneModes } from './arduplane';
import { arduRoverModes } from './ardurover';
import { px4Modes } from './px4';
import { unknownMode, type ModeTable } from './table';

export { arduCopterModes, COPTER_MODES } from './arducopter';
export { arduPlaneModes, PLANE_MODES } from './arduplane';
export { arduRoverModes, ROVER_MODES } from './ardurover';
export { px4Modes, px4Encode, px4Decode, PX4_MAIN, PX4_AUTO_SUB } from './px4';
export type { ModeTable } from './table';

export function modeTableFor(autopilot: Autopilot, mavType: number): ModeTable | null {
  if (autopilot === 'px4') return px4Modes;
  if (autopilot !== 'ardupilot') return null;
  switch (kindOf(mavType)) {
    case 'fixedwing':
    case 'vtol':
      return arduPlaneModes;
    case 'rover':
    case 'boat':
      return arduRoverModes;
    default:
      return arduCopterModes;
  }
}

export function modeName(autopilot: Autopilot, mavType: number, customMode: number): string {
  return modeTableFor(autopilot, mavType)?.name(customMode) ?? unknownMode(customMode);
}

/** custom_mode for a mode name on this vehicle, or undefined when its firmware has no such mode. */
export function modeNumber(autopilot: Autopilot, mavType: number, name: string): number | undefined {
  return modeTableFor(autopilot, mavType)?.number(name);
}
