// The simulated vehicle's state: everything telemetry reports and the navigation memory of the mode.
import { freshBattery, type BatteryState } from './battery';
import type { GeoPoint } from './geo';
import { CopterMode } from './modes';

export interface GpsState {
  /** GPS_FIX_TYPE: 0/1 no fix, 2 2D, 3 3D. */
  fixType: number;
  satellites: number;
  hdop: number;
  vdop: number;
}

/** What the current mode is doing; one variant per kind of motion. */
export type NavState =
  | { kind: 'ground' }
  | { kind: 'hold'; target: GeoPoint }
  | { kind: 'takeoff'; target: GeoPoint }
  | { kind: 'goto'; target: GeoPoint }
  | { kind: 'rtl'; phase: 'climb' | 'return' | 'loiter' | 'land'; returnAltMslM: number; loiterLeftS: number }
  | { kind: 'land'; lat: number; lon: number }
  /** Circling `center` (NAV_LOITER_TURNS); turnedRad counts the angle flown, in the orbit's direction. */
  | { kind: 'orbit'; center: GeoPoint; radiusM: number; ccw: boolean; turnedRad: number; lastAngleRad: number | null }
  | { kind: 'fall' };

export interface SimState {
  timeBootMs: number;
  armed: boolean;
  mode: number;
  position: GeoPoint;
  home: GeoPoint;
  /** Flat terrain at the start point's altitude. */
  groundAltMslM: number;
  velNorthMps: number;
  velEastMps: number;
  /** Positive up (VFR_HUD.climb); MAVLink's NED vz is its negative. */
  velUpMps: number;
  headingDeg: number;
  yawRateDegS: number;
  rollRad: number;
  pitchRad: number;
  rollRateRadS: number;
  pitchRateRadS: number;
  /** ArduCopter's land_complete: on the ground and the land detector agrees. */
  landed: boolean;
  throttlePct: number;
  battery: BatteryState;
  gps: GpsState;
  /** Seconds flown (not landed) since boot. */
  flightTimeS: number;
  nav: NavState;
  /** DO_CHANGE_SPEED override of WPNAV_SPEED, until the next mode change. */
  speedOverrideMps: number | null;
}

export function initialState(start: GeoPoint, cells: number): SimState {
  return {
    timeBootMs: 0,
    armed: false,
    mode: CopterMode.STABILIZE,
    position: { ...start },
    home: { ...start },
    groundAltMslM: start.altMslM,
    velNorthMps: 0,
    velEastMps: 0,
    velUpMps: 0,
    headingDeg: 0,
    yawRateDegS: 0,
    rollRad: 0,
    pitchRad: 0,
    rollRateRadS: 0,
    pitchRateRadS: 0,
    landed: true,
    throttlePct: 0,
    battery: freshBattery(cells),
    gps: { fixType: 3, satellites: 16, hdop: 0.8, vdop: 1.2 },
    flightTimeS: 0,
    nav: { kind: 'ground' },
    speedOverrideMps: null,
  };
}

export function altAboveHomeM(s: SimState): number {
  return s.position.altMslM - s.home.altMslM;
}

export function groundSpeedMps(s: SimState): number {
  return Math.hypot(s.velNorthMps, s.velEastMps);
}
