// The NAV commands of an AUTO mission, one small handler each, as ArduCopter's ModeAuto runs them:
// start() sets what the position controller flies (the model's nav state), update() is the command's
// verify_*(): true once the item is complete. Handlers never move the vehicle themselves.
import { distanceM, moveNe, offsetNeM, type GeoPoint } from '../geo';
import { CopterMode } from '../modes';
import { navForMode } from '../navigation';
import type { SimParams } from '../params';
import type { SimState } from '../state';
import { hasLocation, itemAltMslM, itemPoint, MAV_CMD } from './item-location';
import type { StoredItem } from './vehicle-mission-store';

export interface NavContext {
  readonly state: SimState;
  readonly params: SimParams;
  /** Leave the ground for a takeoff item: from here the model's flight and land detector take over. */
  liftOff(): void;
  /**
   * The item's location is reached but the item goes on (a hold, a loiter): ArduCopter reports
   * MISSION_ITEM_REACHED on arrival then, not when the hold ends. Said once per item by the executor.
   */
  arrived(): void;
}

export interface RunningNav {
  /** Advance the item's own clock; true once it is complete (ArduCopter's verify_command). */
  update(dtS: number): boolean;
}

export type NavStarter = (ctx: NavContext, item: StoredItem) => RunningNav;

const ALT_REACHED_M = 0.5;
const MIN_TAKEOFF_ALT_M = 1;

/** AC_WPNav's "reached destination": within WPNAV_RADIUS in three dimensions. */
export function reached(s: SimState, target: GeoPoint, radiusM: number): boolean {
  return Math.hypot(distanceM(s.position, target), s.position.altMslM - target.altMslM) <= radiusM;
}

/** Fly to a point, then wait there `holdS` seconds (NAV_WAYPOINT's param1, NAV_LOITER_TIME's param1). */
function flyThenHold(ctx: NavContext, target: GeoPoint, holdS: number): RunningNav {
  ctx.state.nav = { kind: 'goto', target };
  let holdLeftS: number | null = null; // the hold clock starts on arrival
  return {
    update(dtS) {
      if (holdLeftS === null) {
        if (!reached(ctx.state, target, ctx.params.wpRadiusM)) return false;
        holdLeftS = Number.isFinite(holdS) ? Math.max(0, holdS) : 0;
        if (holdLeftS > 0) ctx.arrived();
        return holdLeftS <= 0;
      }
      holdLeftS -= dtS;
      return holdLeftS <= 0;
    },
  };
}

/** Climb straight up to the item's altitude; complete at once when already that high. */
const takeoff: NavStarter = (ctx, item) => {
  const s = ctx.state;
  const targetAltMslM = Math.max(s.home.altMslM + MIN_TAKEOFF_ALT_M, itemAltMslM(item, s.home));
  let climbing = false;
  return {
    update() {
      if (s.position.altMslM >= targetAltMslM - ALT_REACHED_M) return true;
      // Armed in AUTO on the ground: ArduCopter waits for the motors before it leaves the ground.
      if (!climbing && s.armed) {
        if (s.landed) ctx.liftOff();
        s.nav = { kind: 'takeoff', target: { lat: s.position.lat, lon: s.position.lon, altMslM: targetAltMslM } };
        climbing = true;
      }
      return false;
    },
  };
};

const waypoint: NavStarter = (ctx, item) => flyThenHold(ctx, itemPoint(item, ctx.state.home, ctx.state.position), item.param1);

const loiterTime: NavStarter = (ctx, item) => flyThenHold(ctx, itemPoint(item, ctx.state.home, ctx.state.position), item.param1);

/** Fly there and stay until the mission is moved on (MISSION_SET_CURRENT) or the mode changes. */
const loiterUnlimited: NavStarter = (ctx, item) => {
  ctx.state.nav = { kind: 'goto', target: itemPoint(item, ctx.state.home, ctx.state.position) };
  return { update: () => false };
};

/** param1 turns, |param3| radius (0: CIRCLE_RADIUS), negative param3 counter-clockwise. */
const loiterTurns: NavStarter = (ctx, item) => {
  const s = ctx.state;
  const center = itemPoint(item, s.home, s.position);
  const radiusM = Math.abs(item.param3) > 0 ? Math.abs(item.param3) : ctx.params.circleRadiusM;
  const goalRad = Math.max(0, Number.isFinite(item.param1) ? item.param1 : 0) * 2 * Math.PI;
  // AC_Circle first moves to the nearest point of the circle's edge.
  const { northM, eastM } = offsetNeM(center, s.position);
  const d = Math.hypot(northM, eastM);
  const edge = { ...moveNe(center, d > 0.1 ? (northM / d) * radiusM : radiusM, d > 0.1 ? (eastM / d) * radiusM : 0), altMslM: center.altMslM };
  s.nav = { kind: 'goto', target: edge };
  let orbit: Extract<SimState['nav'], { kind: 'orbit' }> | null = null;
  return {
    update() {
      if (!orbit) {
        if (!reached(s, edge, ctx.params.wpRadiusM)) return false;
        orbit = { kind: 'orbit', center, radiusM, ccw: item.param3 < 0, turnedRad: 0, lastAngleRad: null };
        s.nav = orbit;
      }
      return orbit.turnedRad >= goalRad;
    },
  };
};

/** ArduCopter's RTL inside AUTO: climb, return, loiter, land; complete once on the ground. */
const returnToLaunch: NavStarter = (ctx) => {
  ctx.state.nav = navForMode(ctx.state, CopterMode.RTL, ctx.params);
  return { update: () => ctx.state.landed };
};

/** Land at the item's position (flying there first at the present altitude), or right here at 0/0. */
const land: NavStarter = (ctx, item) => {
  const s = ctx.state;
  const spot = hasLocation(item) ? { ...itemPoint(item, s.home, s.position), altMslM: s.position.altMslM } : { ...s.position };
  let descending = false;
  const descend = () => {
    s.nav = { kind: 'land', lat: spot.lat, lon: spot.lon };
    descending = true;
  };
  if (distanceM(s.position, spot) <= ctx.params.wpRadiusM) descend();
  else s.nav = { kind: 'goto', target: spot };
  return {
    update() {
      if (!descending && reached(s, spot, ctx.params.wpRadiusM)) descend();
      return descending && s.landed;
    },
  };
};

export const NAV_COMMANDS: Readonly<Record<number, NavStarter>> = {
  [MAV_CMD.NAV_TAKEOFF]: takeoff,
  [MAV_CMD.NAV_WAYPOINT]: waypoint,
  [MAV_CMD.NAV_LOITER_UNLIM]: loiterUnlimited,
  [MAV_CMD.NAV_LOITER_TURNS]: loiterTurns,
  [MAV_CMD.NAV_LOITER_TIME]: loiterTime,
  [MAV_CMD.NAV_RETURN_TO_LAUNCH]: returnToLaunch,
  [MAV_CMD.NAV_LAND]: land,
};
