import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseQgcPlan,
  parseWpl,
  parseWplPlan,
  PlanFileError,
  writeWpl,
  writeWplFence,
  writeWplMission,
  writeWplRally,
} from '../../shared/plan';

const dir = join(__dirname, '..', 'fixtures', 'wpl');
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
const ALL = [
  'ap-MISSION_CHECKSUM-empty.txt',
  'ap-copter_loiterturns_mission.txt',
  'ap-single_home_circle.txt',
  'dronekit-mpmission.txt',
  'mavproxy-cmac-foamy-fence.txt',
  'mavproxy-cmac-foamy-rally.txt',
  'qgc-MissionPlanner.waypoints',
];

function rejection(text: string): PlanFileError {
  try {
    parseWplPlan(text);
  } catch (err) {
    expect(err).toBeInstanceOf(PlanFileError);
    return err as PlanFileError;
  }
  throw new Error('expected the file to be rejected');
}

describe('WPL fixtures', () => {
  it('reads an empty mission (header only)', () => {
    const r = parseWplPlan(read('ap-MISSION_CHECKSUM-empty.txt'));
    expect(r.kind).toBe('mission');
    expect(r.plan.mission.items).toEqual([]);
    expect(r.plan.mission.plannedHome).toBeUndefined();
  });

  it('reads the ArduPilot loiter-turns mission (CRLF), home first', () => {
    const raw = parseWpl(read('ap-copter_loiterturns_mission.txt'));
    expect(raw.items).toHaveLength(6);
    const r = parseWplPlan(read('ap-copter_loiterturns_mission.txt'));
    expect(r.plan.mission.plannedHome).toEqual({ lat: -35.363262, lon: 149.165237, altMslM: 584.059998 });
    const items = r.plan.mission.items;
    expect(items.map((i) => i.command)).toEqual([22, 18, 18, 18, 21]);
    expect(items[2]).toMatchObject({ frame: 3, param1: 2, param3: 5, x: -35.3624998, y: 149.165124, z: 25 });
  });

  it('reads the dronekit and Mission Planner missions', () => {
    const dk = parseWplPlan(read('dronekit-mpmission.txt')).plan.mission;
    expect(dk.items).toHaveLength(6);
    expect(dk.items[0]).toMatchObject({ command: 22, frame: 0, x: -35.361988, y: 149.163753, z: 100 });
    const mp = parseWplPlan(read('qgc-MissionPlanner.waypoints')).plan.mission;
    expect(mp.plannedHome).toEqual({ lat: 47.660459, lon: -122.103167, altMslM: 5.21 });
    expect(mp.items).toHaveLength(5);
    expect(mp.items[0]).toMatchObject({ command: 16, frame: 3, x: 47.661298, y: -122.103274, z: 100 });
  });

  it('reads a fence list and counts a fence command it does not know', () => {
    const r = parseWplPlan(read('ap-single_home_circle.txt'));
    expect(r.kind).toBe('fence');
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]).toMatchObject({ command: 5005, param1: 50 });
  });

  it("reads MAVProxy's older fence and rally files", () => {
    const fence = parseWplPlan(read('mavproxy-cmac-foamy-fence.txt'));
    expect(fence.kind).toBe('fence');
    expect(fence.plan.fence.returnPoint).toEqual({ lat: -35.36372, lon: 149.163651, altM: 0 });
    expect(fence.plan.fence.polygons).toHaveLength(1);
    expect(fence.plan.fence.polygons[0].vertices).toHaveLength(4); // the closing point is not a vertex
    expect(fence.plan.fence.polygons[0].vertices[0]).toEqual({ lat: -35.358795, lon: 149.164734 });
    const rally = parseWplPlan(read('mavproxy-cmac-foamy-rally.txt'));
    expect(rally.kind).toBe('rally');
    expect(rally.plan.rally.points).toEqual([{ lat: -35.36316, lon: 149.164101, altM: 60 }]);
  });

  it('round-trips every fixture: raw items and the plan', () => {
    for (const name of ALL) {
      const text = read(name);
      const r = parseWplPlan(text);
      const again = r.kind === 'fence' ? writeWplFence(r.plan) : r.kind === 'rally' ? writeWplRally(r.plan) : writeWplMission(r.plan);
      const back = parseWplPlan(again, { expect: r.kind });
      expect(back.kind, name).toBe(r.kind);
      expect(back.plan, name).toEqual(r.plan);
      if (!text.startsWith('QGC WPL')) continue;
      const raw = parseWpl(text);
      expect(parseWpl(writeWpl(raw.items)).items, name).toEqual(raw.items);
    }
  });

  it('writes fence polygons and circles, rally points, as MAVProxy does', () => {
    const plan = parseWplPlan(read('mavproxy-cmac-foamy-fence.txt')).plan;
    plan.fence.circles.push({ inclusion: false, center: { lat: -35.36, lon: 149.16 }, radiusM: 25.5 });
    const text = writeWplFence(plan);
    const raw = parseWpl(text);
    expect(raw.kind).toBe('fence');
    expect(raw.items.map((i) => i.command)).toEqual([5000, 5001, 5001, 5001, 5001, 5004]);
    expect(raw.items[1].param1).toBe(4);
    expect(raw.items[5].param1).toBe(25.5);
    expect(parseWplPlan(text).plan.fence).toEqual(plan.fence);
  });

  it('carries a QGC plan through WPL with the same items', () => {
    const plan = parseQgcPlan(readFileSync(join(__dirname, '..', 'fixtures', 'plan', 'mavsdk-qgroundcontrol_sample.plan'), 'utf8'));
    const back = parseWplPlan(writeWplMission(plan)).plan.mission;
    expect(back.items).toEqual(plan.mission.items);
    expect(back.plannedHome).toEqual(plan.mission.plannedHome);
    expect(writeWplMission(plan)).toContain('\tnan\t');
  });

  it('tolerates CRLF, spaces, trailing blanks, blank lines and a BOM', () => {
    const base = parseWplPlan(read('qgc-MissionPlanner.waypoints'));
    const messy = `\uFEFF${read('qgc-MissionPlanner.waypoints')
      .split('\n')
      .map((l) => `${l.replace(/\t/g, '   ')}  `)
      .join('\r\n\r\n')}\r\n\r\n`;
    expect(parseWplPlan(messy)).toEqual(base);
  });

  it('rejects malformed lines naming the line number', () => {
    const lines = read('qgc-MissionPlanner.waypoints').split('\n');
    lines[3] = lines[3].replace('47.661030', '47.66x');
    const err = rejection(lines.join('\n'));
    expect(err.code).toBe('wpl_bad_line');
    expect(err.line).toBe(4);
    expect(err.userMessage.en).toMatch(/^Line 4:/);
    expect(err.userMessage.zh).toMatch(/^第 4 行/);
    const short = read('qgc-MissionPlanner.waypoints').split('\n');
    short[2] = '1\t0\t3\t16';
    expect(rejection(short.join('\n')).line).toBe(3);
    expect(rejection('QGC WPL 110\n0\t1\t0\t16\t0\t0\t0\t0\t1\t2\t1e999\t1\n').line).toBe(2);
  });

  it('reads an empty file as the kind the caller loads, and refuses a file of another kind', () => {
    expect(parseWplPlan('QGC WPL 110\n', { expect: 'fence' }).kind).toBe('fence');
    expect(() => parseWplPlan(read('dronekit-mpmission.txt'), { expect: 'fence' })).toThrow(/mission file, not a geofence file/);
    expect(() => parseWplPlan(read('mavproxy-cmac-foamy-rally.txt'), { expect: 'mission' })).toThrow(PlanFileError);
    expect(parseWplPlan(read('mavproxy-cmac-foamy-rally.txt'), { expect: 'rally' }).plan.rally.points).toHaveLength(1);
  });

  it('rejects a wrong header or version', () => {
    expect(rejection('hello\n').code).toBe('wpl_bad_header');
    expect(rejection('QGC WPL 120\n').userMessage.en).toContain('120');
    expect(rejection('').code).toBe('wpl_bad_header');
    expect(rejection('RALLY 1 2\n').code).toBe('wpl_bad_line');
    expect(rejection('1 2\n3 4\n5 6\n').code).toBe('wpl_bad_line'); // return point + 2 vertices
  });
});
