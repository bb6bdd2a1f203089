// The commands a pilot gives, as one call each over CommandEngine. Parameter choices follow the
// MAVLink spec and what ArduPilot and PX4 both accept; each comment says the one non-obvious thing.
import { msg } from '../../../shared/contract/errors';
import type { CommandEngine, CommandOptions } from './command';
import type { CommandResult } from './command-result';

export const MAV_CMD = {
  NAV_RETURN_TO_LAUNCH: 20,
  NAV_LAND: 21,
  NAV_TAKEOFF: 22,
  DO_SET_MODE: 176,
  DO_CHANGE_SPEED: 178,
  DO_REPOSITION: 192,
  DO_PAUSE_CONTINUE: 193,
  DO_SET_ROI_LOCATION: 195,
  DO_SET_MISSION_CURRENT: 224,
  MISSION_START: 300,
  COMPONENT_ARM_DISARM: 400,
} as const;

const MAV_FRAME_GLOBAL_RELATIVE_ALT = 3;
const MAV_MODE_FLAG_CUSTOM_MODE_ENABLED = 1;
/** The spec's magic number in param2 that makes COMPONENT_ARM_DISARM skip the landed/throttle checks. */
export const FORCE_DISARM_MAGIC = 21196;
/** DO_REPOSITION param2 bit: switch to guided/hold mode so the vehicle actually goes there. */
const REPOSITION_FLAGS_CHANGE_MODE = 1;

export interface ModeNumbers {
  baseMode: number;
  customMode: number;
  /** PX4 packs a sub mode (e.g. AUTO.MISSION); ArduPilot leaves it 0. */
  customSubMode?: number;
}
/** Looks a flight-mode name up in the vehicle's table (ArduCopter, ArduPlane, PX4 ... live in vehicle/). */
export type ResolveMode = (name: string) => ModeNumbers | undefined;

export class VehicleCommands {
  constructor(private readonly engine: CommandEngine) {}

  arm(opts?: CommandOptions): Promise<CommandResult> {
    return this.engine.sendLong(MAV_CMD.COMPONENT_ARM_DISARM, [1], opts);
  }

  disarm(opts?: CommandOptions): Promise<CommandResult> {
    return this.engine.sendLong(MAV_CMD.COMPONENT_ARM_DISARM, [0], opts);
  }

  /** Disarms even in flight: the motors stop and the aircraft falls. The UI must confirm first. */
  forceDisarm(opts?: CommandOptions): Promise<CommandResult> {
    return this.engine.sendLong(MAV_CMD.COMPONENT_ARM_DISARM, [0, FORCE_DISARM_MAGIC], opts);
  }

  /** altM is above home (ArduCopter reads param7 as relative altitude). */
  takeoff(altM: number, opts?: CommandOptions): Promise<CommandResult> {
    if (!Number.isFinite(altM) || altM <= 0) return Promise.resolve(invalid(MAV_CMD.NAV_TAKEOFF, `takeoff altitude ${altM} m`, `起飞高度 ${altM} 米`));
    return this.engine.sendLong(MAV_CMD.NAV_TAKEOFF, [0, 0, 0, Number.NaN, 0, 0, altM], opts);
  }

  setMode(name: string, resolveMode: ResolveMode, opts?: CommandOptions): Promise<CommandResult> {
    const mode = resolveMode(name);
    if (!mode) return Promise.resolve(invalid(MAV_CMD.DO_SET_MODE, `flight mode "${name}" (not known for this vehicle)`, `飞行模式“${name}”（该飞行器不支持）`));
    return this.engine.sendLong(
      MAV_CMD.DO_SET_MODE,
      [mode.baseMode | MAV_MODE_FLAG_CUSTOM_MODE_ENABLED, mode.customMode, mode.customSubMode ?? 0],
      opts,
    );
  }

  /** first/last 0,0: the whole mission from the current item. */
  missionStart(firstItem = 0, lastItem = 0, opts?: CommandOptions): Promise<CommandResult> {
    return this.engine.sendLong(MAV_CMD.MISSION_START, [firstItem, lastItem], opts);
  }

