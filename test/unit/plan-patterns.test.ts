import { detourAround, segmentToPolygonM } from '../../shared/planning/detour';
import { describe, expect, it } from 'vitest';
import { bearingDeg, destinationPoint } from '../../shared/geo/bearing';
import { distanceM } from '../../shared/geo/distance';
import { MAV_CMD } from '../../shared/plan/mav-enums';
import type { LatLon } from '../../shared/plan/types';
import {
  closestOnRing,
  compilePattern,
  generatePath,
  insideRings,
  localFrame,
  parallelTrack,
  patternStats,
  polygonAreaM2,
  type ParallelTrackSpec,
} from '../../shared/planning';

/** A rectangle of w x h metres whose south-west corner is at sw, listed counter-clockwise. */
function rect(sw: LatLon, wM: number, hM: number): LatLon[] {
  const se = destinationPoint(sw, 90, wM);
  const ne = destinationPoint(se, 0, hM);
  const nw = destinationPoint(sw, 0, hM);
  return [sw, se, ne, nw];
}

const turn = (a: number, b: number): number => (((b - a) % 360) + 540) % 360 - 180;

describe('parallel track', () => {
  it('covers a concave polygon with a hole without gaps and never flies a run over the hole', () => {
    const origin = { lat: 22.3, lon: 114.17 };
    const f = localFrame(origin);
    // An L-shaped field 600 x 400 m with a 200 x 200 bite out of the north-east, and a pond inside.
    const outer = [
      { x: 0, y: 0 }, { x: 600, y: 0 }, { x: 600, y: 200 }, { x: 400, y: 200 }, { x: 400, y: 400 }, { x: 0, y: 400 },
    ].map(f.toLatLon);
    const hole = [{ x: 100, y: 100 }, { x: 200, y: 100 }, { x: 200, y: 250 }, { x: 100, y: 250 }].map(f.toLatLon);
    const spacing = 40;
    const spec: ParallelTrackSpec = { kind: 'parallelTrack', altM: 60, polygon: outer, holes: [hole], spacing: { mode: 'direct', spacingM: spacing }, trackDeg: 90 };
    const pts = parallelTrack(spec).map(f.toXY);
    expect(pts.length % 2).toBe(0);
    const runs: Array<[{ x: number; y: number }, { x: number; y: number }]> = [];
    for (let i = 0; i < pts.length; i += 2) runs.push([pts[i], pts[i + 1]]);
    const outerXY = outer.map(f.toXY);
    const holeXY = hole.map(f.toXY);
    for (const [a, b] of runs) {
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      expect(insideRings(mid, [outerXY, holeXY])).toBe(true);
    }
    // Every point of the area is within half a spacing (plus a little) of a run: no coverage gaps.
    let worst = 0;
    for (let x = 2; x < 600; x += 7) {
      for (let y = 2; y < 400; y += 7) {
        const p = { x, y };
        if (!insideRings(p, [outerXY, holeXY])) continue;
        const d = Math.min(...runs.map(([a, b]) => closestOnRing(p, [a, b]).distM));
        worst = Math.max(worst, d);
      }
    }
    expect(worst).toBeLessThanOrEqual(spacing / 2 + 1);
  });

  it('is true to scale at 53 N: 10 lanes of 1 km over a 1 km square at 100 m spacing', () => {
    const sq = rect({ lat: 53.0, lon: -1.5 }, 1000, 1000);
    expect(polygonAreaM2(sq) / 1e6).toBeCloseTo(1, 2);
    const pts = parallelTrack({ kind: 'parallelTrack', altM: 50, polygon: sq, holes: [], spacing: { mode: 'direct', spacingM: 100 }, trackDeg: 0 });
    expect(pts).toHaveLength(20);
    for (let i = 0; i < pts.length; i += 2) expect(distanceM(pts[i], pts[i + 1])).toBeCloseTo(1000, -1);
    // Neighbouring lanes 100 m apart east-west, measured on the sphere.
    expect(distanceM(pts[0], { lat: pts[0].lat, lon: pts[2].lon })).toBeCloseTo(100, 0);
  });

  it('picks the direction with the fewest turns: along a long thin strip', () => {
    const strip = rect({ lat: 22.3, lon: 114.17 }, 2000, 200);
    const pts = parallelTrack({ kind: 'parallelTrack', altM: 50, polygon: strip, holes: [], spacing: { mode: 'direct', spacingM: 50 } });
    expect(pts).toHaveLength(8);
    expect(Math.abs(turn(bearingDeg(pts[0], pts[1]), 90)) % 180).toBeLessThan(2);
  });

  it('spaces lanes from the camera footprint and side overlap', () => {
    // 100 m altitude, 13.2 mm sensor, 8.8 mm lens: footprint 150 m; 60 % overlap leaves 60 m.
    const sq = rect({ lat: 22.3, lon: 114.17 }, 600, 600);
    const pts = parallelTrack({
      kind: 'parallelTrack', altM: 100, polygon: sq, holes: [], trackDeg: 0,
      spacing: { mode: 'camera', sensorWidthMm: 13.2, focalLengthMm: 8.8, sideOverlapPct: 60 },
    });
    expect(pts).toHaveLength(20);
    expect(distanceM(pts[0], { lat: pts[0].lat, lon: pts[2].lon })).toBeCloseTo(60, 0);
  });
});

