// ArduRover (and boat) flight modes (Rover/mode.h, enum class Mode::Number).
import { tableFrom } from './table';

export const ROVER_MODES = {
  MANUAL: 0,
  ACRO: 1,
  STEERING: 3,
  HOLD: 4,
  LOITER: 5,
  FOLLOW: 6,
  SIMPLE: 7,
  DOCK: 8,
  CIRCLE: 9,
  AUTO: 10,
  RTL: 11,
  SMART_RTL: 12,
  GUIDED: 15,
  INITIALISING: 16,
} as const;

export const arduRoverModes = tableFrom(ROVER_MODES);
