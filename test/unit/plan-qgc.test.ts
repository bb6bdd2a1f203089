import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missionToWire, parseQgcPlan, PlanFileError, writeQgcPlan, type Plan } from '../../shared/plan';

const dir = join(__dirname, '..', 'fixtures', 'plan');
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');

function rejection(text: string): PlanFileError {
  try {
    parseQgcPlan(text);
  } catch (err) {
    expect(err).toBeInstanceOf(PlanFileError);
    return err as PlanFileError;
  }
  throw new Error('expected the plan to be rejected');
}

describe('QGC .plan fixtures', () => {
  it('reads the MAVSDK sample: items as MAVSDK imports them', () => {
    const plan = parseQgcPlan(read('mavsdk-qgroundcontrol_sample.plan'));
    const items = plan.mission.items;
    expect(items).toHaveLength(6);
    expect(items.map((i) => i.command)).toEqual([22, 16, 2000, 16, 16, 20]);
    expect(items[0]).toMatchObject({ frame: 3, param1: 15, x: 47.3977507, y: 8.5456075, z: 50, autocontinue: 1 });
    expect(items[0].param4).toBeNaN();
    expect(items[2]).toMatchObject({ frame: 2, param3: 1, x: 0, y: 0, z: 0 });
    expect(plan.mission.plannedHome).toEqual({ lat: 47.3977507, lon: 8.5456075, altMslM: 488.93101752001763 });
    expect(plan.mission).toMatchObject({ vehicleType: 2, firmwareType: 12, cruiseSpeedMps: 15, hoverSpeedMps: 5 });
    expect(plan.fence).toEqual({ polygons: [], circles: [] });
    expect(plan.rally.points).toEqual([]);
  });

  it('gives PX4 the items as they are and ArduPilot a home item first', () => {
    const plan = parseQgcPlan(read('mavsdk-qgroundcontrol_sample.plan'));
    const px4 = missionToWire(plan.mission, { autopilot: 'px4' });
    expect(px4.map((i) => i.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(px4[1]).toMatchObject({ command: 16, x: 47.39777106, y: 8.5466122, missionType: 0 });
    const ap = missionToWire(plan.mission, { autopilot: 'ardupilot' });
    expect(ap).toHaveLength(7);
    expect(ap[0]).toMatchObject({ seq: 0, command: 16, frame: 0, x: 47.3977507, y: 8.5456075, z: 488.93101752001763 });
    expect(ap[1]).toMatchObject({ seq: 1, command: 22, param1: 15 });
  });

  it('flattens a survey into its generated items and keeps the complex item', () => {
    const text = read('mavsdk-qgroundcontrol_sample_with_survey.plan');
    const plan = parseQgcPlan(text);
    expect(plan.mission.items).toHaveLength(13);
    expect(plan.mission.items[0]).toMatchObject({ command: 530, frame: 2, param1: 0, param2: 2 });
    expect(plan.mission.items[0].z).toBeNaN();
    expect(plan.mission.items[1]).toMatchObject({ command: 16, x: 47.397705960554916, y: 8.546339694155481, z: 50 });
    expect(plan.mission.items[12]).toMatchObject({ command: 206, param1: 0, param3: 1 });
    expect(plan.complexItems).toHaveLength(1);
    expect(plan.complexItems![0]).toMatchObject({ index: 1, itemCount: 12, complexItemType: 'survey' });

    const original = JSON.parse(text).mission.items[1];
    const written = JSON.parse(writeQgcPlan(plan));
    expect(written.mission.items).toHaveLength(2);
    expect(written.mission.items[1]).toEqual(original);
    expect(parseQgcPlan(writeQgcPlan(plan))).toEqual(plan);
  });

  it('writes a survey as plain items once its items were edited', () => {
    const plan = parseQgcPlan(read('mavsdk-qgroundcontrol_sample_with_survey.plan'));
    plan.mission.items[3] = { ...plan.mission.items[3], z: 80 };
    const written = JSON.parse(writeQgcPlan(plan));
    expect(written.mission.items).toHaveLength(13);
    expect(written.mission.items.every((i: { type: string }) => i.type === 'SimpleItem')).toBe(true);
    expect(parseQgcPlan(writeQgcPlan(plan)).mission.items).toEqual(plan.mission.items);
  });

  it('reads the QGC geofence file: an inclusion and an exclusion polygon', () => {
    const plan = parseQgcPlan(read('qgc-ce_geofence_home_base.plan'));
    expect(plan.mission.items).toEqual([]);
    expect(plan.fence.polygons).toHaveLength(2);
    expect(plan.fence.polygons.map((p) => [p.inclusion, p.vertices.length])).toEqual([
      [true, 4],
      [false, 4],
    ]);
    expect(plan.fence.polygons[0].vertices[0]).toEqual({ lat: 38.7507608625056, lon: -77.49735908548331 });
    expect(plan.mission.plannedHome).toEqual({ lat: 38.75084010396389, lon: -77.49721463637287, altMslM: 30 });
  });

  it('reads the simple square', () => {
    const plan = parseQgcPlan(read('qgc-simple_square.plan'));
    expect(plan.mission.items).toHaveLength(5);
    expect(plan.mission.items[4]).toMatchObject({ command: 16, x: 47.396742, y: 8.546594, z: 20 });
  });

  it('rejects a file without a mission, naming the section', () => {
    const err = rejection(read('mavsdk-qgroundcontrol_sample_without_mission.plan'));
    expect(err.code).toBe('plan_missing_section');
    expect(err.userMessage.en).toContain('"mission"');
    expect(err.userMessage.zh).toContain('mission');
  });

  it('rejects a plan of an unknown overall version, naming the version', () => {
    const err = rejection(read('mavsdk-qgroundcontrol_sample_wrong_overall_version.plan'));
    expect(err.code).toBe('plan_unsupported_version');
    expect(err.userMessage.en).toContain('42');
    expect(err.toValue()).toEqual({ code: 'plan_unsupported_version', message: err.userMessage });
  });

  it('rejects other files with a clear code', () => {
    expect(rejection('not json').code).toBe('plan_not_json');
    expect(rejection('[]').code).toBe('plan_wrong_file_type');
    expect(rejection('{"fileType":"GeoFence","version":1}').userMessage.en).toContain('GeoFence');
    const base = JSON.parse(read('qgc-simple_square.plan'));
    base.mission.version = 1;
    expect(rejection(JSON.stringify(base)).userMessage.en).toContain('"mission" section');
    const bad = JSON.parse(read('qgc-simple_square.plan'));
    bad.mission.items[2].params = [0, 0, 0];
    expect(rejection(JSON.stringify(bad)).userMessage.en).toContain('mission.items[2].params');
    const scan = JSON.parse(read('qgc-simple_square.plan'));
    scan.mission.items.push({ type: 'ComplexItem', complexItemType: 'StructureScan', version: 3 });
    expect(rejection(JSON.stringify(scan)).code).toBe('plan_complex_item_unsupported');
  });

  it('round-trips every readable fixture exactly', () => {
    for (const name of ['mavsdk-qgroundcontrol_sample.plan', 'mavsdk-qgroundcontrol_sample_with_survey.plan', 'qgc-ce_geofence_home_base.plan', 'qgc-simple_square.plan']) {
      const plan = parseQgcPlan(read(name));
      expect(parseQgcPlan(writeQgcPlan(plan)), name).toEqual(plan);
    }
  });

  it('writes circles, a breach return point and rally points, and reads them back', () => {
    const plan: Plan = {
      mission: { items: [], plannedHome: { lat: 22.5, lon: 114.05, altMslM: 12 }, firmwareType: 3 },
      fence: {
        polygons: [{ inclusion: true, vertices: [{ lat: 22.5, lon: 114 }, { lat: 22.6, lon: 114 }, { lat: 22.6, lon: 114.1 }] }],
        circles: [{ inclusion: false, center: { lat: 22.55, lon: 114.05 }, radiusM: 150 }],
        returnPoint: { lat: 22.51, lon: 114.01, altM: 30 },
      },
      rally: { points: [{ lat: 22.52, lon: 114.02, altM: 40 }] },
    };
    const json = JSON.parse(writeQgcPlan(plan));
    expect(json.geoFence.circles[0]).toEqual({ circle: { center: [22.55, 114.05], radius: 150 }, inclusion: false, version: 1 });
    expect(json.rallyPoints).toEqual({ points: [[22.52, 114.02, 40]], version: 2 });
    expect(parseQgcPlan(JSON.stringify(json))).toEqual(plan);
  });
});
