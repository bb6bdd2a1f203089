// The altitude profile's drawing as data: lines break where a value is unknown, the ground closes
// down to the floor in one area per stretch with data, the route splits where its status changes,
// and item labels thin out but never drop one in violation.
import { describe, expect, it } from 'vitest';
import type { PlanProfile, PlanProfileSample, ProfileStatus } from '../../shared/terrain/plan-profile';
import { groundPath, labelled, linePath, nearestSample, routePaths, scalesFor } from '../../renderer/views/plan/profile/chartGeometry';

const s = (distanceM: number, groundM: number | null, altM: number | null, status: ProfileStatus = 'ok'): PlanProfileSample => ({
  distanceM, lat: 0, lon: 0, groundM, altM, ceilingM: groundM === null ? null : groundM + 120, status,
});
const profile = (samples: PlanProfileSample[]): PlanProfile => ({
  mode: 'terrain', homeAssumed: false, ceilingAglM: 120, totalM: samples.at(-1)!.distanceM, samples, items: [], runs: [], missing: 0,
});
const box = { width: 1000, height: 150, left: 50, right: 10, top: 20, bottom: 20 };

describe('altitude profile chart geometry', () => {
  it('scales distance across the box and keeps every value inside it', () => {
    const p = profile([s(0, 100, 150), s(500, 300, 200), s(1000, 100, 150)]);
    const sc = scalesFor(p, box);
    expect(sc.x(0)).toBe(50);
    expect(sc.x(1000)).toBe(990);
    for (const v of [100, 150, 300, 420]) {
      expect(sc.y(v)).toBeGreaterThanOrEqual(20);
      expect(sc.y(v)).toBeLessThanOrEqual(130);
    }
    expect(sc.y(420)).toBeLessThan(sc.y(100)); // up is up
  });

  it('breaks lines where a value is unknown and closes one ground area per stretch', () => {
    const samples = [s(0, 100, 150), s(100, 110, 150), s(200, null, 150), s(300, 120, 150), s(400, 130, 150)];
    const sc = scalesFor(profile(samples), box);
    expect(linePath(samples, (x) => x.groundM, sc).match(/M/g)).toHaveLength(2);
    const ground = groundPath(samples, sc, 130);
    expect(ground.match(/Z/g)).toHaveLength(2);
    expect(ground.startsWith('M50.0,130.0')).toBe(true);
  });

  it('splits the route where it goes into violation and back', () => {
    const samples = [s(0, 100, 150), s(100, 100, 150), s(200, 100, 90, 'below'), s(300, 100, 150), s(400, 100, 150)];
    const paths = routePaths(samples, scalesFor(profile(samples), box));
    expect(paths.map((p) => p.status)).toEqual(['ok', 'below', 'ok']);
    // The bad stretch runs from the sample before to the sample after the bad one.
    expect(paths[1]!.d.match(/[ML]/g)).toHaveLength(3);
  });

  it('thins labels by pixels but keeps every one in violation', () => {
    // 40 px wide labels: each needs its centre 44 px from the last one drawn, unless it is in violation.
    expect(labelled([0, 10, 20, 64, 70], [false, false, true, false, false], [40, 40, 40, 40, 40])).toEqual([true, false, true, true, false]);
  });

  it('finds the sample nearest a distance', () => {
    const samples = [s(0, 1, 1), s(30, 1, 1), s(60, 1, 1), s(60, 1, 2), s(90, 1, 1)];
    expect(nearestSample(samples, 44)!.distanceM).toBe(30);
    expect(nearestSample(samples, 46)!.distanceM).toBe(60);
    expect(nearestSample(samples, -5)!.distanceM).toBe(0);
    expect(nearestSample(samples, 500)!.distanceM).toBe(90);
    expect(nearestSample([], 5)).toBeUndefined();
  });
});
