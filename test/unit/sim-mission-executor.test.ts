// AUTO on fake time: the simulated ArduCopter flies a stored mission item by item, one test per
// command (and per rule: frames, DO_JUMP counts, pause, resume, the takeoff rule, mission end).
import { describe, expect, it } from 'vitest';
import { bearingDeg, distanceM, moveNe, offsetNeM, type GeoPoint } from '../../electron/core/sim/geo';
import type { StoredItem } from '../../electron/core/sim/mission/vehicle-mission-store';
import { CopterMode } from '../../electron/core/sim/modes';
import { groundSpeedMps } from '../../electron/core/sim/state';
import { SimVehicle } from '../../electron/core/sim/vehicle';

const HOME: GeoPoint = { lat: 46.0726, lon: 122.0933, altMslM: 280 };
const DT = 0.02;
const MS = { NO_MISSION: 1, NOT_STARTED: 2, ACTIVE: 3, PAUSED: 4, COMPLETE: 5 };
const CMD = { WAYPOINT: 16, LOITER_UNLIM: 17, LOITER_TURNS: 18, LOITER_TIME: 19, RTL: 20, LAND: 21, TAKEOFF: 22, DO_JUMP: 177, DO_CHANGE_SPEED: 178, DO_SET_ROI_LOCATION: 195 };
const REL = 3;

/** A stored item; `at` north/east metres from HOME (or none: 0/0), alt relative to home unless frame says. */
function item(command: number, opts: { at?: [number, number]; alt?: number; frame?: number; p?: [number?, number?, number?, number?] } = {}): StoredItem {
  const pos = opts.at ? moveNe(HOME, opts.at[0], opts.at[1]) : null;
  const [param1 = 0, param2 = 0, param3 = 0, param4 = 0] = opts.p ?? [];
  return {
    command, frame: opts.frame ?? REL, current: 0, autocontinue: 1, param1, param2, param3, param4,
    x: pos ? Math.round(pos.lat * 1e7) : 0, y: pos ? Math.round(pos.lon * 1e7) : 0, z: opts.alt ?? 0,
  };
}
const homeItem = () => item(CMD.WAYPOINT, { at: [0, 0], frame: 0, alt: HOME.altMslM });

function makeVehicle(mission: StoredItem[]) {
  const reached: Array<{ seq: number; t: number }> = [];
  const texts: string[] = [];
  let currentEvents = 0;
  let t = 0;
  const v = new SimVehicle({
    start: HOME,
    params: { disarmDelayS: 0 },
    events: { text: (_s, text) => texts.push(text), missionItemReached: (seq) => reached.push({ seq, t }), missionCurrentChanged: () => currentEvents++ },
  });
  v.missions.replace(0, [homeItem(), ...mission]);
  const run = (seconds: number, until?: () => boolean, watch?: () => void): number => {
    const start = t;
    for (let k = Math.round(seconds / DT); k > 0; k--) {
      v.step(DT);
      t += DT;
      watch?.();
      if (until?.()) break;
    }
    return t - start;
  };
  /** GUIDED, arm, AUTO: the way a GCS starts a mission from the ground. */
  const startOnGround = () => {
    expect(v.setMode(CopterMode.GUIDED)).toBe(true);
    expect(v.arm(false)).toBe(0);
    expect(v.setMode(CopterMode.AUTO)).toBe(true);
  };
  const reachedSeqs = () => reached.map((r) => r.seq);
  return { v, run, startOnGround, reached, reachedSeqs, texts, now: () => t, currentEvents: () => currentEvents };
}

const relAlt = (v: SimVehicle) => v.state.position.altMslM - v.state.home.altMslM;

describe('sim AUTO: starting', () => {
  it('refuses AUTO armed on the ground without a takeoff first, and with no mission at all', () => {
    const sim = makeVehicle([item(CMD.WAYPOINT, { at: [50, 0], alt: 20 })]);
    sim.v.setMode(CopterMode.GUIDED);
    sim.v.arm(false);
    expect(sim.v.setMode(CopterMode.AUTO)).toBe(false);
    expect(sim.texts).toContain('Auto: Missing Takeoff Cmd');
    const empty = makeVehicle([]);
    expect(empty.v.setMode(CopterMode.AUTO)).toBe(false);
    expect(empty.texts).toContain('Mode change to AUTO failed: init failed');
    expect(empty.v.auto.missionState).toBe(MS.NO_MISSION);
  });

  it('a DO item before the takeoff still counts as "starts with takeoff"', () => {
    const sim = makeVehicle([item(CMD.DO_CHANGE_SPEED, { p: [1, 5] }), item(CMD.TAKEOFF, { alt: 10 })]);
    sim.startOnGround();
    expect(sim.v.state.mode).toBe(CopterMode.AUTO);
  });
});

