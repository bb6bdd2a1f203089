import { describe, expect, it } from 'vitest';
import { GRATICULE_STEPS_DEG, MERCATOR_MAX_LAT, graticule, gridValues, localFineGraticule, rankOf } from '../../renderer/map/graticule';

describe('gridValues', () => {
  it('returns exact multiples without floating drift', () => {
    expect(gridValues(0, 0.5, 0.1)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(gridValues(-0.25, 0.25, 0.1)).toEqual([-0.2, -0.1, 0, 0.1, 0.2]);
    expect(gridValues(122.05, 122.3, 0.1)).toEqual([122.1, 122.2, 122.3]);
  });
  it('includes bounds that fall on the grid and no -0', () => {
    const v = gridValues(-10, 10, 10);
    expect(v).toEqual([-10, 0, 10]);
    expect(Object.is(v[1], -0)).toBe(false);
  });
  it('rejects nonsense instead of looping forever', () => {
    expect(gridValues(0, 10, 0)).toEqual([]);
    expect(gridValues(0, 10, -1)).toEqual([]);
    expect(gridValues(0, 10, Number.NaN)).toEqual([]);
    expect(gridValues(10, 0, 1)).toEqual([]);
    expect(gridValues(0, Number.POSITIVE_INFINITY, 1)).toEqual([]);
  });
});

describe('rankOf', () => {
  it('puts each value on the coarsest grid it lies on', () => {
    expect(rankOf(0)).toBe(0);
    expect(rankOf(120)).toBe(0);
    expect(rankOf(-30)).toBe(0);
    expect(rankOf(46)).toBe(1);
    expect(rankOf(122)).toBe(1);
    expect(rankOf(46.1)).toBe(2);
    expect(rankOf(0.3)).toBe(2);
  });
});

describe('graticule', () => {
  const world = graticule();
  const meridians = world.features.filter((f) => f.properties.axis === 'meridian');
  const parallels = world.features.filter((f) => f.properties.axis === 'parallel');

  it('covers the world at the finest step, each line once', () => {
    expect(GRATICULE_STEPS_DEG).toEqual([10, 1, 0.1]);
    expect(meridians).toHaveLength(3601); // -180..180 by 0.1
    expect(parallels).toHaveLength(1701); // -85..85 by 0.1
    const keys = new Set(world.features.map((f) => `${f.properties.axis}:${f.properties.valueDeg}`));
    expect(keys.size).toBe(world.features.length);
  });

  it('ranks lines so each zoom level shows the right density', () => {
    const count = (rank: number) => meridians.filter((f) => f.properties.rank === rank).length;
    expect(count(0)).toBe(37); // every 10 deg, both ends of the world
    expect(count(1)).toBe(361 - 37);
    expect(count(2)).toBe(3601 - 361);
  });

  it('draws straight two-point lines inside Web Mercator latitudes', () => {
    const bad = world.features.filter(
      (f) =>
        f.geometry.coordinates.length !== 2 ||
        f.geometry.coordinates.some(([lon, lat]) => Math.abs(lat) > MERCATOR_MAX_LAT || Math.abs(lon) > 180),
    );
    expect(bad).toEqual([]);
    const m = meridians.find((f) => f.properties.valueDeg === 122.1)!;
    expect(m.geometry.coordinates).toEqual([[122.1, -85], [122.1, 85]]);
    const p = parallels.find((f) => f.properties.valueDeg === 46)!;
    expect(p.properties.rank).toBe(1);
    expect(p.geometry.coordinates).toEqual([[-180, 46], [180, 46]]);
  });

  it('can be limited to a region and clamps to Mercator latitudes', () => {
    const local = graticule({ west: 122, south: 46, east: 122.3, north: 89 });
    const lons = local.features.filter((f) => f.properties.axis === 'meridian').map((f) => f.properties.valueDeg);
    expect(lons).toEqual([122, 122.1, 122.2, 122.3]);
    const lats = local.features.filter((f) => f.properties.axis === 'parallel').map((f) => f.properties.valueDeg);
    expect(lats[0]).toBe(46);
    expect(lats[lats.length - 1]).toBe(85);
    expect(local.features.every((f) => f.geometry.coordinates.every(([, lat]) => lat <= 85))).toBe(true);
  });
});

describe('localFineGraticule', () => {
  it('draws 0.01 degree lines around the view, skipping those on the 0.1 grid', () => {
    const fc = localFineGraticule({ west: 122.05, south: 46.05, east: 122.15, north: 46.1 });
    const lons = fc.features.filter((f) => f.properties.axis === 'meridian').map((f) => f.properties.valueDeg);
    expect(lons[0]).toBe(122.01); // padded by half the span to 122.0 .. 122.2; 122.0 is on the 0.1 grid
    expect(lons).not.toContain(122.1);
    expect(lons).toContain(122.09);
    expect(lons).toContain(122.11);
    expect(lons[lons.length - 1]).toBe(122.19);
    const m = fc.features.find((f) => f.properties.valueDeg === 122.09)!;
    expect(m.geometry.coordinates).toEqual([[122.09, 46.025], [122.09, 46.125]]);
  });
  it('draws nothing for a large or inverted view', () => {
    expect(localFineGraticule({ west: 100, south: 40, east: 130, north: 50 }).features).toEqual([]);
    expect(localFineGraticule({ west: 1, south: 1, east: 0, north: 2 }).features).toEqual([]);
    expect(localFineGraticule({ west: Number.NaN, south: 1, east: 0, north: 2 }).features).toEqual([]);
  });
});
