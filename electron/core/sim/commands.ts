// MAV_CMD handlers, one per command, answered with ArduCopter's MAV_RESULTs. COMMAND_LONG and
// COMMAND_INT arrive here in one normalised shape. Mission commands (MISSION_START,
// DO_PAUSE_CONTINUE, DO_SET_MISSION_CURRENT) drive the AUTO executor (mission/executor.ts).
import { common } from 'mavlink-mappings';
import type { Message } from '../mavlink';
import type { SimEndpoint } from './endpoint';
import { ardupilotDialect } from '../mavlink';
import { isValidLatLon, type GeoPoint } from './geo';
import { CopterMode } from './modes';
import { canBuild } from './telemetry';

const { MavCmd, MavResult, MavFrame } = common;

export interface CommandRequest {
  command: number;
  param1: number;
  param2: number;
  param3: number;
  param4: number;
  /** Latitude/longitude in degrees: COMMAND_INT x/y (degE7) or COMMAND_LONG param5/6. */
  latDeg: number;
  lonDeg: number;
  /** COMMAND_INT z or COMMAND_LONG param7. */
  param7: number;
  /** MAV_FRAME of the position; COMMAND_LONG has none and ArduPilot treats it as relative-to-home. */
  frame: number;
  from: { sysid: number; compid: number };
}

export type CommandHandler = (ep: SimEndpoint, c: CommandRequest) => number;

const MAV_MODE_FLAG_CUSTOM_MODE_ENABLED = 1;
const FORCE_MAGIC = new Set([2989, 21196]); // ArduPilot's force-arm and force-disarm magic numbers
const MAV_DO_REPOSITION_FLAGS_CHANGE_MODE = 1;

/** An altitude in the given frame, as metres above mean sea level (terrain is flat at home height). */
export function altMslFromFrame(ep: SimEndpoint, altM: number, frame: number): number {
  const s = ep.vehicle.state;
  if (frame === MavFrame.GLOBAL || frame === MavFrame.GLOBAL_INT) return altM;
  if (frame === MavFrame.GLOBAL_TERRAIN_ALT || frame === MavFrame.GLOBAL_TERRAIN_ALT_INT) return s.groundAltMslM + altM;
  return s.home.altMslM + altM; // GLOBAL_RELATIVE_ALT(_INT) and anything unspecified
}

const result = (ok: boolean) => (ok ? MavResult.ACCEPTED : MavResult.FAILED);

function messageName(id: number): string | undefined {
  return Number.isInteger(id) ? ardupilotDialect().byId(id)?.name : undefined;
}

