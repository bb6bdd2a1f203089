// Circling a point (ArduCopter's AC_Circle, as NAV_LOITER_TURNS uses it): the nose points at the
// centre, the angular rate is CIRCLE_RATE unless the speed limit or the centripetal acceleration
// (WPNAV_ACCEL) says slower. The controller chases a point a little ahead on the circle; the angle
// actually flown is measured from where the vehicle is, so turns are counted truthfully.
import type { Setpoint } from './flight-control';
import { moveNe, offsetNeM } from './geo';
import type { SimParams } from './params';
import type { NavState, SimState } from './state';

type OrbitNav = Extract<NavState, { kind: 'orbit' }>;

/** Tangential speed on a circle of this radius within the vehicle's limits. */
export function orbitSpeedMps(radiusM: number, cruiseMps: number, p: SimParams): number {
  const rateLimited = ((p.circleRateDegS * Math.PI) / 180) * radiusM;
  const accelLimited = Math.sqrt(p.wpnavAccelMps2 * radiusM);
  return Math.max(0.5, Math.min(cruiseMps, rateLimited, accelLimited));
}

function wrapPi(rad: number): number {
  let r = rad % (2 * Math.PI);
  if (r > Math.PI) r -= 2 * Math.PI;
  if (r <= -Math.PI) r += 2 * Math.PI;
  return r;
}

export function navigateOrbit(s: SimState, nav: OrbitNav, p: SimParams, cruiseMps: number): Setpoint {
  const { northM, eastM } = offsetNeM(nav.center, s.position);
  const distM = Math.hypot(northM, eastM);
  const dir = nav.ccw ? -1 : 1; // bearings grow clockwise
  const angle = distM > 0.1 ? Math.atan2(eastM, northM) : 0;
  // Count only once near the circle: angles seen from close to the centre jump about meaninglessly.
  if (distM > nav.radiusM * 0.5) {
    if (nav.lastAngleRad !== null) nav.turnedRad += dir * wrapPi(angle - nav.lastAngleRad);
    nav.lastAngleRad = angle;
  }
  const speedMps = orbitSpeedMps(nav.radiusM, cruiseMps, p);
  // The chased point leads by about 1.5 s of travel: the controller's gain (1/s) then asks for the
  // orbit speed along a chord that hugs the circle.
  const leadRad = Math.min(Math.PI / 2, (1.5 * speedMps) / nav.radiusM);
  const target = angle + dir * leadRad;
  const point = moveNe(nav.center, nav.radiusM * Math.cos(target), nav.radiusM * Math.sin(target));
  return {
    lat: point.lat,
    lon: point.lon,
    speedMps,
    vertical: { kind: 'alt', altMslM: nav.center.altMslM },
    faceTarget: false,
    facePoint: { lat: nav.center.lat, lon: nav.center.lon },
  };
}
