// The simulated ArduCopter's flight model on fake time: no sockets, no timers.
import { describe, expect, it } from 'vitest';
import { distanceM, bearingDeg, moveNe, type GeoPoint } from '../../electron/core/sim/geo';
import { CopterMode } from '../../electron/core/sim/modes';
import { SimVehicle } from '../../electron/core/sim/vehicle';

const HOME: GeoPoint = { lat: 46.0726, lon: 122.0933, altMslM: 280 };
const ACCEPTED = 0;
const FAILED = 4;
const DT = 0.02;

function makeVehicle() {
  const texts: string[] = [];
  let homeChanges = 0;
  const v = new SimVehicle({ start: HOME, events: { text: (_sev, t) => texts.push(t), homeChanged: () => homeChanges++ } });
  return { v, texts, homeChanges: () => homeChanges };
}

/** Step for `seconds`, calling watch after every step; stops early when until() holds. */
function run(v: SimVehicle, seconds: number, watch?: () => void, until?: () => boolean): number {
  let t = 0;
  for (; t < seconds; t += DT) {
    v.step(DT);
    watch?.();
    if (until?.()) break;
  }
  return t;
}

const relAlt = (v: SimVehicle) => v.state.position.altMslM - v.state.home.altMslM;

function airborne(altM = 20) {
  const ctx = makeVehicle();
  expect(ctx.v.setMode(CopterMode.GUIDED)).toBe(true);
  expect(ctx.v.arm(false)).toBe(ACCEPTED);
  expect(ctx.v.takeoff(altM)).toBe(true);
  run(ctx.v, 30, undefined, () => ctx.v.state.nav.kind === 'hold');
  return ctx;
}

describe('sim vehicle: takeoff', () => {
  it('climbs at about 2.5 m/s to the requested altitude and holds it', () => {
    const { v } = makeVehicle();
    v.setMode(CopterMode.GUIDED);
    expect(v.arm(false)).toBe(ACCEPTED);
    expect(v.takeoff(20)).toBe(true);
    expect(v.state.landed).toBe(false);
    let maxClimb = 0;
    const t = run(v, 30, () => (maxClimb = Math.max(maxClimb, v.state.velUpMps)), () => v.state.nav.kind === 'hold');
    expect(maxClimb).toBeGreaterThan(2.4);
    expect(maxClimb).toBeLessThanOrEqual(2.5 + 1e-9);
    expect(t).toBeGreaterThan(8); // 20 m at 2.5 m/s, plus acceleration
    expect(t).toBeLessThan(12);
    run(v, 5);
    expect(relAlt(v)).toBeCloseTo(20, 0);
    expect(distanceM(v.state.position, HOME)).toBeLessThan(0.1);
  });

  it('refuses takeoff unless GUIDED, armed and on the ground', () => {
    const { v } = makeVehicle();
    expect(v.takeoff(20)).toBe(false); // STABILIZE, disarmed
    v.setMode(CopterMode.GUIDED);
    expect(v.takeoff(20)).toBe(false); // disarmed
    v.arm(false);
    expect(v.takeoff(-5)).toBe(false);
    expect(v.takeoff(20)).toBe(true);
    run(v, 2);
    expect(v.takeoff(30)).toBe(false); // already flying
  });
});

