// Handlers for the messages a GCS sends, by message name. Commands go to commands.ts; the mission
// transfer messages go to the vehicle side of the mission protocol (mission/vehicle-mission-protocol.ts),
// except MISSION_ITEM(_INT) with current = 2 (a guided go-to) and MISSION_SET_CURRENT (which moves
// the AUTO executor, so it is answered here).
import { common } from 'mavlink-mappings';
import type { Message } from '../mavlink';
import { altMslFromFrame, handleCommand } from './commands';
import type { SimEndpoint } from './endpoint';
import { isValidLatLon } from './geo';
import { CopterMode } from './modes';

const { MavMissionResult, MavResult } = common;

export type MessageHandler = (ep: SimEndpoint, msg: Message) => void;

const MAVLINK_MSG_ID_SET_MODE = 11;
const MAV_MODE_FLAG_CUSTOM_MODE_ENABLED = 1;
const POSITION_IGNORED = 0b111; // POSITION_TARGET_TYPEMASK X/Y/Z_IGNORE
const GUIDED_REQUEST = 2; // MISSION_ITEM(_INT).current = 2: "fly to this point now" (ArduPilot guided)
const ALTITUDE_CHANGE_REQUEST = 3; // current = 3: ArduPilot's guided altitude change, not modelled

function num(v: unknown): number {
  return typeof v === 'number' ? v : NaN;
}

/** MISSION_ITEM(_INT) with current=2: a guided go-to, answered with MISSION_ACK like ArduPilot. */
function missionItem(ep: SimEndpoint, msg: Message, scale: number): void {
  const f = msg.fields;
  const current = num(f.current);
  if (current === ALTITUDE_CHANGE_REQUEST) return;
  if (current !== GUIDED_REQUEST) {
    ep.missionMessage(msg); // an item of an upload
    return;
  }
  const lat = num(f.x) / scale;
  const lon = num(f.y) / scale;
  let ok = false;
  if (ep.vehicle.state.mode === CopterMode.GUIDED && isValidLatLon(lat, lon)) {
    ok = ep.vehicle.goto({ lat, lon, altMslM: altMslFromFrame(ep, num(f.z), num(f.frame)) });
  }
  ep.send('MISSION_ACK', {
    target_system: msg.sysid, target_component: msg.compid,
    type: ok ? MavMissionResult.ACCEPTED : MavMissionResult.ERROR, mission_type: 0,
  });
}

export const MESSAGE_HANDLERS: Record<string, MessageHandler> = {
  COMMAND_LONG: handleCommand,
  COMMAND_INT: handleCommand,

  // ArduPilot answers SET_MODE with a COMMAND_ACK whose command is SET_MODE's message id.
  SET_MODE: (ep, msg) => {
    const baseMode = num(msg.fields.base_mode);
    const ok = (baseMode & MAV_MODE_FLAG_CUSTOM_MODE_ENABLED) !== 0 && ep.vehicle.setMode(num(msg.fields.custom_mode));
    ep.ack(MAVLINK_MSG_ID_SET_MODE, ok ? MavResult.ACCEPTED : MavResult.FAILED, msg);
  },

  // Guided position target; ArduCopter ignores it outside GUIDED and sends no reply either way.
  SET_POSITION_TARGET_GLOBAL_INT: (ep, msg) => {
    const f = msg.fields;
    if (ep.vehicle.state.mode !== CopterMode.GUIDED) return;
    if ((num(f.type_mask) & POSITION_IGNORED) === POSITION_IGNORED) return; // velocity-only targets: not modelled yet
    const lat = num(f.lat_int) / 1e7;
    const lon = num(f.lon_int) / 1e7;
    if (!isValidLatLon(lat, lon)) return;
    ep.vehicle.goto({ lat, lon, altMslM: altMslFromFrame(ep, num(f.alt), num(f.coordinate_frame)) });
  },

  MISSION_ITEM_INT: (ep, msg) => missionItem(ep, msg, 1e7),
  MISSION_ITEM: (ep, msg) => missionItem(ep, msg, 1),

  MISSION_COUNT: (ep, msg) => ep.missionMessage(msg),
  MISSION_REQUEST_LIST: (ep, msg) => ep.missionMessage(msg),
  MISSION_REQUEST_INT: (ep, msg) => ep.missionMessage(msg),
  MISSION_REQUEST: (ep, msg) => ep.missionMessage(msg),
  MISSION_ACK: (ep, msg) => ep.missionMessage(msg),
  MISSION_CLEAR_ALL: (ep, msg) => ep.missionMessage(msg),

  // Answered by MISSION_CURRENT (the executor's change event); a seq the vehicle lacks gets no reply.
  MISSION_SET_CURRENT: (ep, msg) => {
    ep.vehicle.auto.setCurrent(num(msg.fields.seq), ep.vehicle.state.mode === CopterMode.AUTO);
  },

  TERRAIN_DATA: (ep, msg) => ep.terrain?.receive(msg),

  REQUEST_DATA_STREAM: (ep, msg) => {
    const f = msg.fields;
    ep.streams.requestDataStream(num(f.req_stream_id), num(f.req_message_rate), num(f.start_stop) !== 0, ep.timeBootMs);
  },
};
