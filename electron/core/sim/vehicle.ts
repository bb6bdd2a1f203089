// The simulated ArduCopter: actions with ArduCopter's acceptance rules, and step(dtS) on an injected
// clock. No sockets, no timers: the endpoint and the process loop drive it, tests drive it directly.
import { common } from 'mavlink-mappings';
import { drainBattery } from './battery';
import { flyTowards, sitOnGround } from './flight-control';
import { isValidLatLon, type GeoPoint } from './geo';
import { MissionExecutor } from './mission/executor';
import { VehicleMissionStore, type VehicleMissionStoreOptions } from './mission/vehicle-mission-store';
import { allowsArming, CopterMode, isKnownMode, modeName, requiresPosition } from './modes';
import { isLanding, navForMode, navigate } from './navigation';
import { DEFAULT_PARAMS, type SimParams } from './params';
import { groundSpeedMps, initialState, type SimState } from './state';

const { MavResult, MavSeverity } = common;

export interface VehicleEvents {
  text(severity: number, text: string): void;
  homeChanged(): void;
  /** MISSION_CURRENT's seq or state changed. */
  missionCurrentChanged(): void;
  /** A NAV item of the AUTO mission completed. */
  missionItemReached(seq: number): void;
}

export interface SimVehicleOptions {
  start: GeoPoint;
  params?: Partial<SimParams>;
  /** Seed for the small random wander of GPS satellites; fixed so runs reproduce. */
  seed?: number;
  events?: Partial<VehicleEvents>;
  /** Capacity of the mission, fence and rally lists (see VehicleMissionStore). */
  missionCapacity?: VehicleMissionStoreOptions['capacity'];
}

const LAND_DETECT_S = 1; // ArduCopter's land detector needs ~1 s of "no descent at low throttle"
const G = 9.81;

export class SimVehicle {
  readonly state: SimState;
  readonly params: SimParams;
  /** Mission, fence and rally as the vehicle stores them; item 0 of the mission reads back as home. */
  readonly missions: VehicleMissionStore;
  /** AUTO's mission runner. */
  readonly auto: MissionExecutor;
  private readonly events: VehicleEvents;
  private rng: number;
  private touchdownS = 0;
  private armedOnGroundS = 0;
  private gpsWanderS = 0;

  constructor(opts: SimVehicleOptions) {
    this.params = { ...DEFAULT_PARAMS, ...opts.params };
    this.state = initialState(opts.start, this.params.batteryCells);
    this.rng = (opts.seed ?? 1) >>> 0 || 1;
    this.events = { text: () => {}, homeChanged: () => {}, missionCurrentChanged: () => {}, missionItemReached: () => {}, ...opts.events };
    this.missions = new VehicleMissionStore({ capacity: opts.missionCapacity });
    this.syncMissionHome();
    this.auto = new MissionExecutor(
      this.missions,
      {
        state: this.state,
        params: this.params,
        liftOff: () => {
          this.state.landed = false;
          this.touchdownS = 0;
        },
      },
      {
        currentChanged: () => this.events.missionCurrentChanged(),
        itemReached: (seq) => this.events.missionItemReached(seq),
        text: (severity, text) => this.events.text(severity, text),
      },
    );
    this.missions.onChange = (type) => {
      if (type === 0) this.auto.missionChanged();
    };
  }

  get positionOk(): boolean {
    return this.state.gps.fixType >= 3;
  }

  // --- actions (each returns a MAV_RESULT the way ArduCopter answers the command) ---

  arm(force: boolean): number {
    const s = this.state;
    if (s.armed) return MavResult.ACCEPTED;
    if (!force) {
      if (!allowsArming(s.mode)) return this.refuse('Arm: Mode not armable');
      if (!this.positionOk) return this.refuse('PreArm: Need 3D Fix');
      if (s.battery.remainingPct < 10) return this.refuse('PreArm: Battery 1 below minimum arming capacity');
    } else if (requiresPosition(s.mode) && !this.positionOk) {
      // Mandatory even when forced: a position mode cannot fly without a position.
      return this.refuse('Arm: Mode requires position');
    }
    s.armed = true;
    this.armedOnGroundS = 0;
    // ArduCopter moves home to where it is armed.
    s.home = { ...s.position };
    this.syncMissionHome();
    this.events.text(MavSeverity.INFO, 'Arming motors');
    this.events.homeChanged();
    return MavResult.ACCEPTED;
  }