describe('IAMSAR patterns', () => {
  const datum = { lat: 22.28, lon: 114.16 };

  it('expanding square: legs S, S, 2S, 2S, 3S ... each turned 90 degrees right', () => {
    const pts = generatePath({ kind: 'expandingSquare', altM: 40, datum, firstLegDeg: 0, spacingM: 100, legs: 8 }).points;
    expect(pts).toHaveLength(9);
    const want = [100, 100, 200, 200, 300, 300, 400, 400];
    for (let i = 0; i < 8; i++) {
      expect(distanceM(pts[i], pts[i + 1])).toBeCloseTo(want[i], 0);
      expect(Math.abs(turn(bearingDeg(pts[i], pts[i + 1]), 90 * i))).toBeLessThan(0.5);
    }
  });

  it('sector search: nine legs of R turning 120 right, back through the datum; a second pass is turned 30', () => {
    const pts = generatePath({ kind: 'sectorSearch', altM: 40, datum, firstLegDeg: 10, radiusM: 500, passes: 2 }).points;
    expect(pts).toHaveLength(1 + 18);
    for (let i = 0; i < 18; i++) expect(distanceM(pts[i], pts[i + 1])).toBeCloseTo(500, -1);
    for (let i = 1; i < 9; i++) {
      const t = turn(bearingDeg(pts[i - 1], pts[i]), bearingDeg(pts[i], pts[i + 1]));
      // At the datum the track goes straight on; elsewhere it turns 120 right.
      expect(Math.abs(t - (i % 3 === 0 ? 0 : 120))).toBeLessThan(1);
    }
    for (const k of [3, 6, 9, 12, 15, 18]) expect(distanceM(pts[k], datum)).toBeLessThan(0.01);
    expect(Math.abs(turn(bearingDeg(datum, pts[10]), 40))).toBeLessThan(0.5);
  });

  it('creeping line: legs across the major axis, advancing by the spacing', () => {
    const pts = generatePath({ kind: 'creepingLine', altM: 40, start: datum, creepDeg: 0, legLengthM: 800, spacingM: 100, legs: 4, firstTurn: 'right' }).points;
    expect(pts).toHaveLength(8);
    expect(distanceM(pts[0], pts[1])).toBeCloseTo(800, -1);
    expect(Math.abs(turn(bearingDeg(pts[0], pts[1]), 90))).toBeLessThan(0.5);
    expect(distanceM(pts[1], pts[2])).toBeCloseTo(100, 0);
    expect(Math.abs(turn(bearingDeg(pts[2], pts[3]), 270))).toBeLessThan(0.5);
  });
});

