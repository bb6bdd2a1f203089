import { describe, expect, it } from 'vitest';
import { elevationLookup, MAX_PROFILE_SAMPLES, terrainProfile } from '../../shared/terrain/profile';

// Ground rises 1 m per 0.0001 degree north from 100 m at 46 N; no data south of 46.
const ground = (lat: number): number | null => (lat < 46 ? null : 100 + (lat - 46) * 10_000);

describe('terrain profile', () => {
  it('samples each leg, keeps the vertices, and finds the lowest clearance', () => {
    const route = [
      { lat: 46.0, lon: 122, altMslM: 200 },
      { lat: 46.01, lon: 122, altMslM: 200 }, // ground 200 here: zero clearance
      { lat: 46.01, lon: 122.01, altMslM: 300 },
    ];
    const p = terrainProfile(route, (lat) => ground(lat), 100);
    expect(p.samples.filter((s) => s.vertex !== undefined).map((s) => s.vertex)).toEqual([0, 1, 2]);
    expect(p.samples[0]).toMatchObject({ distanceM: 0, groundMslM: 100, heightAglM: 100 });
    expect(p.minAgl!.heightAglM).toBeCloseTo(0, 6);
    expect(p.minAgl!.distanceM).toBeCloseTo(p.samples.find((s) => s.vertex === 1)!.distanceM, 6);
    expect(p.maxAgl!.heightAglM).toBeCloseTo(100, 6);
    expect(p.missing).toBe(0);
    // Altitude climbs linearly along the last leg.
    const mid = p.samples.filter((s) => s.distanceM > p.samples.find((x) => x.vertex === 1)!.distanceM);
    expect(mid.every((s, i, a) => i === 0 || s.altMslM >= a[i - 1]!.altMslM)).toBe(true);
  });

  it('counts samples without ground data, and caps very long routes', () => {
    const p = terrainProfile([{ lat: 45.99, lon: 122, altMslM: 100 }, { lat: 46.01, lon: 122, altMslM: 100 }], (lat) => ground(lat), 50);
    expect(p.missing).toBeGreaterThan(10);
    const long = terrainProfile([{ lat: 0, lon: 0, altMslM: 0 }, { lat: 10, lon: 10, altMslM: 0 }], () => 0, 1);
    expect(long.samples.length).toBeLessThanOrEqual(MAX_PROFILE_SAMPLES + 2);
  });

  it('builds a ground function from fetched heights', () => {
    const fn = elevationLookup([{ lat: 46.1, lon: 122.2 }, { lat: 46.2, lon: 122.3 }], [300, null]);
    expect(fn(46.1, 122.2)).toBe(300);
    expect(fn(46.2, 122.3)).toBeNull();
    expect(fn(1, 1)).toBeNull();
  });
});
