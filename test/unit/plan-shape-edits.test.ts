// Shape, fence and rally edits of a PlanDoc: new documents for real changes, the same one otherwise.
import { describe, expect, it } from 'vitest';
import {
  addFenceCircle, addRally, addShapes, emptyPlanDoc, fenceFromShape, moveRally, removeFence, removeRally, removeShape, renameShape, setFenceInclusion, setRallyAlt, type PlanShape,
} from '../../shared/planning';
import { finishDraft, nextId, withoutRepeats, draftGeoJson } from '../../renderer/views/plan/shapes/draft';

const o = { lat: 46.07, lon: 122.09 };
const poly: PlanShape = { id: 'area-1', kind: 'polygon', points: [o, { lat: 46.072, lon: 122.09 }, { lat: 46.072, lon: 122.094 }] };

describe('shape edits', () => {
  it('add, rename (trimmed; blank clears), remove', () => {
    let d = addShapes(emptyPlanDoc(), [poly]);
    d = renameShape(d, 'area-1', '  Night   market  ');
    expect(d.shapes[0].name).toBe('Night market');
    expect(renameShape(d, 'area-1', 'Night market')).toBe(d);
    expect(renameShape(d, 'area-1', '  ').shapes[0].name).toBeUndefined();
    expect(removeShape(d, 'area-1').shapes).toEqual([]);
    expect(removeShape(d, 'nope')).toBe(d);
  });

  it('a polygon becomes a fence; a line does not', () => {
    const d = addShapes(emptyPlanDoc(), [poly, { id: 'l', kind: 'line', points: [o, o] }]);
    const f = fenceFromShape(d, 'area-1', false);
    expect(f.plan.fence.polygons).toEqual([{ inclusion: false, vertices: poly.points }]);
    expect(fenceFromShape(d, 'l', true)).toBe(d);
    const t = setFenceInclusion(f, { kind: 'polygon', index: 0 }, true);
    expect(t.plan.fence.polygons[0].inclusion).toBe(true);
    expect(removeFence(t, { kind: 'polygon', index: 0 }).plan.fence.polygons).toEqual([]);
  });

  it('fence circles need a sane radius', () => {
    const d = addFenceCircle(emptyPlanDoc(), o, 150, false);
    expect(d.plan.fence.circles).toEqual([{ inclusion: false, center: o, radiusM: 150 }]);
    expect(addFenceCircle(d, o, Number.NaN, false)).toBe(d);
    expect(addFenceCircle(d, o, 0, false)).toBe(d);
    expect(setFenceInclusion(d, { kind: 'circle', index: 0 }, true).plan.fence.circles[0].inclusion).toBe(true);
    expect(removeFence(d, { kind: 'circle', index: 3 })).toBe(d);
  });

  it('rally points: 50 m by default, move, altitude, delete', () => {
    let d = addRally(emptyPlanDoc(), o);
    expect(d.plan.rally.points).toEqual([{ ...o, altM: 50 }]);
    d = moveRally(d, 0, { lat: 46.08, lon: 122.1 });
    expect(d.plan.rally.points[0]).toEqual({ lat: 46.08, lon: 122.1, altM: 50 });
    expect(setRallyAlt(d, 0, -5)).toBe(d);
    expect(setRallyAlt(d, 0, 70).plan.rally.points[0].altM).toBe(70);
    expect(removeRally(d, 0).plan.rally.points).toEqual([]);
    expect(addRally(d, { lat: 200, lon: 0 })).toBe(d);
  });
});

describe('drawing drafts', () => {
  it('a double-click leaves a repeated vertex, which finishing drops', () => {
    const pts = [o, { lat: 46.071, lon: 122.09 }, { lat: 46.071, lon: 122.092 }, { lat: 46.071, lon: 122.092 }];
    expect(withoutRepeats(pts)).toHaveLength(3);
    expect(finishDraft('drawPolygon', pts, 'area-1', 'Area 1')).toMatchObject({ kind: 'polygon', points: pts.slice(0, 3) });
  });
  it('too few vertices is no shape', () => {
    expect(finishDraft('drawPolygon', [o, o, o], 'a', 'A')).toBeNull();
    expect(finishDraft('drawLine', [o], 'a', 'A')).toBeNull();
    expect(finishDraft('drawPoint', [o], 'a', 'A')).toMatchObject({ kind: 'point', points: [o] });
  });
  it('ids: the first free one', () => {
    expect(nextId('area', ['area-1', 'area-3'])).toBe('area-2');
  });
  it('the preview closes a polygon through the cursor', () => {
    const fc = draftGeoJson('drawPolygon', [o, { lat: 46.071, lon: 122.09 }], { lat: 46.071, lon: 122.092 });
    expect(fc.features.map((f) => f.properties?.kind)).toEqual(['vertex', 'vertex', 'area']);
  });
});

describe('drawing previews', () => {
  it('a fence circle being placed: centre and ring; a pattern preview is one dashed line', async () => {
    const { circleDraftGeoJson, patternPreviewGeoJson } = await import('../../renderer/views/plan/shapes/draft');
    expect(circleDraftGeoJson(o, 100).features.map((f) => f.geometry.type)).toEqual(['Point', 'Polygon']);
    expect(patternPreviewGeoJson([o, { lat: 46.08, lon: 122.1 }]).features[0].geometry.type).toBe('LineString');
    expect(patternPreviewGeoJson(null).features).toEqual([]);
  });
});
