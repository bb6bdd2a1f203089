import { describe, expect, it } from 'vitest';
import type { AirspaceZone } from '../../shared/airspace/zone';
import { destinationPoint } from '../../shared/geo/bearing';
import { MAV_CMD, MAV_FRAME } from '../../shared/plan/mav-enums';
import { emptyPlan, planItem, type MissionItem, type Plan } from '../../shared/plan/types';
import { checkPlan, flightTimeS, flownOrder, type CheckRule } from '../../shared/planning/checks';
import { localFrame } from '../../shared/planning/geometry';

const home = { lat: 22.3, lon: 114.17, altMslM: 10 };

function wp(lat: number, lon: number, altM: number, command: number = MAV_CMD.NAV_WAYPOINT, frame: number = MAV_FRAME.GLOBAL_RELATIVE_ALT): MissionItem {
  return planItem({ frame, command, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: lat, y: lon, z: altM });
}
const rtl = (): MissionItem => wp(0, 0, 0, MAV_CMD.NAV_RETURN_TO_LAUNCH, MAV_FRAME.MISSION);
const north = (m: number): { lat: number; lon: number } => destinationPoint(home, 0, m);
const east = (m: number): { lat: number; lon: number } => destinationPoint(home, 90, m);

function plan(items: MissionItem[]): Plan {
  const p = emptyPlan();
  p.mission.items = items;
  p.mission.plannedHome = home;
  return p;
}
const rules = (issues: { rule: CheckRule }[]): CheckRule[] => issues.map((i) => i.rule);

describe('plan checks', () => {
  const good = (): Plan => plan([wp(north(100).lat, north(100).lon, 60), wp(east(100).lat, east(100).lon, 60), rtl()]);

  it('a sensible plan passes, saying only that the ceiling is measured above home', () => {
    expect(rules(checkPlan(good()))).toEqual(['ceiling_above_home']);
  });

  it('an empty plan and a plan without home', () => {
    expect(rules(checkPlan(emptyPlan()))).toEqual(['no_items']);
    const p = good();
    delete p.mission.plannedHome;
    expect(rules(checkPlan(p))).toContain('no_home');
  });

  it('ceiling: above home without terrain, above ground with it', () => {
    const p = plan([wp(north(100).lat, north(100).lon, 130), rtl()]);
    const a = checkPlan(p);
    expect(a.find((i) => i.rule === 'ceiling')).toMatchObject({ itemIndex: 0, severity: 'error' });
    expect(a.find((i) => i.rule === 'ceiling')?.message.en).toContain('above home');
    // The waypoint is over a valley 40 m below home: 100 m above home is 140 m above the ground.
    const q = plan([wp(north(100).lat, north(100).lon, 100), rtl()]);
    expect(rules(checkPlan(q))).not.toContain('ceiling');
    const valley = checkPlan(q, { groundElevationMslM: () => -30 });
    expect(rules(valley)).toEqual(['ceiling']);
    expect(valley[0].message.en).toContain('above ground');
    // A hill 80 m above home with a waypoint 50 m above home: under the ground.
    expect(rules(checkPlan(q, { groundElevationMslM: () => 200 }))).toContain('below_ground');
  });

  it('outside an inclusion fence, inside an exclusion, and a leg crossing an exclusion', () => {
    const p = good();
    p.fence.circles.push({ inclusion: true, center: home, radiusM: 120 });
    p.mission.items[1] = wp(east(300).lat, east(300).lon, 60);
    expect(checkPlan(p).filter((i) => i.rule === 'outside_inclusion').map((i) => i.itemIndex)).toEqual([1]);
    const q = good();
    const c = destinationPoint(home, 45, 70);
    q.fence.circles.push({ inclusion: false, center: c, radiusM: 20 });
    expect(checkPlan(q).find((i) => i.rule === 'leg_crosses_exclusion')?.itemIndex).toBe(1);
    const r = good();
    r.fence.polygons.push({ inclusion: false, vertices: [north(80), destinationPoint(north(80), 90, 40), destinationPoint(north(120), 90, 40), north(120)].map((v) => destinationPoint(v, 270, 20)) });
    expect(checkPlan(r).find((i) => i.rule === 'inside_exclusion')?.itemIndex).toBe(0);
  });

  it('airspace zones: no-fly is an error, restricted a warning, a zone we fly over is no issue', () => {
    const zone: AirspaceZone = { id: 'z', name: 'Hospital', kind: 'noFly', shape: { type: 'circle', center: destinationPoint(home, 45, 70), radiusM: 20 }, source: 'drawn' };
    expect(checkPlan(good(), { zones: [zone] }).find((i) => i.rule === 'zone')).toMatchObject({ severity: 'error', itemIndex: 1 });
    expect(checkPlan(good(), { zones: [{ ...zone, kind: 'restricted' }] }).find((i) => i.rule === 'zone')?.severity).toBe('warning');
    expect(rules(checkPlan(good(), { zones: [{ ...zone, ceilingMslM: 50 }] }))).not.toContain('zone');
  });

  it('too far from home', () => {
    const p = plan([wp(north(3000).lat, north(3000).lon, 60), rtl()]);
    expect(checkPlan(p).find((i) => i.rule === 'too_far')?.itemIndex).toBe(0);
    expect(rules(checkPlan(p, { maxDistanceFromHomeM: 5000 }))).not.toContain('too_far');
  });

  it('flight time over the battery budget, counting DO_JUMP laps and loiter time', () => {
    const a = north(500);
    const loop = plan([
      wp(a.lat, a.lon, 60),
      { ...wp(a.lat, a.lon, 60, MAV_CMD.NAV_LOITER_TIME), param1: 120 },
      wp(home.lat, home.lon, 60),
      { ...wp(0, 0, 0, MAV_CMD.DO_JUMP, MAV_FRAME.MISSION), param1: 1, param2: 4 },
      rtl(),
    ]);
    expect(flownOrder(loop).filter((i) => i === 1)).toHaveLength(5);
    const t = flightTimeS(loop, { cruiseSpeedMps: 10 }, home);
    expect(t.trackM).toBeCloseTo(5000, -1);
    expect(t.timeS).toBeCloseTo(500 + 600, -1);
    expect(rules(checkPlan(loop, { enduranceS: 1200, cruiseSpeedMps: 10 }))).toContain('flight_time');
    expect(rules(checkPlan(loop, { enduranceS: 1500, cruiseSpeedMps: 10 }))).not.toContain('flight_time');
  });

  it('a jump forward or to nowhere, and a mission that does not end with return or land', () => {
    const p = good();
    p.mission.items.splice(1, 0, { ...wp(0, 0, 0, MAV_CMD.DO_JUMP, MAV_FRAME.MISSION), param1: 9, param2: 1 });
    expect(checkPlan(p).find((i) => i.rule === 'bad_jump')?.itemIndex).toBe(1);
    expect(flownOrder(p)).toEqual([0, 2, 3]);
    const q = good();
    q.mission.items.pop();
    expect(rules(checkPlan(q))).toContain('no_return');
  });
});

