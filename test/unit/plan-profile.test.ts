// The Plan view's altitude profile as pure numbers: samples along every leg, altitudes turned into
// metres AMSL by frame, terrain-frame legs following the ground, and the stretches in violation.
import { describe, expect, it } from 'vitest';
import { destinationPoint } from '../../shared/geo/bearing';
import { emptyPlan, type MissionItem, type Plan } from '../../shared/plan/types';
import { checkPlan } from '../../shared/planning';
import { PLAN_PROFILE_MAX_SAMPLES, planProfile, planProfilePoints } from '../../shared/terrain/plan-profile';
import { profileZoneSpans } from '../../shared/terrain/plan-profile-zones';

const home = { lat: 46.0726, lon: 122.0933, altMslM: 280 };
const east = (m: number) => destinationPoint(home, 90, m);
const REL = 3;
const MSL = 0;
const TERRAIN = 10;

function item(command: number, frame: number, eastM: number, z: number): MissionItem {
  const p = east(eastM);
  return { frame, command, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: p.lat, y: p.lon, z };
}

function planOf(items: MissionItem[], withHome = true): Plan {
  const plan = emptyPlan();
  if (withHome) plan.mission.plannedHome = home;
  plan.mission.items = items;
  return plan;
}

/** Ground along the eastward line: 280 m at home, a 200 m-high hill between 400 m and 600 m east. */
function ground(_lat: number, lon: number): number | null {
  const e = (lon - home.lon) * 111_320 * Math.cos((home.lat * Math.PI) / 180);
  if (e > 5000) return null; // outside the loaded tiles
  return e >= 400 && e <= 600 ? 480 : 280;
}

describe('plan altitude profile', () => {
  it('samples every leg about every 30 m and gives each item its height above ground', () => {
    const plan = planOf([item(22, REL, 0, 50), item(16, REL, 300, 60), item(16, MSL, 1000, 400), item(21, REL, 1200, 0)]);
    const p = planProfile(plan, ground);
    expect(p.mode).toBe('terrain');
    expect(p.totalM).toBeCloseTo(1200, 0);
    const gaps = p.samples.slice(1).map((s, i) => s.distanceM - p.samples[i]!.distanceM);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(30.001);
    expect(p.items.map((i) => [i.index, Math.round(i.aglM!)])).toEqual([
      [0, 50],
      [1, 60],
      [2, 120], // 400 MSL over 280 m ground
      [3, 0],
    ]);
    // The climb from item 2 (340 m AMSL) to item 3 (400 m) crosses the 480 m hill: below ground there.
    expect(p.runs).toHaveLength(1);
    expect(p.runs[0]!.status).toBe('below');
    expect(p.runs[0]!.fromM).toBeGreaterThan(360);
    expect(p.runs[0]!.toM).toBeLessThan(640);
    // The points to ask the terrain for are the samples' places.
    const asked = new Set(planProfilePoints(plan).map((q) => `${q.lat},${q.lon}`));
    expect(p.samples.every((s) => asked.has(`${s.lat},${s.lon}`))).toBe(true);
    expect(asked.size).toBeLessThanOrEqual(p.samples.length);
  });

  it('climbs in place for TAKEOFF and comes down in place for LAND', () => {
    const p = planProfile(planOf([item(22, REL, 0, 40), item(16, REL, 200, 40), item(21, REL, 380, 0)]), ground);
    expect(p.samples[0]).toMatchObject({ distanceM: 0, altM: 280 });
    expect(p.samples[1]).toMatchObject({ distanceM: 0, altM: 320 });
    const end = p.samples.slice(-2);
    expect(end[0]!.distanceM).toBeCloseTo(end[1]!.distanceM, 6);
    expect(end.map((s) => s.altM)).toEqual([320, 280]);
    expect(p.runs).toEqual([]);
  });

  it('flies a terrain-frame leg at its height above the ground, over the hill', () => {
    const p = planProfile(planOf([item(16, TERRAIN, 100, 50), item(16, TERRAIN, 900, 50)]), ground);
    const onLeg = p.samples.filter((s) => s.distanceM >= p.items[0]!.distanceM);
    expect(onLeg.every((s) => Math.abs(s.altM! - s.groundM! - 50) < 1e-6)).toBe(true);
    expect(p.runs).toEqual([]);
    expect(p.items.map((i) => i.aglM)).toEqual([50, 50]);
  });

  it('marks stretches over the ceiling, and items over it', () => {
    const p = planProfile(planOf([item(16, REL, 200, 60), item(16, REL, 300, 150), item(16, REL, 700, 60)]), ground);
    expect(p.items.map((i) => i.status)).toEqual(['ok', 'above', 'ok']);
    expect(p.runs.map((r) => r.status)).toContain('above');
  });

  it('without terrain draws heights above home, with MSL items converted', () => {
    const p = planProfile(planOf([item(16, REL, 200, 60), item(16, MSL, 400, 430), item(16, TERRAIN, 600, 30)]), null);
    expect(p.mode).toBe('home');
    expect(p.items.map((i) => i.aglM)).toEqual([60, 150, 30]);
    expect(p.items[1]!.status).toBe('above');
    expect(p.samples.every((s) => s.groundM === 0)).toBe(true);
  });

  it('without a planned home takes relative heights from the ground where the route starts', () => {
    const p = planProfile(planOf([item(16, REL, 0, 60), item(16, REL, 500, 60)], false), ground);
    expect(p.homeAssumed).toBe(true);
    expect(p.items[0]!.altM).toBe(340);
    expect(p.items[1]!.aglM).toBe(-140); // 340 m AMSL into the 480 m hill
    expect(p.items[1]!.status).toBe('below');
  });

  it('counts samples off the terrain, and caps a very long route', () => {
    const p = planProfile(planOf([item(16, REL, 0, 60), item(16, REL, 8000, 60)]), ground);
    expect(p.missing).toBeGreaterThan(50);
    const far = planOf([item(16, REL, 0, 60), item(16, REL, 300_000, 60)]);
    expect(planProfile(far, () => 0).samples.length).toBeLessThanOrEqual(PLAN_PROFILE_MAX_SAMPLES + 4);
    expect(planProfile(planOf([]), ground).items).toEqual([]);
  });
});

