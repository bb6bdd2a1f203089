// ArduCopter flight modes as ArduCopter reports them (HEARTBEAT.custom_mode) and the rules it applies
// to them: which modes may be armed in, which need a position estimate, and the base_mode bits.
import { minimal } from 'mavlink-mappings';

const { MavModeFlag } = minimal;

export const CopterMode = {
  STABILIZE: 0,
  ACRO: 1,
  ALT_HOLD: 2,
  AUTO: 3,
  GUIDED: 4,
  LOITER: 5,
  RTL: 6,
  CIRCLE: 7,
  LAND: 9,
  POSHOLD: 16,
  BRAKE: 17,
  SMART_RTL: 21,
} as const;
export type CopterModeNumber = (typeof CopterMode)[keyof typeof CopterMode];

const NAMES = new Map<number, string>(Object.entries(CopterMode).map(([name, n]) => [n, name]));

/** Modes this simulator can fly. Others are refused like a firmware built without them. */
export function isKnownMode(n: number): n is CopterModeNumber {
  return NAMES.has(n);
}

export function modeName(n: number): string {
  return NAMES.get(n) ?? `Mode(${n})`;
}

// ArduCopter Mode::allows_arming(): the autonomous modes refuse arming (AUTO, RTL, LAND, CIRCLE, BRAKE, SMART_RTL).
const ARMABLE = new Set<number>([CopterMode.STABILIZE, CopterMode.ACRO, CopterMode.ALT_HOLD, CopterMode.GUIDED, CopterMode.LOITER, CopterMode.POSHOLD]);
export function allowsArming(mode: number): boolean {
  return ARMABLE.has(mode);
}

// Mode::requires_GPS(): entering these without a position estimate fails.
const NEEDS_POSITION = new Set<number>([
  CopterMode.AUTO, CopterMode.GUIDED, CopterMode.LOITER, CopterMode.RTL, CopterMode.CIRCLE, CopterMode.POSHOLD,
  CopterMode.BRAKE, CopterMode.SMART_RTL,
]);
export function requiresPosition(mode: number): boolean {
  return NEEDS_POSITION.has(mode);
}

// GCS_MAVLINK_Copter::base_mode(): GUIDED_ENABLED for the modes that navigate by themselves.
const GUIDED_FLAG = new Set<number>([
  CopterMode.AUTO, CopterMode.RTL, CopterMode.LOITER, CopterMode.GUIDED, CopterMode.CIRCLE, CopterMode.POSHOLD,
  CopterMode.BRAKE, CopterMode.SMART_RTL,
]);
export function baseMode(mode: number, armed: boolean): number {
  let flags = MavModeFlag.STABILIZE_ENABLED | MavModeFlag.MANUAL_INPUT_ENABLED | MavModeFlag.CUSTOM_MODE_ENABLED;
  if (GUIDED_FLAG.has(mode)) flags |= MavModeFlag.GUIDED_ENABLED;
  if (armed) flags |= MavModeFlag.SAFETY_ARMED;
  return flags;
}