describe('legs over a crowd', () => {
  const f = localFrame({ lat: 46.07, lon: 122.09 });
  const crowd = [{ x: 0, y: 0 }, { x: 200, y: 0 }, { x: 200, y: 100 }, { x: 0, y: 100 }].map(f.toLatLon);
  const wp = (x: number, y: number) => {
    const p = f.toLatLon({ x, y });
    return planItem({ frame: 3, command: 16, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: p.lat, y: p.lon, z: 60 });
  };
  const rtl = planItem({ frame: 3, command: MAV_CMD.NAV_RETURN_TO_LAUNCH, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: 0, y: 0, z: 0 });
  const home = { ...f.toLatLon({ x: -100, y: 50 }), altMslM: 280 };
  const withItems = (items: ReturnType<typeof wp>[]) => ({ ...emptyPlan(), mission: { items, plannedHome: home } });

  it('names the leg from home, a leg between items and the straight return that cross the crowd', () => {
    const plan = withItems([wp(300, 50), wp(300, 150), wp(-50, 150), wp(300, 20), rtl]);
    const issues = checkPlan(plan, { crowds: [crowd] }).filter((i) => i.rule === 'leg_over_crowd');
    expect(issues.map((i) => i.itemIndex)).toEqual([0, 3, 4]);
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('says nothing when the legs go round it, or when no crowd is known', () => {
    const plan = withItems([wp(-50, 150), wp(300, 150), wp(300, 50), wp(300, 150), wp(-50, 150), rtl]);
    expect(checkPlan(plan, { crowds: [crowd] }).filter((i) => i.rule === 'leg_over_crowd')).toEqual([]);
    expect(checkPlan(withItems([wp(300, 50), rtl]), {}).filter((i) => i.rule === 'leg_over_crowd')).toEqual([]);
  });
});