describe('sim AUTO: NAV commands', () => {
  it('TAKEOFF climbs to its altitude, WAYPOINTs are reached within WPNAV_RADIUS, param1 holds there', () => {
    const sim = makeVehicle([
      item(CMD.TAKEOFF, { alt: 15 }),
      item(CMD.WAYPOINT, { at: [60, 0], alt: 15, p: [4] }),
      item(CMD.WAYPOINT, { at: [60, 60], alt: 25 }),
    ]);
    sim.startOnGround();
    expect(sim.v.auto.missionState).toBe(MS.ACTIVE);
    expect(sim.v.missions.currentSeq).toBe(1);
    let tookOffAt = -1;
    sim.run(120, () => sim.v.auto.runState === 'complete', () => {
      if (tookOffAt < 0 && sim.reachedSeqs().includes(1)) {
        tookOffAt = sim.now();
        expect(relAlt(sim.v)).toBeGreaterThan(14.4);
        expect(distanceM(sim.v.state.position, HOME)).toBeLessThan(0.5); // straight up
      }
    });
    expect(sim.reachedSeqs()).toEqual([1, 2, 3]);
    const [, wp1, wp2] = sim.reached;
    // MISSION_ITEM_REACHED on arrival at wp1 (as ArduCopter), then its 4 s hold, then the leg to wp2.
    expect(wp2.t - wp1.t).toBeGreaterThan(4 + 6);
    expect(sim.texts).toContain('Reached command #2');
    expect(sim.v.auto.missionState).toBe(MS.COMPLETE);
    // Mission end without RTL/LAND: hovering at the last waypoint, still AUTO and armed.
    sim.run(10);
    expect(sim.v.state.armed).toBe(true);
    expect(sim.v.state.mode).toBe(CopterMode.AUTO);
    expect(distanceM(sim.v.state.position, moveNe(HOME, 60, 60))).toBeLessThan(4);
    expect(relAlt(sim.v)).toBeCloseTo(25, 0);
  });

  it('LOITER_TIME waits param1 seconds after arriving', () => {
    const sim = makeVehicle([item(CMD.TAKEOFF, { alt: 10 }), item(CMD.LOITER_TIME, { at: [30, 0], alt: 10, p: [7] }), item(CMD.WAYPOINT, { at: [0, 0], alt: 10 })]);
    sim.startOnGround();
    sim.run(60, () => sim.v.missions.currentSeq === 3);
    const arrivedAt = sim.reached.find((r) => r.seq === 2)!.t; // reported on arrival, as ArduCopter
    expect(sim.now() - arrivedAt).toBeGreaterThan(6.9);
    expect(sim.now() - arrivedAt).toBeLessThan(7.1);
  });

  it('LOITER_UNLIM holds until the GCS moves the mission on', () => {
    const sim = makeVehicle([item(CMD.TAKEOFF, { alt: 10 }), item(CMD.LOITER_UNLIM, { at: [20, 0], alt: 10 }), item(CMD.WAYPOINT, { at: [0, 20], alt: 10 })]);
    sim.startOnGround();
    sim.run(120);
    expect(sim.reachedSeqs()).toEqual([1]);
    expect(sim.v.missions.currentSeq).toBe(2);
    expect(distanceM(sim.v.state.position, moveNe(HOME, 20, 0))).toBeLessThan(1);
    expect(sim.v.auto.setCurrent(3, true)).toBe(true);
    sim.run(30, () => sim.v.auto.runState === 'complete');
    expect(sim.reachedSeqs()).toEqual([1, 3]);
  });

  it.each([
    ['clockwise', 25, 1],
    ['counter-clockwise', -25, -1],
  ])('LOITER_TURNS flies param1 turns %s on the |param3| radius, nose to the centre', (_name, radius, sign) => {
    const center = moveNe(HOME, 40, 0);
    const sim = makeVehicle([item(CMD.TAKEOFF, { alt: 20 }), item(CMD.LOITER_TURNS, { at: [40, 0], alt: 20, p: [2, 0, radius] }), item(CMD.WAYPOINT, { at: [0, 0], alt: 20 })]);
    sim.startOnGround();
    sim.run(60, () => sim.v.state.nav.kind === 'orbit');
    let swept = 0;
    let last = bearingDeg(center, sim.v.state.position);
    let minR = Infinity;
    let maxR = 0;
    let worstNoseOffDeg = 0;
    sim.run(300, () => sim.reachedSeqs().includes(2), () => {
      const s = sim.v.state;
      const b = bearingDeg(center, s.position);
      swept += ((b - last + 540) % 360) - 180;
      last = b;
      const r = distanceM(center, s.position);
      minR = Math.min(minR, r);
      maxR = Math.max(maxR, r);
      if (swept * sign > 90) worstNoseOffDeg = Math.max(worstNoseOffDeg, Math.abs(((bearingDeg(s.position, center) - s.headingDeg + 540) % 360) - 180));
    });
    expect(sim.reachedSeqs()).toContain(2);
    expect(swept * sign).toBeGreaterThan(700);
    expect(swept * sign).toBeLessThan(740);
    expect(minR).toBeGreaterThan(21);
    expect(maxR).toBeLessThan(28);
    expect(worstNoseOffDeg).toBeLessThan(10);
  });

  it('RTL as the last item returns home, lands and disarms: the mission is complete', () => {
    const sim = makeVehicle([item(CMD.TAKEOFF, { alt: 10 }), item(CMD.WAYPOINT, { at: [50, 50], alt: 10 }), item(CMD.RTL)]);
    sim.startOnGround();
    sim.run(200, () => !sim.v.state.armed);
    sim.run(1);
    expect(sim.v.state.landed).toBe(true);
    expect(distanceM(sim.v.state.position, HOME)).toBeLessThan(1.5);
    expect(sim.reachedSeqs()).toEqual([1, 2, 3]);
    expect(sim.v.auto.missionState).toBe(MS.COMPLETE);
    expect(relAlt(sim.v)).toBeCloseTo(0, 5);
  });

  it('LAND with a position flies there first and lands; LAND at 0/0 lands where it is', () => {
    const there = makeVehicle([item(CMD.TAKEOFF, { alt: 10 }), item(CMD.LAND, { at: [-40, 30] })]);
    there.startOnGround();
    there.run(120, () => !there.v.state.armed);
    there.run(1);
    expect(distanceM(there.v.state.position, moveNe(HOME, -40, 30))).toBeLessThan(1.5);
    expect(there.reachedSeqs()).toEqual([1, 2]);
    const here = makeVehicle([item(CMD.TAKEOFF, { alt: 8 }), item(CMD.LAND)]);
    here.startOnGround();
    here.run(120, () => !here.v.state.armed);
    here.run(1);
    expect(distanceM(here.v.state.position, HOME)).toBeLessThan(0.5);
    expect(here.v.auto.missionState).toBe(MS.COMPLETE);
  });
});