describe('sim vehicle: guided go-to', () => {
  it('accelerates to WPNAV speed, turns towards the target at a limited rate, and arrives', () => {
    const { v } = airborne(20);
    const target = { ...moveNe(HOME, 400, 300), altMslM: HOME.altMslM + 30 };
    expect(v.goto(target)).toBe(true);
    let maxSpeed = 0;
    let maxYawRate = 0;
    let minPitch = 0;
    run(v, 2, () => (maxYawRate = Math.max(maxYawRate, Math.abs(v.state.yawRateDegS))));
    // 2 s in: still accelerating (2.5 m/s^2), leaning forward into it, nose still turning.
    const speed2s = Math.hypot(v.state.velNorthMps, v.state.velEastMps);
    expect(speed2s).toBeGreaterThan(3);
    expect(speed2s).toBeLessThan(6);
    const t = run(
      v,
      120,
      () => {
        maxSpeed = Math.max(maxSpeed, Math.hypot(v.state.velNorthMps, v.state.velEastMps));
        minPitch = Math.min(minPitch, v.state.pitchRad);
      },
      () => v.state.nav.kind === 'hold',
    );
    expect(maxSpeed).toBeGreaterThan(9.9);
    expect(maxSpeed).toBeLessThanOrEqual(10.01);
    expect(maxYawRate).toBeLessThanOrEqual(60.01);
    expect(minPitch).toBeLessThan((-5 * Math.PI) / 180); // nose down in cruise
    expect(minPitch).toBeGreaterThan((-30 * Math.PI) / 180);
    expect(t).toBeLessThan(60); // 500 m at 10 m/s plus accelerating and braking
    expect(distanceM(v.state.position, target)).toBeLessThan(0.5);
    expect(v.state.position.altMslM).toBeCloseTo(target.altMslM, 0);
    expect(v.state.headingDeg).toBeCloseTo(bearingDeg(HOME, target), 0);
  });

  it('DO_CHANGE_SPEED caps the cruise speed', () => {
    const { v } = airborne(20);
    v.changeSpeed(5);
    v.goto({ ...moveNe(HOME, 300, 0), altMslM: HOME.altMslM + 20 });
    let maxSpeed = 0;
    run(v, 30, () => (maxSpeed = Math.max(maxSpeed, Math.hypot(v.state.velNorthMps, v.state.velEastMps))));
    expect(maxSpeed).toBeGreaterThan(4.9);
    expect(maxSpeed).toBeLessThanOrEqual(5.01);
  });

  it('refuses a go-to on the ground or outside GUIDED', () => {
    const { v } = makeVehicle();
    v.setMode(CopterMode.GUIDED);
    v.arm(false);
    expect(v.goto({ ...moveNe(HOME, 100, 0), altMslM: 300 })).toBe(false);
    const air = airborne(10).v;
    air.setMode(CopterMode.LOITER);
    expect(air.goto({ ...moveNe(HOME, 100, 0), altMslM: 300 })).toBe(false);
  });
});

describe('sim vehicle: RTL, LAND, BRAKE', () => {
  it('RTL from low altitude climbs to RTL_ALT, flies home, lands and disarms', () => {
    const { v, texts } = airborne(5);
    v.goto({ ...moveNe(HOME, 200, -150), altMslM: HOME.altMslM + 5 });
    run(v, 60, undefined, () => v.state.nav.kind === 'hold');
    expect(v.setMode(CopterMode.RTL)).toBe(true);
    let maxAlt = 0;
    let distWhenAtRtlAlt = -1;
    run(
      v,
      200,
      () => {
        maxAlt = Math.max(maxAlt, relAlt(v));
        if (distWhenAtRtlAlt < 0 && relAlt(v) > 14.5) distWhenAtRtlAlt = distanceM(v.state.position, HOME);
      },
      () => !v.state.armed,
    );
    expect(maxAlt).toBeGreaterThan(14.5);
    expect(maxAlt).toBeLessThan(15.5);
    expect(distWhenAtRtlAlt).toBeGreaterThan(240); // climbed before turning home (250 m out)
    expect(v.state.armed).toBe(false);
    expect(v.state.landed).toBe(true);
    expect(distanceM(v.state.position, HOME)).toBeLessThan(1);
    expect(relAlt(v)).toBe(0);
    expect(texts).toContain('Disarming motors');
  });

  it('RTL from above RTL_ALT keeps its altitude on the way home', () => {
    const { v } = airborne(40);
    v.goto({ ...moveNe(HOME, 150, 0), altMslM: HOME.altMslM + 40 });
    run(v, 60, undefined, () => v.state.nav.kind === 'hold');
    v.setMode(CopterMode.RTL);
    run(v, 30, undefined, () => distanceM(v.state.position, HOME) < 2);
    expect(relAlt(v)).toBeGreaterThan(39.5);
  });

  it('LAND descends fast high up, slowly near the ground, and disarms on touchdown', () => {
    const { v } = airborne(30);
    v.setMode(CopterMode.LAND);
    let fastest = 0;
    let slowNearGround = Infinity;
    run(
      v,
      120,
      () => {
        fastest = Math.min(fastest, v.state.velUpMps);
        if (relAlt(v) < 5 && relAlt(v) > 1) slowNearGround = Math.min(slowNearGround, -v.state.velUpMps);
      },
      () => !v.state.armed,
    );
    expect(fastest).toBeCloseTo(-1.5, 1);
    expect(slowNearGround).toBeCloseTo(0.5, 1);
    expect(v.state.armed).toBe(false);
    expect(v.state.landed).toBe(true);
  });

  it('BRAKE stops a cruising vehicle within a few seconds', () => {
    const { v } = airborne(20);
    v.goto({ ...moveNe(HOME, 1000, 0), altMslM: HOME.altMslM + 20 });
    run(v, 10);
    expect(Math.hypot(v.state.velNorthMps, v.state.velEastMps)).toBeGreaterThan(9);
    expect(v.setMode(CopterMode.BRAKE)).toBe(true);
    run(v, 8);
    expect(Math.hypot(v.state.velNorthMps, v.state.velEastMps)).toBeLessThan(0.2);
  });
});

