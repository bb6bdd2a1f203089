import { describe, expect, it } from 'vitest';
import { fenceFromWire, fenceToWire, missionFromWire, missionToWire, PlanFileError, rallyFromWire, rallyToWire, type Fence, type MissionItem } from '../../shared/plan';

const wp = (lat: number, lon: number, alt: number): MissionItem => ({
  frame: 3, command: 16, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: Number.NaN, x: lat, y: lon, z: alt,
});

describe('Plan <-> wire item lists', () => {
  it('ArduPilot: home is item 0 going up and comes back as plannedHome', () => {
    const mission = { items: [wp(1, 2, 30), wp(1.1, 2.1, 40)], plannedHome: { lat: 1, lon: 2, altMslM: 100 } };
    const wire = missionToWire(mission, { autopilot: 'ardupilot' });
    expect(wire.map((i) => [i.seq, i.command, i.missionType])).toEqual([[0, 16, 0], [1, 16, 0], [2, 16, 0]]);
    expect(wire[0]).toMatchObject({ frame: 0, x: 1, y: 2, z: 100, current: 0 });
    expect(missionFromWire(wire, { autopilot: 'ardupilot' })).toEqual(mission);
  });

  it('PX4: no home item', () => {
    const mission = { items: [wp(1, 2, 30)] };
    const wire = missionToWire(mission, { autopilot: 'px4' });
    expect(wire).toHaveLength(1);
    expect(missionFromWire(wire, { autopilot: 'px4' })).toEqual(mission);
  });

  it('an all-zero ArduPilot home means no home', () => {
    const wire = missionToWire({ items: [wp(1, 2, 3)] }, { autopilot: 'ardupilot' });
    expect(missionFromWire(wire, { autopilot: 'ardupilot' }).plannedHome).toBeUndefined();
  });

  it('fence: polygons carry their vertex count in param1, circles their radius', () => {
    const fence: Fence = {
      polygons: [
        { inclusion: true, vertices: [{ lat: 1, lon: 1 }, { lat: 1, lon: 2 }, { lat: 2, lon: 2 }] },
        { inclusion: false, vertices: [{ lat: 1.2, lon: 1.2 }, { lat: 1.2, lon: 1.4 }, { lat: 1.4, lon: 1.4 }, { lat: 1.4, lon: 1.2 }] },
      ],
      circles: [{ inclusion: true, center: { lat: 1.5, lon: 1.5 }, radiusM: 500 }],
    };
    const wire = fenceToWire(fence);
    expect(wire.map((i) => [i.command, i.param1])).toEqual([
      [5001, 3], [5001, 3], [5001, 3], [5002, 4], [5002, 4], [5002, 4], [5002, 4], [5003, 500],
    ]);
    expect(wire.every((i) => i.missionType === 1)).toBe(true);
    expect(fenceFromWire(wire)).toEqual({ fence, skipped: [] });
  });

  it('fence: a polygon whose vertex count does not fit is an error, not a guess', () => {
    const wire = fenceToWire({ polygons: [{ inclusion: true, vertices: [{ lat: 1, lon: 1 }, { lat: 1, lon: 2 }, { lat: 2, lon: 2 }] }], circles: [] });
    expect(() => fenceFromWire(wire.slice(0, 2))).toThrow(PlanFileError);
    const mixed = wire.map((i, k) => (k === 1 ? { ...i, command: 5002 } : i));
    expect(() => fenceFromWire(mixed)).toThrow(/Fence item 1/);
  });

  it('rally points', () => {
    const points = [{ lat: 1, lon: 2, altM: 50 }];
    const wire = rallyToWire(points);
    expect(wire[0]).toMatchObject({ command: 5100, frame: 3, missionType: 2, seq: 0 });
    expect(rallyFromWire(wire)).toEqual({ points, skipped: [] });
  });
});

describe('planToWire', () => {
  it('gives the three lists of a plan', async () => {
    const { planToWire } = await import('../../shared/plan');
    const lists = planToWire(
      { mission: { items: [wp(1, 2, 3)] }, fence: { polygons: [], circles: [{ inclusion: true, center: { lat: 1, lon: 2 }, radiusM: 9 }] }, rally: { points: [] } },
      { autopilot: 'px4' },
    );
    expect([lists.mission.length, lists.fence.length, lists.rally.length]).toEqual([1, 1, 0]);
  });
});