describe('sim AUTO: frames', () => {
  it.each([
    ['GLOBAL_RELATIVE_ALT (3): above home', 3, 30, 30],
    ['GLOBAL (0): above mean sea level', 0, HOME.altMslM + 22, 22],
    ['GLOBAL_TERRAIN_ALT (10): above flat terrain at home height', 10, 18, 18],
  ])('%s', (_name, frame, alt, expectedRelM) => {
    const sim = makeVehicle([item(CMD.TAKEOFF, { alt: 10 }), item(CMD.WAYPOINT, { at: [20, 0], alt, frame })]);
    sim.startOnGround();
    sim.run(60, () => sim.v.auto.runState === 'complete');
    sim.run(5);
    expect(relAlt(sim.v)).toBeCloseTo(expectedRelM, 0);
  });
});

describe('sim AUTO: DO commands', () => {
  it('DO_CHANGE_SPEED sets the cruise speed from param2', () => {
    const sim = makeVehicle([item(CMD.TAKEOFF, { alt: 10 }), item(CMD.DO_CHANGE_SPEED, { p: [1, 4] }), item(CMD.WAYPOINT, { at: [200, 0], alt: 10 })]);
    sim.startOnGround();
    let top = 0;
    sim.run(120, () => sim.v.auto.runState === 'complete', () => (top = Math.max(top, groundSpeedMps(sim.v.state))));
    expect(top).toBeGreaterThan(3.8);
    expect(top).toBeLessThan(4.1);
  });

  it('DO_SET_ROI_LOCATION turns the nose to the point of interest while flying the legs', () => {
    const roi = moveNe(HOME, 0, 100);
    const sim = makeVehicle([item(CMD.TAKEOFF, { alt: 10 }), item(CMD.DO_SET_ROI_LOCATION, { at: [0, 100] }), item(CMD.WAYPOINT, { at: [150, 0], alt: 10 })]);
    sim.startOnGround();
    sim.run(60, () => distanceM(sim.v.state.position, HOME) > 80);
    expect(sim.v.auto.roi).not.toBeNull();
    const want = bearingDeg(sim.v.state.position, roi);
    expect(Math.abs(((sim.v.state.headingDeg - want + 540) % 360) - 180)).toBeLessThan(5);
    // Travelling north while looking east-south-east: the nose is not along the track.
    expect(Math.abs(((sim.v.state.headingDeg - 0 + 540) % 360) - 180)).toBeGreaterThan(60);
  });

  it('DO_JUMP repeats its target param2 times, then carries on', () => {
    const sim = makeVehicle([
      item(CMD.TAKEOFF, { alt: 10 }),
      item(CMD.WAYPOINT, { at: [15, 0], alt: 10 }),
      item(CMD.WAYPOINT, { at: [15, 15], alt: 10 }),
      item(CMD.DO_JUMP, { p: [2, 2] }),
      item(CMD.WAYPOINT, { at: [0, 0], alt: 10 }),
    ]);
    sim.startOnGround();
    sim.run(300, () => sim.v.auto.runState === 'complete');
    expect(sim.reachedSeqs()).toEqual([1, 2, 3, 2, 3, 2, 3, 5]);
  });

  it('DO_JUMP with -1 repeats forever', () => {
    const sim = makeVehicle([item(CMD.TAKEOFF, { alt: 10 }), item(CMD.WAYPOINT, { at: [10, 0], alt: 10 }), item(CMD.WAYPOINT, { at: [0, 0], alt: 10 }), item(CMD.DO_JUMP, { p: [2, -1] })]);
    sim.startOnGround();
    sim.run(300);
    expect(sim.v.auto.runState).toBe('active');
    expect(sim.reachedSeqs().filter((s) => s === 2).length).toBeGreaterThan(8);
  });

  it('a DO_JUMP loop with no NAV item in it ends the mission instead of hanging', () => {
    const sim = makeVehicle([item(CMD.TAKEOFF, { alt: 5 }), item(CMD.DO_CHANGE_SPEED, { p: [1, 3] }), item(CMD.DO_JUMP, { p: [2, -1] })]);
    sim.startOnGround();
    sim.run(30, () => sim.v.auto.runState === 'complete');
    expect(sim.v.auto.runState).toBe('complete');
    expect(sim.texts).toContain('Mission: DO_JUMP loop without a NAV item');
  });
});

