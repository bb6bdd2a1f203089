// The pure parts of the shapes panel: the pattern form's fields and the map's GeoJSON.
import { describe, expect, it } from 'vitest';
import { emptyPlan, planItem } from '../../shared/plan/types';
import { PATTERN_KINDS, defaultSpec, patternSpecSchema, type PatternKind, type PlanShape } from '../../shared/planning';
import { boundsOf } from '../../renderer/views/plan/shapes/draft';
import { fieldsFor, getField, parseNumber, setField } from '../../renderer/views/plan/shapes/patternFields';
import { diffGeoJson, rallyGeoJson, shapesGeoJson } from '../../renderer/views/plan/shapes/shapeLayers';
import { en } from '../../renderer/i18n/en';

const o = { lat: 46.07, lon: 122.09 };
const poly: PlanShape = { id: 'a', kind: 'polygon', points: [o, { lat: 46.072, lon: 122.09 }, { lat: 46.072, lon: 122.094 }], holes: [[{ lat: 46.0705, lon: 122.0905 }, { lat: 46.071, lon: 122.0905 }, { lat: 46.071, lon: 122.091 }]] };
const shapeFor: Record<PatternKind, PlanShape> = {
  parallelTrack: poly, patrolPerimeter: poly, overwatch: poly,
  patrolLine: { id: 'l', kind: 'line', points: [o, { lat: 46.08, lon: 122.1 }] },
  expandingSquare: { id: 'p', kind: 'point', points: [o] }, sectorSearch: { id: 'p', kind: 'point', points: [o] }, creepingLine: { id: 'p', kind: 'point', points: [o] },
};

describe('pattern form fields', () => {
  for (const kind of PATTERN_KINDS) {
    it(`${kind}: every field reads a value of the default spec, within its range, with a label in the dictionary`, () => {
      const spec = defaultSpec(kind, shapeFor[kind], { altM: 60, stations: [] })!;
      for (const f of fieldsFor(spec)) {
        expect(en[f.label]).toBeTruthy();
        const v = getField(spec, f.key);
        if (f.type === 'number' && v !== undefined) {
          expect(v as number).toBeGreaterThanOrEqual(f.min);
          expect(v as number).toBeLessThanOrEqual(f.max);
        }
        if (f.type === 'choice') expect(f.choices.map((c) => c.value)).toContain(String(v));
      }
    });
  }

  it('switching the spacing to the camera gives camera fields and a valid spec', () => {
    const spec = setField(defaultSpec('parallelTrack', poly, { altM: 60, stations: [] })!, 'spacing.mode', 'camera');
    expect(fieldsFor(spec).map((f) => f.key)).toContain('spacing.focalLengthMm');
    expect(patternSpecSchema.safeParse(spec).success).toBe(true);
    const narrower = setField(spec, 'spacing.sideOverlapPct', 60);
    expect(getField(narrower, 'spacing.sideOverlapPct')).toBe(60);
  });

  it('an emptied optional field is removed; a set one is kept', () => {
    const spec = setField(defaultSpec('parallelTrack', poly, { altM: 60, stations: [] })!, 'trackDeg', 45);
    expect(getField(spec, 'trackDeg')).toBe(45);
    expect('trackDeg' in setField(spec, 'trackDeg', undefined)).toBe(false);
  });

  it('typed numbers: out of range, not a number, not whole, blank', () => {
    const laps = fieldsFor(defaultSpec('patrolLine', shapeFor.patrolLine, { altM: 60, stations: [] })!).find((f) => f.key === 'laps')!;
    if (laps.type !== 'number') throw new Error('laps is a number');
    expect(parseNumber('3', laps)).toBe(3);
    expect(parseNumber('2.5', laps)).toBeNaN();
    expect(parseNumber('0', laps)).toBeNaN();
    expect(parseNumber('abc', laps)).toBeNaN();
    expect(parseNumber('', laps)).toBeNaN();
    const speed = fieldsFor(defaultSpec('patrolLine', shapeFor.patrolLine, { altM: 60, stations: [] })!).find((f) => f.key === 'speedMps')!;
    if (speed.type !== 'number') throw new Error('speed is a number');
    expect(parseNumber('  ', speed)).toBeUndefined();
    expect(parseNumber('7,5', speed)).toBe(7.5);
  });
});

describe('shapes on the map', () => {
  it('polygons with holes, lines and points; the selected one is marked', () => {
    const fc = shapesGeoJson([poly, shapeFor.patrolLine, shapeFor.expandingSquare], 'l');
    expect(fc.features.map((f) => [f.geometry.type, f.properties?.selected])).toEqual([['Polygon', false], ['LineString', true], ['Point', false]]);
    const rings = (fc.features[0].geometry as GeoJSON.Polygon).coordinates;
    expect(rings).toHaveLength(2);
    expect(rings[0][0]).toEqual(rings[0][rings[0].length - 1]);
  });

  it('rally points carry their index (for dragging); differing items get a ring where they are', () => {
    expect(rallyGeoJson([{ ...o, altM: 50 }]).features[0].properties).toEqual({ index: 0 });
    const plan = emptyPlan();
    plan.mission.items = [planItem({ frame: 3, command: 16, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: o.lat, y: o.lon, z: 50 })];
    expect(diffGeoJson(plan, [0]).features).toHaveLength(1);
    expect(diffGeoJson(plan, [5]).features).toHaveLength(0);
    expect(diffGeoJson(null, [0]).features).toHaveLength(0);
  });

  it('bounds of imported points', () => {
    expect(boundsOf([o, { lat: 46.1, lon: 122.0 }])).toEqual([[122.0, 46.07], [122.09, 46.1]]);
    expect(boundsOf([])).toBeNull();
  });
});