  pause(opts?: CommandOptions): Promise<CommandResult> {
    return this.engine.sendLong(MAV_CMD.DO_PAUSE_CONTINUE, [0], opts);
  }

  resume(opts?: CommandOptions): Promise<CommandResult> {
    return this.engine.sendLong(MAV_CMD.DO_PAUSE_CONTINUE, [1], opts);
  }

  returnToLaunch(opts?: CommandOptions): Promise<CommandResult> {
    return this.engine.sendLong(MAV_CMD.NAV_RETURN_TO_LAUNCH, [], opts);
  }

  /** Land where the vehicle is: lat/lon 0 means "here" to ArduPilot; yaw NaN keeps the heading. */
  land(opts?: CommandOptions): Promise<CommandResult> {
    return this.engine.sendLong(MAV_CMD.NAV_LAND, [0, 0, 0, Number.NaN, 0, 0, 0], opts);
  }

  /** Fly to a point now (guided). altM is above home. Speed -1 = the vehicle's default. */
  goTo(latDeg: number, lonDeg: number, altM: number, opts?: CommandOptions): Promise<CommandResult> {
    const bad = badPosition(MAV_CMD.DO_REPOSITION, latDeg, lonDeg, altM);
    if (bad) return Promise.resolve(bad);
    return this.engine.sendInt(
      MAV_CMD.DO_REPOSITION,
      { frame: MAV_FRAME_GLOBAL_RELATIVE_ALT, param1: -1, param2: REPOSITION_FLAGS_CHANGE_MODE, param4: Number.NaN, latDeg, lonDeg, altM },
      opts,
    );
  }

  /** Point the camera/nose at a location. altM is above home. */
  setRoi(latDeg: number, lonDeg: number, altM: number, opts?: CommandOptions): Promise<CommandResult> {
    const bad = badPosition(MAV_CMD.DO_SET_ROI_LOCATION, latDeg, lonDeg, altM);
    if (bad) return Promise.resolve(bad);
    return this.engine.sendInt(MAV_CMD.DO_SET_ROI_LOCATION, { frame: MAV_FRAME_GLOBAL_RELATIVE_ALT, latDeg, lonDeg, altM }, opts);
  }

  /** speedType: 'ground' or 'air' (param1 1/0). Throttle -1 = unchanged. */
  changeSpeed(speedMps: number, speedType: 'ground' | 'air' = 'ground', opts?: CommandOptions): Promise<CommandResult> {
    if (!Number.isFinite(speedMps) || speedMps <= 0) return Promise.resolve(invalid(MAV_CMD.DO_CHANGE_SPEED, `speed ${speedMps} m/s`, `速度 ${speedMps} 米/秒`));
    return this.engine.sendLong(MAV_CMD.DO_CHANGE_SPEED, [speedType === 'air' ? 0 : 1, speedMps, -1, 0], opts);
  }

  /** MAV_CMD_DO_SET_MISSION_CURRENT; param2 0 = do not reset the mission's jump counters. */
  setMissionCurrent(seq: number, opts?: CommandOptions): Promise<CommandResult> {
    return this.engine.sendLong(MAV_CMD.DO_SET_MISSION_CURRENT, [seq, 0], opts);
  }
}

function badPosition(command: number, latDeg: number, lonDeg: number, altM: number): CommandResult | undefined {
  if (Number.isFinite(latDeg) && Math.abs(latDeg) <= 90 && Number.isFinite(lonDeg) && Math.abs(lonDeg) <= 180 && Number.isFinite(altM)) return undefined;
  return invalid(command, `position ${latDeg}, ${lonDeg}, ${altM} m`, `位置 ${latDeg}, ${lonDeg}, ${altM} 米`);
}

/** Refused before sending: nothing went out, so the vehicle's state is unchanged. */
function invalid(command: number, whatEn: string, whatZh: string): CommandResult {
  return {
    ok: false,
    outcome: 'denied',
    command,
    tries: 0,
    code: 'command_invalid_argument',
    message: msg(`Not sent: invalid ${whatEn}.`, `未发送：无效的${whatZh}。`),
  };
}
