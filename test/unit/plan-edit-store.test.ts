// The Plan view's document store: edits are undoable, a drag is one undo step, the dirty flag follows
// the saved document, the selection never points past the plan, and a .plan keeps what the view edits.
import { beforeEach, describe, expect, it } from 'vitest';
import { usePlanStore, UNDO_LIMIT } from '../../renderer/stores/plan';
import { planItem } from '../../shared/plan/types';
import { CHECK_RULES, readPlanDoc, writePlanDoc, type PlanDoc } from '../../shared/planning';

const wp = (lat: number, lon: number) => planItem({ frame: 3, command: 16, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: NaN, x: lat, y: lon, z: 50 });
const addWp = (lat: number, lon: number) => (d: PlanDoc): PlanDoc => ({ ...d, plan: { ...d.plan, mission: { ...d.plan.mission, items: [...d.plan.mission.items, wp(lat, lon)] } } });
const moveLast = (lat: number) => (d: PlanDoc): PlanDoc => {
  const items = d.plan.mission.items.slice();
  items[items.length - 1] = { ...items[items.length - 1], x: lat };
  return { ...d, plan: { ...d.plan, mission: { ...d.plan.mission, items } } };
};
const s = () => usePlanStore.getState();
const count = () => s().plan?.mission.items.length ?? 0;

describe('plan edit store', () => {
  beforeEach(() => s().newPlan());

  it('undoes and redoes each edit, and a new edit clears redo', () => {
    s().edit('add', addWp(46, 122));
    s().edit('add', addWp(46.1, 122));
    expect(count()).toBe(2);
    s().undo();
    expect(count()).toBe(1);
    s().redo();
    expect(count()).toBe(2);
    s().undo();
    s().edit('add', addWp(47, 122));
    expect(s().future).toHaveLength(0);
    expect(s().plan!.mission.items[1].x).toBe(47);
  });

  it('coalesces a gesture into one undo step', () => {
    s().edit('add', addWp(46, 122));
    for (let k = 1; k <= 50; k++) s().edit('move', moveLast(46 + k / 1000), { gesture: 'drag-0' });
    s().endGesture();
    expect(s().plan!.mission.items[0].x).toBeCloseTo(46.05);
    s().undo();
    expect(s().plan!.mission.items[0].x).toBe(46);
  });

  it('tracks unsaved changes against the saved document, through undo', () => {
    expect(s().dirty).toBe(false);
    s().edit('add', addWp(46, 122));
    expect(s().dirty).toBe(true);
    s().undo();
    expect(s().dirty).toBe(false);
    s().redo();
    s().markSaved('a.plan');
    expect(s().dirty).toBe(false);
    expect(s().fileName).toBe('a.plan');
  });

  it('keeps the selection inside the plan', () => {
    s().edit('add', addWp(46, 122));
    s().edit('add', addWp(46.1, 122));
    s().setSelection([1, 0, 1, 9]);
    expect(s().selection).toEqual([1, 0]);
    expect(s().selectedIndex).toBe(1);
    s().undo();
    expect(s().selection).toEqual([0]);
    s().toggleItem(0);
    expect(s().selectedIndex).toBeNull();
  });

  it('bounds the undo history', () => {
    for (let k = 0; k < UNDO_LIMIT + 20; k++) s().edit('add', addWp(46, 122 + k / 1e4));
    expect(s().past).toHaveLength(UNDO_LIMIT);
  });

  it('a failed open keeps the document on screen', () => {
    s().edit('add', addWp(46, 122));
    s().openText('bad.plan', '{not json');
    expect(s().error).not.toBeNull();
    expect(count()).toBe(1);
  });
});

describe('plan document file', () => {
  it('keeps shapes, settings, aircraft and overrides through save and open, and QGC fields stay plain', () => {
    usePlanStore.getState().newPlan();
    const doc: PlanDoc = {
      ...usePlanStore.getState().doc!,
      shapes: [{ id: 's1', name: '夜市', kind: 'polygon', points: [{ lat: 46, lon: 122 }, { lat: 46.01, lon: 122 }, { lat: 46, lon: 122.01 }] }],
      settings: { takeoffAltM: 25, defaultAltM: 80, defaultSpeedMps: 8, endAction: 'land' },
      aircraft: { name: 'M300', cruiseSpeedMps: 12, enduranceS: 2400, reservePct: 25 },
      // Every rule the checks have can be overridden and saved, the terrain legs' too.
      overrides: [
        { rule: 'too_far', itemIndex: 0, reason: 'Approved by tower', at: '2026-11-29T08:00:00Z' },
        ...CHECK_RULES.map((rule) => ({ rule, reason: `ok ${rule}`, at: '2026-11-29T08:00:00Z' })),
      ],
    };
    const text = writePlanDoc(addWp(46, 122)(doc));
    const back = readPlanDoc(text);
    expect(back.dropped).toEqual([]);
    expect(back.doc.shapes).toEqual(doc.shapes);
    expect(back.doc.settings).toEqual(doc.settings);
    expect(back.doc.aircraft).toEqual(doc.aircraft);
    expect(back.doc.overrides).toEqual(doc.overrides);
    expect(JSON.parse(text).mission.items).toHaveLength(1);
  });

  it('drops a damaged extra with a reason and keeps the items', () => {
    const root = JSON.parse(writePlanDoc({ ...readPlanDoc(writePlanDoc(addWp(46, 122)({ ...usePlanStore.getState().doc! }))).doc }));
    root.policeGcs.settings = { takeoffAltM: 'high' };
    root.policeGcs.shapes = [{ id: 'x', kind: 'polygon', points: [{ lat: 99, lon: 0 }] }];
    const back = readPlanDoc(JSON.stringify(root));
    expect(back.dropped.map((d) => d.id).sort()).toEqual(['mission settings', 'shapes']);
    expect(back.doc.plan.mission.items).toHaveLength(1);
    expect(back.doc.settings.endAction).toBe('rtl');
  });
});