describe('sim vehicle: arming', () => {
  it('arms in armable modes, moves home to the arming point and says so', () => {
    const { v, texts, homeChanges } = makeVehicle();
    expect(v.arm(false)).toBe(ACCEPTED); // STABILIZE
    expect(v.state.armed).toBe(true);
    expect(texts).toContain('Arming motors');
    expect(homeChanges()).toBe(1);
  });

  it('refuses in modes that do not allow arming, with ArduPilot\'s reason', () => {
    for (const mode of [CopterMode.RTL, CopterMode.LAND, CopterMode.AUTO, CopterMode.BRAKE]) {
      const { v, texts } = makeVehicle();
      // AUTO needs a mission beyond home to engage at all (ModeAuto::init).
      const item = { command: 22, frame: 3, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: 0, y: 0, z: 10 };
      v.missions.replace(0, [item, item]);
      expect(v.setMode(mode)).toBe(true);
      expect(v.arm(false)).toBe(FAILED);
      expect(v.state.armed).toBe(false);
      expect(texts).toContain('Arm: Mode not armable');
    }
  });

  it('refuses without a 3D fix, and modes needing position refuse to engage', () => {
    const { v, texts } = makeVehicle();
    v.setGpsFix(1);
    expect(v.arm(false)).toBe(FAILED);
    expect(texts).toContain('PreArm: Need 3D Fix');
    expect(v.setMode(CopterMode.GUIDED)).toBe(false);
    expect(texts).toContain('Mode change failed: GUIDED requires position');
    v.setGpsFix(3);
    expect(v.arm(false)).toBe(ACCEPTED);
  });

  it('force-arms (21196) past the mode check', () => {
    const { v } = makeVehicle();
    v.setMode(CopterMode.AUTO);
    expect(v.arm(true)).toBe(ACCEPTED);
  });

  it('refuses to disarm in flight unless forced; forced, it falls', () => {
    const { v } = airborne(20);
    expect(v.disarm(false)).toBe(FAILED);
    expect(v.state.armed).toBe(true);
    expect(v.disarm(true)).toBe(ACCEPTED);
    run(v, 5);
    expect(v.state.landed).toBe(true);
    expect(relAlt(v)).toBe(0);
  });

  it('auto-disarms after DISARM_DELAY armed on the ground', () => {
    const { v } = makeVehicle();
    v.setMode(CopterMode.GUIDED);
    v.arm(false);
    run(v, 9);
    expect(v.state.armed).toBe(true);
    run(v, 1.5);
    expect(v.state.armed).toBe(false);
  });

  it('refuses unknown modes', () => {
    const { v, texts } = makeVehicle();
    expect(v.setMode(99)).toBe(false);
    expect(texts.at(-1)).toMatch(/Mode change to 99 failed/);
  });
});

describe('sim vehicle: battery, GPS and time', () => {
  it('draws ~0.5 A idle and ~15 A in the air; charge and voltage fall', () => {
    const { v } = makeVehicle();
    run(v, 10);
    expect(v.state.battery.currentA).toBeCloseTo(0.5, 5);
    expect(v.state.battery.voltageV).toBeGreaterThan(16.7);
    const { v: air } = airborne(20);
    run(air, 60);
    const b = air.state.battery;
    expect(b.currentA).toBeGreaterThan(14);
    expect(b.currentA).toBeLessThan(16);
    // ~70 s at ~15 A is ~300 mAh of 5000: about 94 % left
    expect(b.remainingPct).toBeLessThan(96);
    expect(b.remainingPct).toBeGreaterThan(90);
    expect(b.voltageV).toBeLessThan(16.5);
    expect(b.voltageV).toBeGreaterThan(15);
  });

  it('keeps a plausible 3D fix and counts flight time only in the air', () => {
    const { v } = makeVehicle();
    run(v, 100, () => {
      expect(v.state.gps.fixType).toBe(3);
      expect(v.state.gps.satellites).toBeGreaterThanOrEqual(14);
      expect(v.state.gps.satellites).toBeLessThanOrEqual(18);
      expect(v.state.gps.hdop).toBeLessThan(1.2);
    });
    expect(v.state.flightTimeS).toBe(0);
    expect(v.state.timeBootMs).toBeCloseTo(100_000, -2);
    const { v: air } = airborne(10);
    expect(air.state.flightTimeS).toBeGreaterThan(3);
  });
});
