// The mission commands the item editor offers, with their params as MAVLink's common.xml names them
// (label and unit from the definitions, checked against mavlink-mappings' common.d.ts). The MAVLink
// names are the pilot's common language with QGC, Mission Planner and the autopilot docs, so they stay
// in English in both UI languages; the command's own name is translated.
import type { MessageKey } from '../../../i18n/translate';

export interface ParamMeta {
  /** MAVLink's param label, e.g. "Accept Radius". */
  label: string;
  unit?: 's' | 'm' | 'deg' | 'deg/s' | 'm/s' | '%' | 'ms' | 'us' | 'Hz';
}

export interface CommandMeta {
  command: number;
  /** MAV_CMD_... without the prefix. */
  mavName: string;
  nameKey: MessageKey;
  /** param1..param4; undefined = empty in common.xml (not shown). */
  params: [ParamMeta?, ParamMeta?, ParamMeta?, ParamMeta?];
  /** x/y/z are a position (latitude, longitude, altitude). */
  positioned: boolean;
  /** Where the editor's "hold time" goes, if the command has one. */
  holdParam?: 1;
}

const c = (command: number, mavName: string, params: CommandMeta['params'], positioned: boolean, holdParam?: 1): CommandMeta => ({
  command,
  mavName,
  nameKey: `planEdit.cmd.${command}` as MessageKey,
  params,
  positioned,
  holdParam,
});

export const COMMANDS: readonly CommandMeta[] = [
  c(16, 'NAV_WAYPOINT', [{ label: 'Hold', unit: 's' }, { label: 'Accept Radius', unit: 'm' }, { label: 'Pass Radius', unit: 'm' }, { label: 'Yaw', unit: 'deg' }], true, 1),
  c(22, 'NAV_TAKEOFF', [{ label: 'Pitch', unit: 'deg' }, undefined, undefined, { label: 'Yaw', unit: 'deg' }], true),
  c(19, 'NAV_LOITER_TIME', [{ label: 'Time', unit: 's' }, { label: 'Heading Required' }, { label: 'Radius', unit: 'm' }, { label: 'Xtrack Location' }], true, 1),
  c(18, 'NAV_LOITER_TURNS', [{ label: 'Turns' }, { label: 'Heading Required' }, { label: 'Radius', unit: 'm' }, { label: 'Xtrack Location' }], true),
  c(17, 'NAV_LOITER_UNLIM', [undefined, undefined, { label: 'Radius', unit: 'm' }, { label: 'Yaw', unit: 'deg' }], true),
  c(31, 'NAV_LOITER_TO_ALT', [{ label: 'Heading Required' }, { label: 'Radius', unit: 'm' }, undefined, { label: 'Xtrack Location' }], true),
  c(82, 'NAV_SPLINE_WAYPOINT', [{ label: 'Hold', unit: 's' }, undefined, undefined, undefined], true, 1),
  c(21, 'NAV_LAND', [{ label: 'Abort Alt', unit: 'm' }, { label: 'Land Mode' }, undefined, { label: 'Yaw Angle', unit: 'deg' }], true),
  c(20, 'NAV_RETURN_TO_LAUNCH', [undefined, undefined, undefined, undefined], false),
  c(93, 'NAV_DELAY', [{ label: 'Delay', unit: 's' }, { label: 'Hour' }, { label: 'Minute' }, { label: 'Second' }], false),
  c(112, 'CONDITION_DELAY', [{ label: 'Delay', unit: 's' }, undefined, undefined, undefined], false),
  c(115, 'CONDITION_YAW', [{ label: 'Angle', unit: 'deg' }, { label: 'Angular Speed', unit: 'deg/s' }, { label: 'Direction' }, { label: 'Relative' }], false),
  c(178, 'DO_CHANGE_SPEED', [{ label: 'Speed Type' }, { label: 'Speed', unit: 'm/s' }, { label: 'Throttle', unit: '%' }, undefined], false),
  c(177, 'DO_JUMP', [{ label: 'Number' }, { label: 'Repeat' }, undefined, undefined], false),
  c(195, 'DO_SET_ROI_LOCATION', [{ label: 'Gimbal device ID' }, undefined, undefined, undefined], true),
  c(197, 'DO_SET_ROI_NONE', [{ label: 'Gimbal device ID' }, undefined, undefined, undefined], false),
  c(1000, 'DO_GIMBAL_MANAGER_PITCHYAW', [{ label: 'Pitch angle', unit: 'deg' }, { label: 'Yaw angle', unit: 'deg' }, { label: 'Pitch rate', unit: 'deg/s' }, { label: 'Yaw rate', unit: 'deg/s' }], false),
  c(2000, 'IMAGE_START_CAPTURE', [{ label: 'Target Camera ID' }, { label: 'Interval', unit: 's' }, { label: 'Total Images' }, { label: 'Sequence Number' }], false),
  c(2001, 'IMAGE_STOP_CAPTURE', [{ label: 'Target Camera ID' }, undefined, undefined, undefined], false),
  c(2500, 'VIDEO_START_CAPTURE', [{ label: 'Stream ID' }, { label: 'Status Frequency', unit: 'Hz' }, { label: 'Target Camera ID' }, undefined], false),
  c(2501, 'VIDEO_STOP_CAPTURE', [{ label: 'Stream ID' }, { label: 'Target Camera ID' }, undefined, undefined], false),
  c(206, 'DO_SET_CAM_TRIGG_DIST', [{ label: 'Distance', unit: 'm' }, { label: 'Shutter', unit: 'ms' }, { label: 'Trigger' }, { label: 'Target Camera ID' }], false),
  c(183, 'DO_SET_SERVO', [{ label: 'Instance' }, { label: 'PWM', unit: 'us' }, undefined, undefined], false),
  c(181, 'DO_SET_RELAY', [{ label: 'Instance' }, { label: 'Setting' }, undefined, undefined], false),
];

const BY_COMMAND = new Map(COMMANDS.map((m) => [m.command, m]));

export function commandMeta(command: number): CommandMeta | undefined {
  return BY_COMMAND.get(command);
}

/** A command we have no table row for still shows its number and all four params. */
export function paramsOf(command: number): CommandMeta['params'] {
  return commandMeta(command)?.params ?? [{ label: 'Param 1' }, { label: 'Param 2' }, { label: 'Param 3' }, { label: 'Param 4' }];
}

/** The altitude frames the editor offers: MAV_FRAME 3 / 0 / 10 (the _INT twins read the same). */
export const ALT_FRAMES = [
  { frame: 3, key: 'planEdit.frame.rel', short: 'planEdit.frameShort.rel' },
  { frame: 0, key: 'planEdit.frame.msl', short: 'planEdit.frameShort.msl' },
  { frame: 10, key: 'planEdit.frame.terrain', short: 'planEdit.frameShort.terrain' },
] as const satisfies ReadonlyArray<{ frame: number; key: MessageKey; short: MessageKey }>;

export function frameShortKey(frame: number): MessageKey | null {
  if (frame === 3 || frame === 6) return 'planEdit.frameShort.rel';
  if (frame === 0 || frame === 5) return 'planEdit.frameShort.msl';
  if (frame === 10 || frame === 11) return 'planEdit.frameShort.terrain';
  return null;
}

/** The editor's frame choice for an item's frame (an _INT twin shows as its plain frame). */
export function editorFrame(frame: number): number {
  return frame === 6 ? 3 : frame === 5 ? 0 : frame === 11 ? 10 : frame;
}
