// Telemetry messages built from the vehicle state, in MAVLink wire units, the way ArduCopter fills
// them. One builder per message; a builder returning null has nothing to say right now (for example
// POSITION_TARGET_GLOBAL_INT outside GUIDED).
import { common, minimal, standard } from 'mavlink-mappings';
import type { Fields } from '../mavlink';
import { bearingDeg, distanceM, offsetNeM, type GeoPoint } from './geo';
import { baseMode, CopterMode } from './modes';
import { groundSpeedMps, type SimState } from './state';
import type { SimVehicle } from './vehicle';

const { MavSysStatusSensor: S, MavLandedState, MavBatteryFunction, MavBatteryType, MavBatteryChargeState } = common;
const { MavType, MavAutopilot, MavState } = minimal;
const { MavProtocolCapability: Cap, FirmwareVersionType } = standard;

export interface TelemetrySource {
  vehicle: SimVehicle;
  sysid: number;
  /** EKF origin: LOCAL_POSITION_NED is relative to it. */
  origin: GeoPoint;
  /** Wall clock for SYSTEM_TIME (injected so tests are deterministic). */
  unixTimeMs(): number;
}

export type TelemetryBuilder = (src: TelemetrySource) => Fields | null;

const RAD = Math.PI / 180;
const degE7 = (deg: number) => Math.round(deg * 1e7);
const cdeg = (deg: number) => Math.round((((deg % 360) + 360) % 360) * 100) % 36000;
const bootUs = (s: SimState) => Math.round(s.timeBootMs * 1000);
const bootMs = (s: SimState) => Math.round(s.timeBootMs);

const SENSORS_PRESENT =
  S.SENSOR_3D_GYRO | S.SENSOR_3D_ACCEL | S.SENSOR_3D_MAG | S.SENSOR_ABSOLUTE_PRESSURE | S.SENSOR_GPS |
  S.SENSOR_ANGULAR_RATE_CONTROL | S.SENSOR_ATTITUDE_STABILIZATION | S.SENSOR_YAW_POSITION |
  S.SENSOR_Z_ALTITUDE_CONTROL | S.SENSOR_XY_POSITION_CONTROL | S.SENSOR_MOTOR_OUTPUTS | S.AHRS |
  S.SENSOR_BATTERY | S.PREARM_CHECK;

/** ArduPilot's landed_state from land_complete and what the mode is doing. */
function landedState(s: SimState): number {
  if (s.landed) return MavLandedState.ON_GROUND;
  if (s.nav.kind === 'takeoff') return MavLandedState.TAKEOFF;
  if (s.nav.kind === 'land' || (s.nav.kind === 'rtl' && s.nav.phase === 'land')) return MavLandedState.LANDING;
  return MavLandedState.IN_AIR;
}

/** Where the mode is heading, for NAV_CONTROLLER_OUTPUT and POSITION_TARGET_GLOBAL_INT. */
function navTarget(s: SimState): GeoPoint | null {
  const nav = s.nav;
  if (nav.kind === 'hold' || nav.kind === 'takeoff' || nav.kind === 'goto') return nav.target;
  if (nav.kind === 'rtl') return { ...s.home, altMslM: nav.phase === 'land' ? s.home.altMslM : nav.returnAltMslM };
  if (nav.kind === 'land') return { lat: nav.lat, lon: nav.lon, altMslM: s.groundAltMslM };
  if (nav.kind === 'orbit') return nav.center;
  return null;
}

function homePosition(src: TelemetrySource): Fields {
  const { home } = src.vehicle.state;
  const { northM, eastM } = offsetNeM(src.origin, home);
  return {
    latitude: degE7(home.lat), longitude: degE7(home.lon), altitude: Math.round(home.altMslM * 1000),
    x: northM, y: eastM, z: -(home.altMslM - src.origin.altMslM), q: [1, 0, 0, 0],
    approach_x: 0, approach_y: 0, approach_z: 0, time_usec: bootUs(src.vehicle.state),
  };
}

