// The ArduCopter parameters the simulated vehicle obeys, with ArduCopter's defaults converted to SI
// units. One object so tests (and later PARAM_SET) can change them without touching the model.

export interface SimParams {
  /** WPNAV_SPEED: horizontal cruise speed in GUIDED/AUTO/RTL. */
  wpnavSpeedMps: number;
  /** WPNAV_ACCEL: horizontal acceleration limit. */
  wpnavAccelMps2: number;
  /** WPNAV_SPEED_UP / PILOT_SPEED_UP: climb rate (also the takeoff climb rate). */
  climbRateMps: number;
  /** WPNAV_SPEED_DN: descent rate away from the ground; LAND_SPEED_HIGH falls back to it. */
  descentRateMps: number;
  /** LAND_SPEED: final descent rate below LAND_ALT_LOW. */
  landSpeedMps: number;
  /** LAND_ALT_LOW: where the landing slows to LAND_SPEED. */
  landAltLowM: number;
  /** WPNAV_RADIUS: a waypoint counts as reached within this distance. */
  wpRadiusM: number;
  /** CIRCLE_RADIUS: orbit radius of a NAV_LOITER_TURNS whose param3 is 0. */
  circleRadiusM: number;
  /** CIRCLE_RATE: orbit angular rate limit (the speed limit and WPNAV_ACCEL may lower it further). */
  circleRateDegS: number;
  /** RTL_ALT: minimum return altitude above home. */
  rtlAltM: number;
  /** RTL_LOIT_TIME: hover over home before descending. */
  rtlLoiterTimeS: number;
  /** DISARM_DELAY: auto-disarm after this long armed on the ground without taking off. */
  disarmDelayS: number;
  /** ATC_SLEW_YAW: heading turn-rate limit. */
  yawRateDegS: number;
  /** BATT_CAPACITY. */
  batteryCapacityMah: number;
  /** Cells of the LiPo pack (4S: 16.8 V full). */
  batteryCells: number;
}

export const DEFAULT_PARAMS: Readonly<SimParams> = {
  wpnavSpeedMps: 10,
  wpnavAccelMps2: 2.5,
  climbRateMps: 2.5,
  descentRateMps: 1.5,
  landSpeedMps: 0.5,
  landAltLowM: 10,
  wpRadiusM: 2,
  circleRadiusM: 10,
  circleRateDegS: 20,
  rtlAltM: 15,
  rtlLoiterTimeS: 5,
  disarmDelayS: 10,
  yawRateDegS: 60,
  batteryCapacityMah: 5000,
  batteryCells: 4,
};