describe('sim AUTO: pause, resume, mode changes', () => {
  const leg = () => [item(CMD.TAKEOFF, { alt: 10 }), item(CMD.WAYPOINT, { at: [150, 0], alt: 10 }), item(CMD.WAYPOINT, { at: [0, 0], alt: 10 })];

  it('DO_PAUSE_CONTINUE: pause brakes and holds, continue flies the same item on', () => {
    const sim = makeVehicle(leg());
    sim.startOnGround();
    sim.run(60, () => distanceM(sim.v.state.position, HOME) > 50);
    expect(sim.v.auto.pause()).toBe(true);
    expect(sim.v.auto.missionState).toBe(MS.PAUSED);
    sim.run(8);
    const heldAt = { ...sim.v.state.position };
    sim.run(10);
    expect(distanceM(sim.v.state.position, heldAt)).toBeLessThan(0.2);
    expect(groundSpeedMps(sim.v.state)).toBeLessThan(0.1);
    expect(sim.v.missions.currentSeq).toBe(2);
    expect(sim.v.auto.resume()).toBe(true);
    sim.run(60, () => sim.reachedSeqs().includes(2));
    expect(offsetNeM(HOME, sim.v.state.position).northM).toBeGreaterThan(145);
  });

  it('leaving AUTO keeps the place; AUTO again resumes that item (MIS_RESTART 0)', () => {
    const sim = makeVehicle(leg());
    sim.startOnGround();
    sim.run(60, () => distanceM(sim.v.state.position, HOME) > 50);
    expect(sim.v.setMode(CopterMode.LOITER)).toBe(true);
    expect(sim.v.auto.missionState).toBe(MS.PAUSED);
    sim.run(10);
    expect(sim.v.setMode(CopterMode.AUTO)).toBe(true);
    expect(sim.v.missions.currentSeq).toBe(2);
    sim.run(120, () => sim.v.auto.runState === 'complete');
    expect(sim.reachedSeqs()).toEqual([1, 2, 3]);
  });

  it('a new upload while flying AUTO re-starts the item at the same index from the new list', () => {
    const sim = makeVehicle(leg());
    sim.startOnGround();
    sim.run(60, () => distanceM(sim.v.state.position, HOME) > 30);
    sim.v.missions.replace(0, [homeItem(), item(CMD.TAKEOFF, { alt: 10 }), item(CMD.WAYPOINT, { at: [0, 80], alt: 10 })]);
    expect(sim.v.missions.currentSeq).toBe(2);
    sim.run(120, () => sim.v.auto.runState === 'complete');
    expect(distanceM(sim.v.state.position, moveNe(HOME, 0, 80))).toBeLessThan(3);
  });

  it('reports MISSION_CURRENT changes as events', () => {
    const sim = makeVehicle(leg());
    const before = sim.currentEvents();
    sim.startOnGround();
    sim.run(200, () => sim.v.auto.runState === 'complete');
    // Start (item 1), item 2, item 3, complete: at least one change each.
    expect(sim.currentEvents() - before).toBeGreaterThanOrEqual(4);
  });
});
