// What a ground station asks a newly heard vehicle for. ArduPilot streams telemetry only when asked
// (per stream group with REQUEST_DATA_STREAM, the SRn_* parameters; per message with
// SET_MESSAGE_INTERVAL); PX4 streams on its own. Both send HOME_POSITION only on request or change.
import type { Autopilot } from '../../../shared/contract/types';
import type { Fields } from '../mavlink';

export interface OutgoingMessage {
  name: string;
  fields: Partial<Fields>;
}

const MAV_CMD_SET_MESSAGE_INTERVAL = 511;
const MAV_CMD_REQUEST_MESSAGE = 512;
const MSG_ID_BATTERY_STATUS = 147;
const MSG_ID_HOME_POSITION = 242;

/** MAV_DATA_STREAM id -> rate (Hz): what the map, HUD and status panels need, no more (radios are slow). */
export const ARDUPILOT_STREAM_RATES: Readonly<Record<number, number>> = {
  2: 2, // EXTENDED_STATUS: SYS_STATUS, GPS_RAW_INT, MISSION_CURRENT
  6: 5, // POSITION: GLOBAL_POSITION_INT
  10: 5, // EXTRA1: ATTITUDE
  11: 2, // EXTRA2: VFR_HUD
  12: 1, // EXTRA3: BATTERY_STATUS, SYSTEM_TIME
};
export const BATTERY_STATUS_INTERVAL_US = 1_000_000;

function commandLong(sysid: number, compid: number, command: number, params: number[]): OutgoingMessage {
  const fields: Partial<Fields> = { target_system: sysid, target_component: compid, command, confirmation: 0 };
  params.forEach((p, i) => (fields[`param${i + 1}`] = p));
  return { name: 'COMMAND_LONG', fields };
}

export function homeRequest(sysid: number, compid: number): OutgoingMessage {
  return commandLong(sysid, compid, MAV_CMD_REQUEST_MESSAGE, [MSG_ID_HOME_POSITION]);
}

export function telemetryRequests(autopilot: Autopilot, sysid: number, compid: number): OutgoingMessage[] {
  const out: OutgoingMessage[] = [];
  if (autopilot === 'ardupilot') {
    for (const [stream, hz] of Object.entries(ARDUPILOT_STREAM_RATES)) {
      out.push({
        name: 'REQUEST_DATA_STREAM',
        fields: { target_system: sysid, target_component: compid, req_stream_id: Number(stream), req_message_rate: hz, start_stop: 1 },
      });
    }
    out.push(commandLong(sysid, compid, MAV_CMD_SET_MESSAGE_INTERVAL, [MSG_ID_BATTERY_STATUS, BATTERY_STATUS_INTERVAL_US]));
  }
  out.push(homeRequest(sysid, compid));
  return out;
}
