// The plan model. MissionItem is the WIRE form (what MISSION_ITEM_INT carries, in degrees and metres):
// the editor, the map, the statistics, the validator and the uploader all see the same items.

export interface LatLon {
  lat: number;
  lon: number;
}

export interface MissionItem {
  /** Position in its list on the wire; absent inside a Plan (the position in the array is the truth). */
  seq?: number;
  /** MAV_FRAME */
  frame: number;
  /** MAV_CMD */
  command: number;
  /** 1 = this is the current item (only meaningful on the wire). */
  current: number;
  /** 1 = continue to the next item when done. */
  autocontinue: number;
  /** param1..param4 may be NaN: "unused / keep current value" in MAVLink. */
  param1: number;
  param2: number;
  param3: number;
  param4: number;
  /** Latitude in degrees for global frames, else local x. NaN = not set (sent as 0 on the wire). */
  x: number;
  /** Longitude in degrees for global frames, else local y. */
  y: number;
  /** Altitude in metres, reference given by the frame. */
  z: number;
  /** MAV_MISSION_TYPE: 0 mission, 1 fence, 2 rally. Absent inside a Plan. */
  missionType?: number;
}

export interface PlannedHome {
  lat: number;
  lon: number;
  altMslM: number;
}

export interface FencePolygon {
  inclusion: boolean;
  vertices: LatLon[];
}

export interface FenceCircle {
  inclusion: boolean;
  center: LatLon;
  radiusM: number;
}

export interface RallyPoint {
  lat: number;
  lon: number;
  /** Relative to home, as ArduPilot and PX4 use rally altitudes. */
  altM: number;
}

/**
 * A QGroundControl complex item (survey, corridor scan) kept verbatim so writing a .plan gives it back.
 * `index` is where its generated items start in mission.items and `itemCount` how many there are;
 * the writer only puts the complex item back if those items are still the ones it generates.
 */
export interface PreservedComplexItem {
  index: number;
  itemCount: number;
  complexItemType: string;
  json: Record<string, unknown>;
}

export interface Mission {
  /** Mission items WITHOUT the ArduPilot home item (that lives in plannedHome). */
  items: MissionItem[];
  plannedHome?: PlannedHome;
  /** MAV_TYPE */
  vehicleType?: number;
  /** MAV_AUTOPILOT */
  firmwareType?: number;
  cruiseSpeedMps?: number;
  hoverSpeedMps?: number;
}

export interface Fence {
  polygons: FencePolygon[];
  circles: FenceCircle[];
  /** Where to go on a breach (MAV_CMD_NAV_FENCE_RETURN_POINT / QGC breachReturn), if the file has one. */
  returnPoint?: { lat: number; lon: number; altM: number };
}

export interface Plan {
  mission: Mission;
  fence: Fence;
  rally: { points: RallyPoint[] };
  complexItems?: PreservedComplexItem[];
}

export type AutopilotConvention = 'ardupilot' | 'px4';

export function emptyPlan(): Plan {
  return { mission: { items: [] }, fence: { polygons: [], circles: [] }, rally: { points: [] } };
}

/** A plain item with the canonical key set (no seq/missionType), so equal plans compare equal. */
export function planItem(i: Omit<MissionItem, 'seq' | 'missionType'>): MissionItem {
  return {
    frame: i.frame,
    command: i.command,
    current: i.current,
    autocontinue: i.autocontinue,
    param1: i.param1,
    param2: i.param2,
    param3: i.param3,
    param4: i.param4,
    x: i.x,
    y: i.y,
    z: i.z,
  };
}
