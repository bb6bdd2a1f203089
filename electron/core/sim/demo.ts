// `gcs sim --demo`: each drone flies a police patrol loop on its own, so a newcomer who presses
// "Start simulator" sees a drone take off and fly, and a trainer has traffic without a pilot.
// It flies through the same actions a GCS's commands use (mode, arm, takeoff, guided go-to), and it
// steps aside the moment anyone else changes the mode: the pilot always wins over the demo.
import { freshBattery } from './battery';
import { CopterMode } from './modes';
import { distanceM, moveNe, type GeoPoint } from './geo';
import type { SimVehicle } from './vehicle';

const WAIT_ON_GROUND_S = 3;
const ARRIVED_M = 8;
const RTL_BATTERY_PCT = 25;
const RECHARGE_S = 15;

type Phase = 'ground' | 'climb' | 'patrol' | 'rtl' | 'stopped';

/**
 * Neighbouring loops are 120 m apart in radius, which a straight-line prediction can see as less than
 * the 50 m drone-to-drone minimum where one loop's corner faces the other's side; 20 m between their
 * heights is more than the 15 m vertical minimum, so they never conflict. Five levels (40-120 m above
 * home) keep under the 120 m ceiling; drones five apart share a level 600 m apart in radius.
 */
const LOOP_ALT_BASE_M = 40;
const LOOP_ALT_STEP_M = 20;
const LOOP_ALT_LEVELS = 5;

/** A patrol loop of `corners` points on a circle around home; each drone its own radius and altitude. */
export function patrolLoop(home: GeoPoint, index: number, corners = 6): GeoPoint[] {
  const radiusM = 250 + 120 * index;
  const altMslM = home.altMslM + LOOP_ALT_BASE_M + LOOP_ALT_STEP_M * (index % LOOP_ALT_LEVELS);
  const start = (index * 40 * Math.PI) / 180;
  return Array.from({ length: corners }, (_, k) => {
    const a = start + (2 * Math.PI * k) / corners;
    return { ...moveNe(home, radiusM * Math.cos(a), radiusM * Math.sin(a)), altMslM };
  });
}

export class DemoPilot {
  private phase: Phase = 'ground';
  private waitS = 0;
  private leg = 0;
  private route: GeoPoint[] = [];
  /** The mode the demo last set; anything else means a person took over. */
  private ownMode: number | null = null;

  /**
   * patrolCentre: the point every drone's loop goes round (the simulator's --home), so the loops stay
   * concentric, 120 m apart, whichever drone starts where; default the drone's own home.
   */
  constructor(
    private readonly vehicle: SimVehicle,
    private readonly index: number,
    private readonly patrolCentre?: GeoPoint,
  ) {}

  get active(): boolean {
    return this.phase !== 'stopped';
  }

  step(dtS: number): void {
    const s = this.vehicle.state;
    if (this.phase === 'stopped') return;
    if (this.ownMode !== null && s.mode !== this.ownMode) {
      this.phase = 'stopped'; // a GCS changed the mode: hand the drone over for good
      return;
    }
    switch (this.phase) {
      case 'ground':
        this.waitS += dtS;
        if (this.waitS < WAIT_ON_GROUND_S) return;
        if (s.battery.remainingPct < 90) return; // still "recharging" (see rtl)
        this.setMode(CopterMode.GUIDED);
        if (this.vehicle.arm(false) !== 0) return; // refused (no fix yet): try again next step
        this.route = patrolLoop({ ...(this.patrolCentre ?? s.home), altMslM: s.home.altMslM }, this.index);
        this.vehicle.takeoff(this.route[0].altMslM - s.home.altMslM);
        this.phase = 'climb';
        return;
      case 'climb':
        if (s.position.altMslM >= this.route[0].altMslM - 2) {
          this.leg = 0;
          this.vehicle.goto(this.route[0]);
          this.phase = 'patrol';
        }
        return;
      case 'patrol':
        if (s.battery.remainingPct < RTL_BATTERY_PCT) {
          this.setMode(CopterMode.RTL);
          this.phase = 'rtl';
          return;
        }
        if (distanceM(s.position, this.route[this.leg]) < ARRIVED_M) {
          this.leg = (this.leg + 1) % this.route.length;
          this.vehicle.goto(this.route[this.leg]);
        }
        return;
      case 'rtl':
        if (!s.armed && s.landed) {
          this.waitS += dtS;
          if (this.waitS > RECHARGE_S) {
            s.battery = freshBattery(this.vehicle.params.batteryCells); // a fresh pack swapped in
            this.waitS = 0;
            this.phase = 'ground';
          }
        } else {
          this.waitS = 0;
        }
        return;
    }
  }

  private setMode(mode: number): void {
    if (this.vehicle.setMode(mode)) this.ownMode = mode;
  }
}
