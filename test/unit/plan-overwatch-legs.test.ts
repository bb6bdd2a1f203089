// Overwatch transit legs over the crowd are named; legs that go round it are not.
import { describe, expect, it } from 'vitest';
import { destinationPoint } from '../../shared/geo/bearing';
import { overwatchLegsOverCrowd, type OverwatchSpec } from '../../shared/planning';

const o = { lat: 46.07, lon: 122.09 };
const at = (eM: number, nM: number) => destinationPoint(destinationPoint(o, 90, eM), 0, nM);
const crowd = [at(0, 0), at(200, 0), at(200, 100), at(0, 100)];
const base: OverwatchSpec = { kind: 'overwatch', altM: 80, minAltM: 80, crowd, stations: [], orbitRadiusM: 30, standOffM: 40, timeOnStationS: 300, rotations: 1, lapMode: 'doJump' };

describe('overwatchLegsOverCrowd', () => {
  it('a leg from the west side to the east side crosses the market', () => {
    expect(overwatchLegsOverCrowd({ ...base, stations: [at(-150, 50), at(350, 50)] })).toEqual([{ from: 1, to: 2 }]);
  });

  it('stations on the same side: no leg over the crowd', () => {
    expect(overwatchLegsOverCrowd({ ...base, stations: [at(-150, -50), at(-150, 200)] })).toEqual([]);
  });

  it('with a further rotation, the leg back to the first station counts too', () => {
    const legs = overwatchLegsOverCrowd({ ...base, rotations: 2, stations: [at(-150, 180), at(350, 180), at(350, -100)] });
    expect(legs).toEqual([{ from: 3, to: 1 }]);
  });

  it('a leg passing a corner inside the stand-off counts (about 36 m from it, stand-off 40 m)', () => {
    expect(overwatchLegsOverCrowd({ ...base, stations: [at(-100, 102), at(100, 175)] }).length).toBe(1);
  });
});
