// ArduPlane flight modes (ArduPlane/mode.h, enum class Mode::Number). The Q* modes are QuadPlane
// (VTOL) modes; FBWA/FBWB are the names Mission Planner and QGC show for FLY_BY_WIRE_A/B.
import { tableFrom } from './table';

export const PLANE_MODES = {
  MANUAL: 0,
  CIRCLE: 1,
  STABILIZE: 2,
  TRAINING: 3,
  ACRO: 4,
  FBWA: 5,
  FBWB: 6,
  CRUISE: 7,
  AUTOTUNE: 8,
  AUTO: 10,
  RTL: 11,
  LOITER: 12,
  TAKEOFF: 13,
  AVOID_ADSB: 14,
  GUIDED: 15,
  QSTABILIZE: 17,
  QHOVER: 18,
  QLOITER: 19,
  QLAND: 20,
  QRTL: 21,
  QAUTOTUNE: 22,
  QACRO: 23,
  THERMAL: 24,
  LOITER_ALT_QLAND: 25,
  AUTOLAND: 26,
} as const;

export const arduPlaneModes = tableFrom(PLANE_MODES);
