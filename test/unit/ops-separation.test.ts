import { describe, expect, it } from 'vitest';
import { checkAltitudeBlocks, checkPair, DEFAULT_SEPARATION, type Kinematics } from '../../electron/core/traffic';
import type { AltitudeBlock } from '../../shared/contract/ops-types';

const HOME = { lat: 46.0726, lon: 122.0933 };
const M_PER_DEG_LAT = 111_320;
const heli = DEFAULT_SEPARATION.byClass.helicopter;
const settings = DEFAULT_SEPARATION;
const NOW = 1_000_000;

/** A point `north`/`east` metres from HOME. */
function at(northM: number, eastM: number, altMslM: number | null, headingDeg = 0, speedMps = 0, climbMps = 0, tMs = NOW): Kinematics {
  return {
    lat: HOME.lat + northM / M_PER_DEG_LAT,
    lon: HOME.lon + eastM / (M_PER_DEG_LAT * Math.cos((HOME.lat * Math.PI) / 180)),
    altMslM,
    headingDeg,
    groundSpeedMps: speedMps,
    climbMps,
    tMs,
  };
}

describe('separation: predicted conflicts from both velocities', () => {
  it('head-on: drone north at 10 m/s, helicopter coming south at 50 m/s from 3 km, same altitude', () => {
    const r = checkPair(at(0, 0, 400, 0, 10), at(3000, 0, 400, 180, 50), heli, settings, NOW);
    expect(r.violation).toBe(false);
    expect(r.predicted).toBe(true);
    expect(r.encounter).toBe('headOn');
    // Closing at 60 m/s, the 300 m ring is reached after (3000-300)/60 = 45 s.
    expect(r.timeToConflictS).toBeCloseTo(45, 3);
    expect(r.horizontalM).toBeCloseTo(3000, -1);
  });

  it('head-on beyond the look-ahead is not yet a conflict', () => {
    const r = checkPair(at(0, 0, 400, 0, 10), at(6000, 0, 400, 180, 50), heli, settings, NOW);
    expect(r.predicted).toBe(false);
  });

  it('crossing: helicopter from the west crossing the drone track ahead of it', () => {
    // Drone at 10 m/s north reaches (200 N) in 20 s; helicopter 1000 m west of that point at 50 m/s east.
    const r = checkPair(at(0, 0, 400, 0, 10), at(200, -1000, 420, 90, 50), heli, settings, NOW);
    expect(r.encounter).toBe('crossing');
    expect(r.predicted).toBe(true);
    expect(r.timeToConflictS).toBeGreaterThan(10);
    expect(r.timeToConflictS).toBeLessThan(20);
  });

  it('crossing that passes well behind is clear', () => {
    const r = checkPair(at(0, 0, 400, 0, 10), at(-2000, -1000, 400, 90, 50), heli, settings, NOW);
    expect(r.encounter).toBe('crossing');
    expect(r.predicted).toBe(false);
  });

  it('overtaking: faster helicopter behind on the same track', () => {
    const r = checkPair(at(0, 0, 400, 90, 10), at(0, -1500, 400, 90, 40), heli, settings, NOW);
    expect(r.encounter).toBe('overtaking');
    expect(r.predicted).toBe(true);
    expect(r.timeToConflictS).toBeCloseTo((1500 - 300) / 30, 3);
  });

  it('vertical-only: helicopter overhead descending onto a hovering drone', () => {
    const above = at(50, 0, 600, 0, 0, -5);
    const r = checkPair(at(0, 0, 400), above, heli, settings, NOW);
    expect(r.violation).toBe(false);
    expect(r.encounter).toBe('vertical');
    // 200 m apart vertically, closing at 5 m/s: inside 60 m after (200-60)/5 = 28 s.
    expect(r.timeToConflictS).toBeCloseTo(28, 3);
    // Level flight at the same spot 200 m above: no conflict, ever.
    expect(checkPair(at(0, 0, 400), at(50, 0, 600), heli, settings, NOW).predicted).toBe(false);
  });

  it('violation now: inside both minima', () => {
    const r = checkPair(at(0, 0, 400), at(100, 100, 430), heli, settings, NOW);
    expect(r.violation).toBe(true);
    expect(r.timeToConflictS).toBe(0);
    expect(r.verticalM).toBeCloseTo(30, 6);
  });

  it('unknown altitude (radio report without one) is judged horizontally', () => {
    expect(checkPair(at(0, 0, 400), at(100, 0, null), heli, settings, NOW).violation).toBe(true);
  });

  it('a fresh track is projected to now along its velocity', () => {
    // Reported 5 s ago 1000 m north flying south at 50 m/s: now 750 m north, not 1000.
    const r = checkPair(at(0, 0, 400), at(1000, 0, 400, 180, 50, 0, NOW - 5000), heli, settings, NOW);
    expect(r.stale).toBe(false);
    expect(r.horizontalM).toBeCloseTo(750, 0);
  });

  it('stale: a silent track is held at its last position and flagged, not projected', () => {
    const r = checkPair(at(0, 0, 400), at(1000, 0, 400, 180, 50, 0, NOW - 20_000), heli, settings, NOW);
    expect(r.stale).toBe(true);
    expect(r.horizontalM).toBeCloseTo(1000, 0);
    expect(r.predicted).toBe(false);
    const close = checkPair(at(0, 0, 400), at(200, 0, 400, 180, 50, 0, NOW - 20_000), heli, settings, NOW);
    expect(close).toMatchObject({ violation: true, stale: true });
  });

  it('thresholds by class: 500 m away is a conflict with a fixed-wing, not with a helicopter', () => {
    expect(checkPair(at(0, 0, 400), at(500, 0, 400), heli, settings, NOW).violation).toBe(false);
    expect(checkPair(at(0, 0, 400), at(500, 0, 400), DEFAULT_SEPARATION.byClass.fixedwing, settings, NOW).violation).toBe(true);
  });
});