export const TELEMETRY: Record<string, TelemetryBuilder> = {
  HEARTBEAT: ({ vehicle: { state: s } }) => ({
    type: MavType.QUADROTOR,
    autopilot: MavAutopilot.ARDUPILOTMEGA,
    base_mode: baseMode(s.mode, s.armed),
    custom_mode: s.mode,
    // GCS_MAVLINK_Copter::vehicle_system_status(): STANDBY while land_complete, ACTIVE in the air.
    system_status: s.landed ? MavState.STANDBY : MavState.ACTIVE,
    mavlink_version: 3,
  }),

  SYS_STATUS: ({ vehicle }) => {
    const s = vehicle.state;
    let health = SENSORS_PRESENT;
    if (!vehicle.positionOk) health &= ~(S.SENSOR_GPS | S.PREARM_CHECK);
    const enabled = s.armed ? SENSORS_PRESENT : SENSORS_PRESENT & ~S.SENSOR_MOTOR_OUTPUTS;
    return {
      onboard_control_sensors_present: SENSORS_PRESENT,
      onboard_control_sensors_enabled: enabled,
      onboard_control_sensors_health: health,
      load: 250,
      voltage_battery: Math.round(s.battery.voltageV * 1000),
      current_battery: Math.round(s.battery.currentA * 100),
      battery_remaining: Math.round(s.battery.remainingPct),
      drop_rate_comm: 0, errors_comm: 0,
    };
  },

  GPS_RAW_INT: ({ vehicle: { state: s } }) => {
    const fix = s.gps.fixType >= 3;
    return {
      time_usec: bootUs(s),
      lat: fix ? degE7(s.position.lat) : 0,
      lon: fix ? degE7(s.position.lon) : 0,
      alt: fix ? Math.round(s.position.altMslM * 1000) : 0,
      eph: Math.round(s.gps.hdop * 100),
      epv: Math.round(s.gps.vdop * 100),
      vel: Math.round(groundSpeedMps(s) * 100),
      cog: groundSpeedMps(s) > 0.2 ? cdeg(Math.atan2(s.velEastMps, s.velNorthMps) / RAD) : 0,
      fix_type: s.gps.fixType,
      satellites_visible: s.gps.satellites,
      alt_ellipsoid: fix ? Math.round((s.position.altMslM + 8) * 1000) : 0,
      h_acc: Math.round(s.gps.hdop * 500), v_acc: Math.round(s.gps.vdop * 700), vel_acc: 150, hdg_acc: 0, yaw: 0,
    };
  },

  GLOBAL_POSITION_INT: ({ vehicle: { state: s } }) => ({
    time_boot_ms: bootMs(s),
    lat: degE7(s.position.lat),
    lon: degE7(s.position.lon),
    alt: Math.round(s.position.altMslM * 1000),
    relative_alt: Math.round((s.position.altMslM - s.home.altMslM) * 1000),
    vx: Math.round(s.velNorthMps * 100),
    vy: Math.round(s.velEastMps * 100),
    vz: Math.round(-s.velUpMps * 100),
    hdg: cdeg(s.headingDeg),
  }),

  LOCAL_POSITION_NED: ({ vehicle: { state: s }, origin }) => {
    const { northM, eastM } = offsetNeM(origin, s.position);
    return {
      time_boot_ms: bootMs(s), x: northM, y: eastM, z: -(s.position.altMslM - origin.altMslM),
      vx: s.velNorthMps, vy: s.velEastMps, vz: -s.velUpMps,
    };
  },

  ATTITUDE: ({ vehicle: { state: s } }) => {
    const yawDeg = s.headingDeg > 180 ? s.headingDeg - 360 : s.headingDeg;
    return {
      time_boot_ms: bootMs(s), roll: s.rollRad, pitch: s.pitchRad, yaw: yawDeg * RAD,
      rollspeed: s.rollRateRadS, pitchspeed: s.pitchRateRadS, yawspeed: s.yawRateDegS * RAD,
    };
  },

  VFR_HUD: ({ vehicle: { state: s } }) => ({
    airspeed: groundSpeedMps(s), // no wind in the simulation
    groundspeed: groundSpeedMps(s),
    heading: Math.round(s.headingDeg) % 360,
    throttle: s.throttlePct,
    alt: s.position.altMslM,
    climb: s.velUpMps,
  }),

  BATTERY_STATUS: ({ vehicle }) => {
    const b = vehicle.state.battery;
    // Without per-cell sensing ArduPilot puts the pack voltage in voltages[0] and marks the rest unused.
    const voltages = [Math.round(b.voltageV * 1000), ...Array<number>(9).fill(0xffff)];
    const hoursLeft = b.currentA > 0.1 ? ((vehicle.params.batteryCapacityMah - b.consumedMah) / 1000 / b.currentA) : 0;
    return {
      id: 0,
      battery_function: MavBatteryFunction.ALL,
      type: MavBatteryType.LIPO,
      temperature: Math.round(b.temperatureC * 100),
      voltages,
      current_battery: Math.round(b.currentA * 100),
      current_consumed: Math.round(b.consumedMah),
      energy_consumed: Math.round((b.consumedWh * 3600) / 100), // hJ
      battery_remaining: Math.round(b.remainingPct),
      time_remaining: Math.max(0, Math.round(hoursLeft * 3600)),
      charge_state: b.remainingPct > 20 ? MavBatteryChargeState.OK : b.remainingPct > 10 ? MavBatteryChargeState.LOW : MavBatteryChargeState.CRITICAL,
      voltages_ext: [0, 0, 0, 0], mode: 0, fault_bitmask: 0,
    };
  },

  SYSTEM_TIME: (src) => ({ time_unix_usec: src.unixTimeMs() * 1000, time_boot_ms: bootMs(src.vehicle.state) }),

  // As ArduPilot's send_mission_current: total excludes home (on the last item seq == total).
  MISSION_CURRENT: ({ vehicle }) => {
    const count = vehicle.missions.count(0);
    const inAuto = vehicle.state.mode === CopterMode.AUTO;
    return {
      seq: vehicle.missions.currentSeq,
      total: count > 0 ? count - 1 : 0,
      mission_state: vehicle.auto.missionState,
      mission_mode: inAuto ? 1 : 2, // 1: in mission mode, 2: suspended
      mission_id: 0, fence_id: 0, rally_points_id: 0,
    };
  },

  HOME_POSITION: homePosition,

  EXTENDED_SYS_STATE: ({ vehicle: { state: s } }) => ({ vtol_state: 0, landed_state: landedState(s) }),

  NAV_CONTROLLER_OUTPUT: ({ vehicle: { state: s } }) => {
    const target = navTarget(s);
    const bearing = target ? Math.round(bearingDeg(s.position, target)) : Math.round(s.headingDeg);
    return {
      nav_roll: s.rollRad / RAD, nav_pitch: s.pitchRad / RAD,
      nav_bearing: bearing > 180 ? bearing - 360 : bearing,
      target_bearing: bearing > 180 ? bearing - 360 : bearing,
      wp_dist: target ? Math.min(65535, Math.round(distanceM(s.position, target))) : 0,
      alt_error: target ? target.altMslM - s.position.altMslM : 0,
      aspd_error: 0, xtrack_error: 0,
    };
  },

  POSITION_TARGET_GLOBAL_INT: ({ vehicle: { state: s } }) => {
    if (s.mode !== CopterMode.GUIDED) return null;
    const target = navTarget(s);
    if (!target) return null;
    return {
      time_boot_ms: bootMs(s), coordinate_frame: common.MavFrame.GLOBAL_INT,
      type_mask: 0xff8, // position only: velocity, acceleration, yaw and yaw rate ignored
      lat_int: degE7(target.lat), lon_int: degE7(target.lon), alt: target.altMslM,
    };
  },

  POWER_STATUS: () => ({ Vcc: 5000, Vservo: 0, flags: 0 }),
  MEMINFO: () => ({ brkval: 0, freemem: 65535, freemem32: 131072 }),

  RAW_IMU: ({ vehicle: { state: s } }) => ({
    time_usec: bootUs(s),
    xacc: Math.round(Math.sin(s.pitchRad) * 1000), yacc: Math.round(-Math.sin(s.rollRad) * 1000), zacc: -1000,
    xgyro: Math.round(s.rollRateRadS * 1000), ygyro: Math.round(s.pitchRateRadS * 1000), zgyro: Math.round(s.yawRateDegS * RAD * 1000),
    xmag: Math.round(Math.cos(s.headingDeg * RAD) * 220), ymag: Math.round(-Math.sin(s.headingDeg * RAD) * 220), zmag: 480,
    id: 0, temperature: 3500,
  }),

  SCALED_PRESSURE: ({ vehicle: { state: s } }) => ({
    time_boot_ms: bootMs(s),
    press_abs: 1013.25 * (1 - 2.25577e-5 * s.position.altMslM) ** 5.25588,
    press_diff: 0, temperature: 2500, temperature_press_diff: 0,
  }),

  RC_CHANNELS: ({ vehicle: { state: s } }) => ({
    time_boot_ms: bootMs(s), chancount: 16, rssi: 255,
    chan1_raw: 1500, chan2_raw: 1500, chan3_raw: s.armed && !s.landed ? 1500 : 1000, chan4_raw: 1500,
    chan5_raw: 1800, chan6_raw: 1000, chan7_raw: 1000, chan8_raw: 1000,
  }),

  SERVO_OUTPUT_RAW: ({ vehicle: { state: s } }) => {
    const pwm = s.armed ? 1000 + s.throttlePct * 10 : 1000;
    return { time_usec: Math.round(s.timeBootMs * 1000) >>> 0, port: 0, servo1_raw: pwm, servo2_raw: pwm, servo3_raw: pwm, servo4_raw: pwm };
  },

  AUTOPILOT_VERSION: ({ sysid }) => ({
    capabilities:
      Cap.MISSION_FLOAT | Cap.PARAM_FLOAT | Cap.MISSION_INT | Cap.COMMAND_INT | Cap.SET_ATTITUDE_TARGET |
      Cap.SET_POSITION_TARGET_LOCAL_NED | Cap.SET_POSITION_TARGET_GLOBAL_INT | Cap.MAVLINK2 | Cap.MISSION_FENCE |
      Cap.MISSION_RALLY | Cap.PARAM_ENCODE_C_CAST,
    // ArduCopter 4.5.7 official: major.minor.patch.type packed as ArduPilot does.
    flight_sw_version: ((4 << 24) | (5 << 16) | (7 << 8) | FirmwareVersionType.OFFICIAL) >>> 0,
    middleware_sw_version: 0, os_sw_version: 0, board_version: 0,
    vendor_id: 0x1209, product_id: 0x5740,
    uid: 0x5349_4d00 + sysid, // "SIM" + sysid: unique per simulated vehicle
    flight_custom_version: [0, 0, 0, 0, 0, 0, 0, 0], middleware_custom_version: [0, 0, 0, 0, 0, 0, 0, 0],
    os_custom_version: [0, 0, 0, 0, 0, 0, 0, 0],
  }),
};

export function canBuild(name: string): boolean {
  return name in TELEMETRY;
}