  disarm(force: boolean): number {
    const s = this.state;
    if (!s.armed) return MavResult.ACCEPTED;
    if (!s.landed && !force) return MavResult.FAILED;
    this.doDisarm();
    return MavResult.ACCEPTED;
  }

  setMode(mode: number): boolean {
    const s = this.state;
    if (!isKnownMode(mode)) {
      this.events.text(MavSeverity.WARNING, `Mode change to ${mode} failed: unavailable`);
      return false;
    }
    if (requiresPosition(mode) && !this.positionOk) {
      this.events.text(MavSeverity.WARNING, `Mode change failed: ${modeName(mode)} requires position`);
      return false;
    }
    if (mode === CopterMode.AUTO) {
      // Copter::set_mode: asking for the mode it is already in changes nothing (MISSION_START in AUTO).
      if (s.mode === CopterMode.AUTO) {
        this.auto.start();
        return true;
      }
      const refusal = this.auto.refusal(s.armed, s.landed);
      if (refusal) {
        this.events.text(refusal.severity, refusal.text);
        return false;
      }
    }
    const wasAuto = s.mode === CopterMode.AUTO;
    s.mode = mode;
    s.speedOverrideMps = null;
    s.nav = navForMode(s, mode, this.params);
    if (mode === CopterMode.AUTO) this.auto.start();
    else if (wasAuto) {
      this.auto.stop();
      this.events.missionCurrentChanged(); // mission_mode and maybe mission_state changed
    }
    return true;
  }

  /** MAV_CMD_NAV_TAKEOFF: GUIDED, armed, still on the ground. */
  takeoff(altAboveHomeTargetM: number): boolean {
    const s = this.state;
    if (s.mode !== CopterMode.GUIDED || !s.armed || !s.landed) return false;
    if (!Number.isFinite(altAboveHomeTargetM) || altAboveHomeTargetM <= 0) return false;
    s.landed = false;
    this.touchdownS = 0;
    s.nav = { kind: 'takeoff', target: { lat: s.position.lat, lon: s.position.lon, altMslM: s.home.altMslM + altAboveHomeTargetM } };
    return true;
  }

  /** Guided go-to (DO_REPOSITION, SET_POSITION_TARGET_GLOBAL_INT, MISSION_ITEM_INT current=2). */
  goto(target: GeoPoint): boolean {
    const s = this.state;
    if (s.mode !== CopterMode.GUIDED || !s.armed || s.landed) return false;
    if (!isValidLatLon(target.lat, target.lon) || !Number.isFinite(target.altMslM)) return false;
    s.nav = { kind: 'goto', target: { ...target } };
    return true;
  }

  /** MAV_CMD_DO_CHANGE_SPEED: only horizontal speed types are modelled. */
  changeSpeed(speedMps: number): boolean {
    if (!Number.isFinite(speedMps) || speedMps <= 0) return false;
    this.state.speedOverrideMps = Math.min(speedMps, 20);
    return true;
  }

  setHome(point: GeoPoint): boolean {
    if (!isValidLatLon(point.lat, point.lon) || !Number.isFinite(point.altMslM)) return false;
    this.state.home = { ...point };
    this.syncMissionHome();
    this.events.homeChanged();
    return true;
  }

  /** Failure injection for tests and training: lose or regain the GPS fix. */
  setGpsFix(fixType: number, satellites = fixType >= 3 ? 16 : 3): void {
    this.state.gps = { ...this.state.gps, fixType, satellites, hdop: fixType >= 3 ? 0.8 : 99.99 };
  }

  // --- time ---