describe('altitude blocks', () => {
  const blocks: AltitudeBlock[] = [
    { id: 'b1', appliesTo: 'drones', label: 'drones <= 100 m', minAltM: null, maxAltM: 100, datum: 'rel' },
    { id: 'b2', appliesTo: 'manned', label: 'helicopter >= 200 m', minAltM: 200, maxAltM: null, datum: 'rel' },
  ];
  it('tells who left their block and which way, in the block datum', () => {
    const breaches = checkAltitudeBlocks(blocks, [
      { id: '1:1', callsign: 'UAV1', manned: false, altMslM: 400, altRelM: 120 },
      { id: '2:1', callsign: 'UAV2', manned: false, altMslM: 360, altRelM: 80 },
      { id: 'icao:780A1B', callsign: 'B7105', manned: true, altMslM: 280 + 150, altRelM: null },
      { id: 'icao:780A1C', callsign: 'B7106', manned: true, altMslM: 280 + 250, altRelM: null },
    ], 280);
    expect(breaches).toEqual([
      { blockId: 'b1', aircraftId: '1:1', callsign: 'UAV1', altM: 120, side: 'above' },
      { blockId: 'b2', aircraftId: 'icao:780A1B', callsign: 'B7105', altM: 150, side: 'below' },
    ]);
  });

  it('a block for one callsign; unknown altitude or ground is never a breach', () => {
    const one: AltitudeBlock[] = [{ id: 'b3', appliesTo: 'b7105', label: '', minAltM: 500, maxAltM: 700, datum: 'msl' }];
    expect(checkAltitudeBlocks(one, [{ id: 'icao:1', callsign: 'B7105', manned: true, altMslM: 450, altRelM: null }], null)).toHaveLength(1);
    expect(checkAltitudeBlocks(one, [{ id: 'icao:2', callsign: 'B7106', manned: true, altMslM: 450, altRelM: null }], null)).toHaveLength(0);
    expect(checkAltitudeBlocks(blocks, [{ id: 'icao:1', callsign: null, manned: true, altMslM: 300, altRelM: null }], null)).toHaveLength(0);
  });
});
