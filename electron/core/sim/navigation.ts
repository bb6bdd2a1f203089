// What each flight mode asks of the position controller, and the phase machines inside modes
// (GUIDED takeoff -> hold, RTL climb -> return -> loiter -> land). In AUTO the mission executor
// (mission/executor.ts) writes the nav state item by item; this file only flies it.
import type { Setpoint } from './flight-control';
import { distanceM, type GeoPoint } from './geo';
import { CopterMode } from './modes';
import { navigateOrbit } from './orbit';
import type { SimParams } from './params';
import { groundSpeedMps, type NavState, type SimState } from './state';

const ARRIVED_M = 0.5;
const ALT_REACHED_M = 0.3;

function cruiseSpeed(s: SimState, p: SimParams): number {
  return s.speedOverrideMps ?? p.wpnavSpeedMps;
}

/** ArduCopter's stopping point: where the vehicle ends up braking at WPNAV_ACCEL from its current speed. */
export function stoppingPoint(s: SimState, p: SimParams): GeoPoint {
  const speed = groundSpeedMps(s);
  if (speed < 0.05) return { ...s.position };
  const stopM = (speed * speed) / (2 * p.wpnavAccelMps2);
  const lat = s.position.lat + ((s.velNorthMps / speed) * stopM) / 111_320;
  const lon = s.position.lon + ((s.velEastMps / speed) * stopM) / (111_320 * Math.cos((s.position.lat * Math.PI) / 180));
  return { lat, lon, altMslM: s.position.altMslM };
}

/** The navigation a mode starts with, given where the vehicle is now. */
export function navForMode(s: SimState, mode: number, p: SimParams): NavState {
  if (s.landed && mode !== CopterMode.RTL && mode !== CopterMode.SMART_RTL) return { kind: 'ground' };
  switch (mode) {
    case CopterMode.RTL:
    case CopterMode.SMART_RTL: {
      if (s.landed) return { kind: 'rtl', phase: 'land', returnAltMslM: s.position.altMslM, loiterLeftS: 0 };
      const returnAltMslM = Math.max(s.position.altMslM, s.home.altMslM + p.rtlAltM);
      return { kind: 'rtl', phase: 'climb', returnAltMslM, loiterLeftS: p.rtlLoiterTimeS };
    }
    case CopterMode.LAND:
      return { kind: 'land', lat: s.position.lat, lon: s.position.lon };
    default:
      // LOITER, BRAKE, GUIDED (until told where), ALT_HOLD/STABILIZE with centred sticks; AUTO holds
      // here until its executor sets the first item's nav.
      return { kind: 'hold', target: stoppingPoint(s, p) };
  }
}

function landingRate(s: SimState, p: SimParams): number {
  const aboveGroundM = s.position.altMslM - s.groundAltMslM;
  return -(aboveGroundM > p.landAltLowM ? p.descentRateMps : p.landSpeedMps);
}

/** Advance the mode's phase machine and return the setpoint for this step (null: nothing to fly). */
export function navigate(s: SimState, p: SimParams, dtS: number): Setpoint | null {
  const nav = s.nav;
  const speedMps = cruiseSpeed(s, p);
  switch (nav.kind) {
    case 'ground':
    case 'fall':
      return null;
    case 'hold':
      return { ...nav.target, speedMps, vertical: { kind: 'alt', altMslM: nav.target.altMslM }, faceTarget: false };
    case 'takeoff':
      if (Math.abs(s.position.altMslM - nav.target.altMslM) < ALT_REACHED_M) {
        s.nav = { kind: 'hold', target: { ...nav.target } };
      }
      return { ...nav.target, speedMps, vertical: { kind: 'alt', altMslM: nav.target.altMslM }, faceTarget: false };
    case 'goto':
      if (distanceM(s.position, nav.target) < ARRIVED_M && Math.abs(s.position.altMslM - nav.target.altMslM) < ALT_REACHED_M) {
        s.nav = { kind: 'hold', target: { ...nav.target } };
      }
      return { ...nav.target, speedMps, vertical: { kind: 'alt', altMslM: nav.target.altMslM }, faceTarget: true };
    case 'land':
      return { lat: nav.lat, lon: nav.lon, speedMps, vertical: { kind: 'rate', upMps: landingRate(s, p) }, faceTarget: false };
    case 'rtl':
      return navigateRtl(s, nav, p, dtS, speedMps);
    case 'orbit':
      return navigateOrbit(s, nav, p, speedMps);
  }
}

function navigateRtl(s: SimState, nav: Extract<NavState, { kind: 'rtl' }>, p: SimParams, dtS: number, speedMps: number): Setpoint {
  const home = s.home;
  switch (nav.phase) {
    case 'climb': {
      // Climb over the spot where it stopped, then turn for home (ArduCopter's RTL "initial climb").
      if (s.position.altMslM >= nav.returnAltMslM - ALT_REACHED_M) nav.phase = 'return';
      const here = stoppingPoint(s, p);
      return { lat: here.lat, lon: here.lon, speedMps, vertical: { kind: 'alt', altMslM: nav.returnAltMslM }, faceTarget: false };
    }
    case 'return':
      if (distanceM(s.position, home) < ARRIVED_M * 2 && groundSpeedMps(s) < 0.5) nav.phase = 'loiter';
      return { lat: home.lat, lon: home.lon, speedMps, vertical: { kind: 'alt', altMslM: nav.returnAltMslM }, faceTarget: true };
    case 'loiter':
      nav.loiterLeftS -= dtS;
      if (nav.loiterLeftS <= 0) nav.phase = 'land';
      return { lat: home.lat, lon: home.lon, speedMps, vertical: { kind: 'alt', altMslM: nav.returnAltMslM }, faceTarget: false };
    case 'land':
      return { lat: home.lat, lon: home.lon, speedMps, vertical: { kind: 'rate', upMps: landingRate(s, p) }, faceTarget: false };
  }
}

/** Whether the current nav is a deliberate descent to the ground (LAND, RTL's last phase). */
export function isLanding(nav: NavState): boolean {
  return nav.kind === 'land' || (nav.kind === 'rtl' && nav.phase === 'land');
}