export const COMMAND_HANDLERS: Record<number, CommandHandler> = {
  [MavCmd.COMPONENT_ARM_DISARM]: (ep, c) => {
    const force = FORCE_MAGIC.has(Math.round(c.param2));
    if (c.param1 === 1) return ep.vehicle.arm(force);
    if (c.param1 === 0) return ep.vehicle.disarm(force);
    return MavResult.UNSUPPORTED;
  },

  [MavCmd.NAV_TAKEOFF]: (ep, c) => result(ep.vehicle.takeoff(c.param7)),

  [MavCmd.DO_SET_MODE]: (ep, c) => {
    if ((Math.round(c.param1) & MAV_MODE_FLAG_CUSTOM_MODE_ENABLED) === 0) return MavResult.FAILED;
    return result(ep.vehicle.setMode(Math.round(c.param2)));
  },

  [MavCmd.NAV_RETURN_TO_LAUNCH]: (ep) => result(ep.vehicle.setMode(CopterMode.RTL)),
  [MavCmd.NAV_LAND]: (ep) => result(ep.vehicle.setMode(CopterMode.LAND)),
  // Copter: set AUTO (start_or_resume); first/last item arguments are not supported.
  [MavCmd.MISSION_START]: (ep, c) => {
    if ((c.param1 || 0) !== 0 || (c.param2 || 0) !== 0) return MavResult.DENIED;
    return result(ep.vehicle.setMode(CopterMode.AUTO));
  },

  // param1 0: pause (brake and hold), 1: continue. Only a running AUTO mission pauses here.
  [MavCmd.DO_PAUSE_CONTINUE]: (ep, c) => {
    const v = ep.vehicle;
    if (c.param1 !== 0 && c.param1 !== 1) return MavResult.DENIED;
    if (v.state.mode !== CopterMode.AUTO) return MavResult.FAILED;
    return result(c.param1 === 0 ? v.auto.pause() : v.auto.resume());
  },

  [MavCmd.DO_SET_MISSION_CURRENT]: (ep, c) => {
    const v = ep.vehicle;
    return result(v.auto.setCurrent(Math.trunc(c.param1), v.state.mode === CopterMode.AUTO));
  },

  [MavCmd.DO_REPOSITION]: (ep, c) => {
    const v = ep.vehicle;
    if (!isValidLatLon(c.latDeg, c.lonDeg)) return MavResult.DENIED;
    if (v.state.mode !== CopterMode.GUIDED) {
      if ((Math.round(c.param2) & MAV_DO_REPOSITION_FLAGS_CHANGE_MODE) === 0) return MavResult.FAILED;
      if (!v.setMode(CopterMode.GUIDED)) return MavResult.FAILED;
    }
    if (c.param1 > 0) v.changeSpeed(c.param1);
    // A NaN altitude means "keep the current altitude".
    const altMslM = Number.isFinite(c.param7) ? altMslFromFrame(ep, c.param7, c.frame) : v.state.position.altMslM;
    const target: GeoPoint = { lat: c.latDeg, lon: c.lonDeg, altMslM };
    return result(v.goto(target));
  },

  [MavCmd.DO_CHANGE_SPEED]: (ep, c) => {
    const speed = c.param2;
    if (!(speed > 0)) return MavResult.FAILED;
    const type = Math.round(c.param1);
    if (type === 2) ep.vehicle.params.climbRateMps = Math.min(speed, 10);
    else if (type === 3) ep.vehicle.params.descentRateMps = Math.min(speed, 10);
    else ep.vehicle.changeSpeed(speed);
    return MavResult.ACCEPTED;
  },

  [MavCmd.DO_SET_HOME]: (ep, c) => {
    const v = ep.vehicle;
    if (c.param1 === 1) return result(v.setHome({ ...v.state.position }));
    if (!isValidLatLon(c.latDeg, c.lonDeg)) return MavResult.DENIED;
    const frame = c.frame === MavFrame.GLOBAL_RELATIVE_ALT ? MavFrame.GLOBAL : c.frame; // DO_SET_HOME altitude is MSL
    return result(v.setHome({ lat: c.latDeg, lon: c.lonDeg, altMslM: altMslFromFrame(ep, c.param7, frame) }));
  },

  [MavCmd.REQUEST_MESSAGE]: (ep, c) => {
    const name = messageName(c.param1);
    if (!name || !canBuild(name)) return MavResult.FAILED;
    ep.afterAck(() => ep.sendTelemetry(name));
    return MavResult.ACCEPTED;
  },

  [MavCmd.GET_HOME_POSITION]: (ep) => {
    ep.afterAck(() => ep.sendTelemetry('HOME_POSITION'));
    return MavResult.ACCEPTED;
  },

  [MavCmd.REQUEST_AUTOPILOT_CAPABILITIES]: (ep, c) => {
    if (c.param1 !== 1) return MavResult.FAILED;
    ep.afterAck(() => ep.sendTelemetry('AUTOPILOT_VERSION'));
    return MavResult.ACCEPTED;
  },

  [MavCmd.SET_MESSAGE_INTERVAL]: (ep, c) => {
    const name = messageName(c.param1);
    if (!name || !canBuild(name) || !Number.isFinite(c.param2)) return MavResult.FAILED;
    ep.streams.setMessageInterval(name, c.param2, ep.timeBootMs);
    return MavResult.ACCEPTED;
  },

  [MavCmd.GET_MESSAGE_INTERVAL]: (ep, c) => {
    const name = messageName(c.param1);
    if (!name || !canBuild(name)) return MavResult.FAILED;
    const ms = ep.streams.intervalMs(name);
    ep.afterAck(() => ep.send('MESSAGE_INTERVAL', { message_id: Math.round(c.param1), interval_us: ms > 0 ? Math.round(ms * 1000) : -1 }));
    return MavResult.ACCEPTED;
  },
};

function num(v: unknown): number {
  return typeof v === 'number' ? v : NaN;
}

/** COMMAND_LONG or COMMAND_INT -> the normalised request. */
export function commandRequest(msg: Message): CommandRequest {
  const f = msg.fields;
  const isInt = msg.name === 'COMMAND_INT';
  return {
    command: num(f.command),
    param1: num(f.param1),
    param2: num(f.param2),
    param3: num(f.param3),
    param4: num(f.param4),
    latDeg: isInt ? num(f.x) / 1e7 : num(f.param5),
    lonDeg: isInt ? num(f.y) / 1e7 : num(f.param6),
    param7: isInt ? num(f.z) : num(f.param7),
    frame: isInt ? num(f.frame) : MavFrame.GLOBAL_RELATIVE_ALT,
    from: { sysid: msg.sysid, compid: msg.compid },
  };
}

export function handleCommand(ep: SimEndpoint, msg: Message): void {
  const req = commandRequest(msg);
  const handler = COMMAND_HANDLERS[req.command];
  const res = handler ? handler(ep, req) : MavResult.UNSUPPORTED;
  ep.ack(req.command, res, req.from);
}