describe('patrols and overwatch', () => {
  const sq = rect({ lat: 22.3, lon: 114.17 }, 300, 300);

  it('perimeter outset by 30 m runs 30 m outside every edge, in the chosen direction, laps by DO_JUMP', () => {
    const spec = { kind: 'patrolPerimeter' as const, altM: 50, polygon: sq, offsetM: 30, direction: 'cw' as const, laps: 3, lapMode: 'doJump' as const };
    const path = generatePath(spec);
    const f = localFrame(sq[0]);
    for (const p of path.points.slice(0, -1)) expect(closestOnRing(f.toXY(p), sq.map(f.toXY)).distM).toBeCloseTo(30 * Math.SQRT2, 0);
    // Clockwise: heading turns right between legs.
    const pts = path.points;
    expect(turn(bearingDeg(pts[0], pts[1]), bearingDeg(pts[1], pts[2]))).toBeCloseTo(90, 0);
    const items = compilePattern(spec, { firstSeq: 1 });
    const jump = items[items.length - 1];
    expect(jump.command).toBe(MAV_CMD.DO_JUMP);
    expect(jump.param1).toBe(1);
    expect(jump.param2).toBe(2);
    const repeated = compilePattern({ ...spec, lapMode: 'repeat' }, { firstSeq: 1 });
    expect(repeated.filter((i) => i.command === MAV_CMD.NAV_WAYPOINT)).toHaveLength(15);
    const stats = patternStats(spec, 10);
    expect(stats.trackM).toBeCloseTo(3 * 4 * 360, -1);
    expect(stats.timeS).toBeCloseTo(stats.trackM / 10, 3);
  });

  it('patrol line out and back with ROI sets and then clears the camera target', () => {
    const line = [{ lat: 22.3, lon: 114.17 }, { lat: 22.301, lon: 114.171 }, { lat: 22.302, lon: 114.173 }];
    const items = compilePattern({ kind: 'patrolLine', altM: 50, points: line, laps: 1, lapMode: 'doJump', outAndBack: true, roi: line[1], speedMps: 8 }, { firstSeq: 5 });
    expect(items.map((i) => i.command)).toEqual([
      MAV_CMD.DO_CHANGE_SPEED, MAV_CMD.DO_SET_ROI_LOCATION, 16, 16, 16, 16, MAV_CMD.DO_SET_ROI_NONE,
    ]);
  });

  it('overwatch stations keep the whole orbit the stand-off clear of the crowd, above the minimum altitude', () => {
    const f = localFrame({ lat: 22.3, lon: 114.17 });
    // A concave crowd outline (a market street with a side alley).
    const crowd = [{ x: 0, y: 0 }, { x: 400, y: 0 }, { x: 400, y: 60 }, { x: 220, y: 60 }, { x: 220, y: 200 }, { x: 180, y: 200 }, { x: 180, y: 60 }, { x: 0, y: 60 }].map(f.toLatLon);
    const stations = [{ x: 100, y: 30 }, { x: 300, y: 100 }, { x: 200, y: 260 }].map(f.toLatLon);
    const spec = { kind: 'overwatch' as const, altM: 40, minAltM: 80, crowd, stations, orbitRadiusM: 50, standOffM: 100, timeOnStationS: 300, rotations: 2, lapMode: 'doJump' as const };
    const path = generatePath(spec);
    const crowdXY = crowd.map(f.toXY);
    for (const s of path.points) expect(s.altM).toBe(80);
    for (const s of path.points.filter((p) => p.holdS !== undefined)) {
      const c = f.toXY(s);
      for (let deg = 0; deg < 360; deg += 5) {
        const p = { x: c.x + 50 * Math.cos((deg * Math.PI) / 180), y: c.y + 50 * Math.sin((deg * Math.PI) / 180) };
        expect(insideRings(p, [crowdXY])).toBe(false);
        expect(closestOnRing(p, crowdXY).distM).toBeGreaterThanOrEqual(99.9);
      }
    }
    const items = compilePattern(spec, { firstSeq: 1 });
    expect(items[0].command).toBe(MAV_CMD.DO_SET_ROI_LOCATION);
    expect(items.filter((i) => i.command === MAV_CMD.NAV_LOITER_TIME).map((i) => [i.param1, i.param3])).toEqual([[300, 50], [300, 50], [300, 50]]);
    const jump = items.find((i) => i.command === MAV_CMD.DO_JUMP);
    expect(jump?.param1).toBe(2);
    expect(patternStats(spec, 10).timeS).toBeGreaterThan(6 * 300);
  });

  it('overwatch transit legs go round the crowd, never over it, including the leg back for the next rotation', () => {
    const f = localFrame({ lat: 46.07, lon: 122.09 });
    // A market square 300 x 120 m; stations west and east of it, so the straight leg would cross it.
    const crowdXY = [{ x: 0, y: 0 }, { x: 300, y: 0 }, { x: 300, y: 120 }, { x: 0, y: 120 }];
    const crowd = crowdXY.map(f.toLatLon);
    const stations = [{ x: -200, y: 60 }, { x: 500, y: 60 }].map(f.toLatLon);
    for (const standOffM of [30, 80]) {
      const spec = { kind: 'overwatch' as const, altM: 60, minAltM: 60, crowd, stations, orbitRadiusM: 40, standOffM, timeOnStationS: 60, rotations: 3, lapMode: 'doJump' as const };
      const pts = generatePath(spec).points.map((p) => f.toXY(p));
      expect(pts.length).toBeGreaterThan(2);
      const legs = pts.map((p, i) => [p, pts[(i + 1) % pts.length]] as const);
      for (const [a, b] of legs) expect(segmentToPolygonM(a, b, crowdXY)).toBeGreaterThanOrEqual(standOffM - 0.01);
      // Not a wide loop: there and back, each way at most a few stand-offs longer than going straight through.
      const len = legs.slice(0, -1).reduce((m, [a, b]) => m + Math.hypot(a.x - b.x, a.y - b.y), 0);
      expect(len).toBeLessThan(2 * (700 + 4 * standOffM + 200));
    }
  });

  it('no detour when the straight leg is clear', () => {
    const sq = [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 100 }, { x: 0, y: 100 }];
    expect(detourAround({ x: -50, y: 300 }, { x: 150, y: 300 }, sq, 50)).toEqual([]);
    expect(detourAround({ x: -50, y: 50 }, { x: 150, y: 50 }, sq, 50).length).toBeGreaterThan(0);
  });
});