  step(dtS: number): void {
    if (!(dtS > 0)) return;
    const s = this.state;
    const p = this.params;
    s.timeBootMs += dtS * 1000;
    this.wanderGps(dtS);

    // The executor first: a takeoff item lifts off in this very step.
    if (s.mode === CopterMode.AUTO) this.auto.update(dtS);

    if (s.armed && !s.landed) {
      const sp = navigate(s, p, dtS);
      // A region of interest turns the nose in AUTO unless the item already aims it (an orbit).
      const roi = s.mode === CopterMode.AUTO ? this.auto.roi : null;
      if (sp && roi && !sp.facePoint) sp.facePoint = roi;
      if (sp) flyTowards(s, sp, dtS, p);
      this.detectTouchdown(dtS);
      s.flightTimeS += dtS;
    } else if (!s.armed && !s.landed) {
      this.fall(dtS);
    } else {
      sitOnGround(s);
      this.autoDisarmOnGround(dtS);
    }

    const currentA = this.currentDraw();
    s.throttlePct = !s.armed ? 0 : s.landed ? 8 : Math.min(100, Math.round((38 * currentA) / 15));
    s.battery = drainBattery(s.battery, currentA, dtS, p.batteryCapacityMah, p.batteryCells);
  }

  private detectTouchdown(dtS: number): void {
    const s = this.state;
    const onGround = s.position.altMslM <= s.groundAltMslM + 0.01;
    const descending = s.nav.kind !== 'takeoff' && s.velUpMps <= 0.01;
    this.touchdownS = onGround && descending ? this.touchdownS + dtS : 0;
    if (this.touchdownS < LAND_DETECT_S) return;
    s.landed = true;
    this.touchdownS = 0;
    this.armedOnGroundS = 0;
    sitOnGround(s);
    const wasLanding = isLanding(s.nav);
    s.nav = { kind: 'ground' };
    // LAND and RTL disarm as soon as the land detector triggers; other modes wait DISARM_DELAY.
    if (wasLanding) this.doDisarm();
  }

  private autoDisarmOnGround(dtS: number): void {
    if (!this.state.armed || this.params.disarmDelayS <= 0) return;
    this.armedOnGroundS += dtS;
    if (this.armedOnGroundS >= this.params.disarmDelayS) this.doDisarm();
  }

  /** Disarmed in the air (forced): motors stop and it drops. */
  private fall(dtS: number): void {
    const s = this.state;
    s.nav = { kind: 'fall' };
    s.velUpMps -= G * dtS;
    s.position.altMslM += s.velUpMps * dtS;
    if (s.position.altMslM <= s.groundAltMslM) {
      s.landed = true;
      s.nav = { kind: 'ground' };
      sitOnGround(s);
    }
  }

  /** Item 0 of a downloaded mission is home, as ArduPilot answers it. */
  private syncMissionHome(): void {
    const h = this.state.home;
    this.missions.home = { latDeg: h.lat, lonDeg: h.lon, altMslM: h.altMslM };
  }

  private doDisarm(): void {
    this.state.armed = false;
    this.events.text(MavSeverity.INFO, 'Disarming motors');
  }

  private refuse(text: string): number {
    this.events.text(MavSeverity.CRITICAL, text);
    return MavResult.FAILED;
  }

  /** ~0.5 A electronics, ~1.5 A spinning on the ground, ~15 A hover, more to climb and cruise. */
  private currentDraw(): number {
    const s = this.state;
    if (!s.armed) return 0.5;
    if (s.landed) return 1.5;
    const speed = groundSpeedMps(s);
    return 15 + 3 * Math.max(0, s.velUpMps) - 1.5 * Math.max(0, -s.velUpMps) + 0.02 * speed * speed;
  }

  private random(): number {
    this.rng = (Math.imul(this.rng, 1664525) + 1013904223) >>> 0;
    return this.rng / 2 ** 32;
  }

  /** Satellites come and go (14-18) and HDOP follows, as a real receiver's numbers do. */
  private wanderGps(dtS: number): void {
    const g = this.state.gps;
    if (g.fixType < 3) return;
    this.gpsWanderS += dtS;
    if (this.gpsWanderS < 10) return;
    this.gpsWanderS = 0;
    const satellites = Math.max(14, Math.min(18, g.satellites + Math.round(this.random() * 2 - 1)));
    this.state.gps = { ...g, satellites, hdop: Math.round((0.6 + (18 - satellites) * 0.08) * 100) / 100 };
  }
}

