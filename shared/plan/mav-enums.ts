// The few MAVLink enum values the plan formats need, as plain numbers so shared/ stays free of the
// dialect package. Names follow common.xml.

export const MAV_FRAME = {
  GLOBAL: 0,
  LOCAL_NED: 1,
  MISSION: 2,
  GLOBAL_RELATIVE_ALT: 3,
  LOCAL_ENU: 4,
  GLOBAL_INT: 5,
  GLOBAL_RELATIVE_ALT_INT: 6,
  LOCAL_OFFSET_NED: 7,
  GLOBAL_TERRAIN_ALT: 10,
  GLOBAL_TERRAIN_ALT_INT: 11,
} as const;

export const MAV_CMD = {
  NAV_WAYPOINT: 16,
  NAV_LOITER_UNLIM: 17,
  NAV_LOITER_TURNS: 18,
  NAV_LOITER_TIME: 19,
  NAV_RETURN_TO_LAUNCH: 20,
  NAV_LAND: 21,
  NAV_TAKEOFF: 22,
  NAV_LOITER_TO_ALT: 31,
  NAV_SPLINE_WAYPOINT: 82,
  NAV_VTOL_TAKEOFF: 84,
  NAV_VTOL_LAND: 85,
  NAV_DELAY: 93,
  NAV_PAYLOAD_PLACE: 94,
  DO_JUMP: 177,
  DO_CHANGE_SPEED: 178,
  DO_SET_ROI_LOCATION: 195,
  DO_SET_ROI_NONE: 197,
  DO_SET_ROI: 201,
  NAV_FENCE_RETURN_POINT: 5000,
  NAV_FENCE_POLYGON_VERTEX_INCLUSION: 5001,
  NAV_FENCE_POLYGON_VERTEX_EXCLUSION: 5002,
  NAV_FENCE_CIRCLE_INCLUSION: 5003,
  NAV_FENCE_CIRCLE_EXCLUSION: 5004,
  NAV_RALLY_POINT: 5100,
} as const;

export const MAV_MISSION_TYPE = { MISSION: 0, FENCE: 1, RALLY: 2 } as const;

const GLOBAL_FRAMES = new Set<number>([0, 3, 5, 6, 10, 11]);
const RELATIVE_FRAMES = new Set<number>([3, 6]);
const TERRAIN_FRAMES = new Set<number>([10, 11]);

export function isGlobalFrame(frame: number): boolean {
  return GLOBAL_FRAMES.has(frame);
}

/** How a global frame's z is measured: above home, above terrain, or above mean sea level. */
export function altitudeReference(frame: number): 'relative' | 'terrain' | 'msl' | 'none' {
  if (RELATIVE_FRAMES.has(frame)) return 'relative';
  if (TERRAIN_FRAMES.has(frame)) return 'terrain';
  if (frame === MAV_FRAME.GLOBAL || frame === MAV_FRAME.GLOBAL_INT) return 'msl';
  return 'none';
}

// Commands whose x/y/z are a place the vehicle goes to or looks at; the rest (DO_/CONDITION_) carry
// other meanings in x/y/z and must not be drawn as waypoints.
const POSITIONED_COMMANDS = new Set<number>([16, 17, 18, 19, 21, 22, 31, 82, 84, 85, 94, 195, 201]);

export function isPositionedCommand(command: number): boolean {
  return POSITIONED_COMMANDS.has(command);
}
