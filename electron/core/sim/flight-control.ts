// The position controller of a multicopter, reduced to what a ground station can observe: velocity
// that accelerates and brakes within WPNAV limits, a rate-limited heading, and the tilt a real
// airframe needs for that acceleration (plus the drag it leans into at cruise).
import { angleDiffDeg, bearingDeg, distanceM, moveNe, offsetNeM, wrap360 } from './geo';
import type { SimParams } from './params';
import type { SimState } from './state';

export type VerticalSetpoint = { kind: 'alt'; altMslM: number } | { kind: 'rate'; upMps: number };

export interface Setpoint {
  /** Horizontal position to reach and hold. */
  lat: number;
  lon: number;
  speedMps: number;
  vertical: VerticalSetpoint;
  /** Turn the nose towards the target while travelling (WP_YAW_BEHAVIOR "face next waypoint"). */
  faceTarget: boolean;
  /** Point the nose at this instead (an AUTO region of interest, an orbit's centre). */
  facePoint?: { lat: number; lon: number };
}

const G = 9.81;
const VERTICAL_ACCEL_MPS2 = 2.5; // PILOT_ACCEL_Z
const POSITION_GAIN = 1.0; // 1/s: final approach slows exponentially instead of overshooting
const DRAG_PER_MPS = 0.2; // m/s^2 of lean per m/s of airspeed: ~11 deg of pitch at 10 m/s
const MAX_TILT_RAD = (30 * Math.PI) / 180;
const ATTITUDE_TAU_S = 0.15;

function approachSpeed(distM: number, limitMps: number, accelMps2: number): number {
  return Math.min(limitMps, Math.sqrt(2 * accelMps2 * distM), POSITION_GAIN * distM);
}

function limitStep(current: number, desired: number, maxDelta: number): number {
  return current + Math.max(-maxDelta, Math.min(maxDelta, desired - current));
}

/** Advance the airborne vehicle one step towards the setpoint (mutates s). */
export function flyTowards(s: SimState, sp: Setpoint, dtS: number, p: SimParams): void {
  const oldN = s.velNorthMps;
  const oldE = s.velEastMps;

  // Horizontal: desired velocity along the line to the target, acceleration-limited as a vector.
  const { northM, eastM } = offsetNeM(s.position, sp);
  const distM = Math.hypot(northM, eastM);
  let wantN = 0;
  let wantE = 0;
  if (distM > 0.01) {
    const speed = approachSpeed(distM, sp.speedMps, p.wpnavAccelMps2);
    wantN = (northM / distM) * speed;
    wantE = (eastM / distM) * speed;
  }
  let dN = wantN - oldN;
  let dE = wantE - oldE;
  const dMag = Math.hypot(dN, dE);
  const maxDv = p.wpnavAccelMps2 * dtS;
  if (dMag > maxDv) {
    dN *= maxDv / dMag;
    dE *= maxDv / dMag;
  }
  s.velNorthMps = oldN + dN;
  s.velEastMps = oldE + dE;

  // Vertical: to an altitude (climb/descent rate limits) or at a commanded rate (landing).
  let wantUp: number;
  if (sp.vertical.kind === 'alt') {
    const err = sp.vertical.altMslM - s.position.altMslM;
    const mag = approachSpeed(Math.abs(err), err > 0 ? p.climbRateMps : p.descentRateMps, VERTICAL_ACCEL_MPS2);
    wantUp = Math.sign(err) * mag;
  } else {
    wantUp = sp.vertical.upMps;
  }
  s.velUpMps = limitStep(s.velUpMps, wantUp, VERTICAL_ACCEL_MPS2 * dtS);

  integrate(s, dtS);

  // Heading: towards the target while it is worth turning for, at the yaw slew limit.
  const prevHeading = s.headingDeg;
  const facing = sp.facePoint ?? sp;
  const faceIt = sp.facePoint
    ? distanceM(s.position, sp.facePoint) > 1
    : sp.faceTarget && distM > 2 && Math.hypot(s.velNorthMps, s.velEastMps) > 0.5;
  if (faceIt) {
    const turn = angleDiffDeg(s.headingDeg, bearingDeg(s.position, facing));
    const maxTurn = p.yawRateDegS * dtS;
    s.headingDeg = wrap360(s.headingDeg + Math.max(-maxTurn, Math.min(maxTurn, turn)));
  }
  s.yawRateDegS = angleDiffDeg(prevHeading, s.headingDeg) / dtS;

  updateAttitude(s, (s.velNorthMps - oldN) / dtS, (s.velEastMps - oldE) / dtS, dtS);
}

/** Move by the current velocity; the ground stops a descent. */
export function integrate(s: SimState, dtS: number): void {
  s.position = moveNe(s.position, s.velNorthMps * dtS, s.velEastMps * dtS);
  s.position.altMslM += s.velUpMps * dtS;
  if (s.position.altMslM <= s.groundAltMslM) {
    s.position.altMslM = s.groundAltMslM;
    if (s.velUpMps < 0) s.velUpMps = 0;
  }
}

/** Roll and pitch that produce this acceleration (plus drag), smoothed like an attitude controller. */
export function updateAttitude(s: SimState, accN: number, accE: number, dtS: number): void {
  const totN = accN + DRAG_PER_MPS * s.velNorthMps;
  const totE = accE + DRAG_PER_MPS * s.velEastMps;
  const h = (s.headingDeg * Math.PI) / 180;
  const forward = totN * Math.cos(h) + totE * Math.sin(h);
  const right = -totN * Math.sin(h) + totE * Math.cos(h);
  const clamp = (a: number) => Math.max(-MAX_TILT_RAD, Math.min(MAX_TILT_RAD, a));
  const wantPitch = clamp(-Math.atan2(forward, G));
  const wantRoll = clamp(Math.atan2(right, G));
  const k = Math.min(1, dtS / ATTITUDE_TAU_S);
  const newPitch = s.pitchRad + (wantPitch - s.pitchRad) * k;
  const newRoll = s.rollRad + (wantRoll - s.rollRad) * k;
  s.pitchRateRadS = (newPitch - s.pitchRad) / dtS;
  s.rollRateRadS = (newRoll - s.rollRad) / dtS;
  s.pitchRad = newPitch;
  s.rollRad = newRoll;
}

/** On the ground: nothing moves, the airframe sits level. */
export function sitOnGround(s: SimState): void {
  s.velNorthMps = 0;
  s.velEastMps = 0;
  s.velUpMps = 0;
  s.rollRad = 0;
  s.pitchRad = 0;
  s.rollRateRadS = 0;
  s.pitchRateRadS = 0;
  s.yawRateDegS = 0;
  s.position.altMslM = s.groundAltMslM;
}