describe('plan checks between the items', () => {
  it('reports a leg into the hill on the item it flies to, with its depth and where', () => {
    // Items 2 and 3 are clear of the ground; the leg between them crosses the 480 m hill at 340-400 m AMSL.
    const plan = planOf([item(22, REL, 0, 50), item(16, REL, 300, 60), item(16, MSL, 1000, 400), item(21, REL, 1200, 0)]);
    const legs = checkPlan(plan, { groundElevationMslM: ground }).filter((i) => i.rule.startsWith('leg_'));
    expect(legs).toHaveLength(1);
    expect(legs[0]).toMatchObject({ rule: 'leg_below_ground', severity: 'error', itemIndex: 2 });
    expect(legs[0]!.message.en).toMatch(/^The leg to this item goes 1\d\d m below the ground at 0\.\d\d–0\.\d\d km\.$/);
    expect(legs[0]!.message.zh).toMatch(/低于地面/);
    // Without terrain nothing is said about legs (the item checks say the ceiling is above home).
    expect(checkPlan(plan).filter((i) => i.rule.startsWith('leg_'))).toEqual([]);
  });

  it('reports a level leg over a valley that exceeds the ceiling above its floor', () => {
    // Both items 100 m above 280 m ground; between them the ground drops to a 200 m valley floor.
    const valley = (_lat: number, lon: number): number => {
      const e = (lon - home.lon) * 111_320 * Math.cos((home.lat * Math.PI) / 180);
      return e > 300 && e < 700 ? 200 : 280;
    };
    const plan = planOf([item(16, REL, 100, 100), item(16, REL, 900, 100)]); // 380 m AMSL; 180 m over the valley
    const legs = checkPlan(plan, { groundElevationMslM: valley }).filter((i) => i.rule.startsWith('leg_'));
    expect(legs.map((i) => [i.rule, i.itemIndex])).toEqual([['leg_over_ceiling', 1]]);
    expect(legs[0]!.message.en).toMatch(/up to 180 m above the ground at .* km: over the 120 m ceiling\./);
  });

  it('does not repeat what the item checks say', () => {
    const plan = planOf([item(16, REL, 200, 60), item(16, REL, 300, 150), item(16, REL, 350, 60)]);
    const issues = checkPlan(plan, { groundElevationMslM: ground });
    expect(issues.filter((i) => i.rule === 'ceiling').map((i) => i.itemIndex)).toEqual([1]);
    expect(issues.filter((i) => i.rule === 'leg_over_ceiling')).toEqual([]);
  });
});

describe('airspace zones along the profile', () => {
  it('gives the stretches of the route under a zone, with its band in the profile unit', () => {
    const zone = {
      id: 'z', name: 'CTR', kind: 'restricted' as const, source: 't', floorMslM: 580, ceilingMslM: 880,
      shape: { type: 'circle' as const, center: east(600), radiusM: 200 },
    };
    const plan = planOf([item(16, REL, 100, 60), item(16, REL, 1100, 60)]);
    const spans = profileZoneSpans(planProfile(plan, ground), [zone]);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ name: 'CTR', kind: 'restricted', floorM: 580, ceilingM: 880 });
    expect(spans[0]!.fromM).toBeGreaterThan(390);
    expect(spans[0]!.toM).toBeLessThan(810);
    // Without terrain the band is drawn above home.
    expect(profileZoneSpans(planProfile(plan, null), [zone], home.altMslM)[0]).toMatchObject({ floorM: 300, ceilingM: 600 });
    expect(profileZoneSpans(planProfile(plan, null), [zone])[0]).toMatchObject({ floorM: null, ceilingM: null });
  });
});
