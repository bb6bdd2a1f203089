import { describe, expect, it } from 'vitest';
import { FOLLOW_EASE_MS, FOLLOW_LONG_EASE_MS, followAction } from '../../renderer/map/follow';
import { trailsToGeoJSON } from '../../renderer/map/trails';

describe('trailsToGeoJSON', () => {
  it('makes one line per vehicle, flags selected and lost, selected drawn last', () => {
    const fc = trailsToGeoJSON(
      { '1:1': [[122, 46], [122.01, 46.01]], '2:1': [[122.1, 46], [122.1, 46.1], [122.2, 46.1]] },
      '1:1',
      new Set(['2:1']),
    );
    expect(fc.features.map((f) => f.properties)).toEqual([
      { key: '2:1', selected: false, linkLost: true },
      { key: '1:1', selected: true, linkLost: false },
    ]);
    expect(fc.features[0].geometry.coordinates).toHaveLength(3);
  });

  it('drops bad points and trails too short to draw', () => {
    const bad = [[Number.NaN, 1], [122, 46], [122, 95], 'x', null, [122.1, 46.1]] as unknown as Array<[number, number]>;
    const fc = trailsToGeoJSON({ a: bad, b: [[1, 1]], c: 'nope' as unknown as Array<[number, number]> }, null, new Set());
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0].geometry.coordinates).toEqual([[122, 46], [122.1, 46.1]]);
  });
});

describe('followAction', () => {
  it('does nothing inside the dead band or while a person moves the map', () => {
    expect(followAction(1, 800, false)).toEqual({ kind: 'none' });
    expect(followAction(300, 800, true)).toEqual({ kind: 'none' });
    expect(followAction(Number.NaN, 800, false)).toEqual({ kind: 'none' });
  });
  it('eases briefly for small moves and longer for big jumps', () => {
    expect(followAction(20, 800, false)).toEqual({ kind: 'ease', durationMs: FOLLOW_EASE_MS });
    expect(followAction(2000, 800, false)).toEqual({ kind: 'ease', durationMs: FOLLOW_LONG_EASE_MS });
  });
});
