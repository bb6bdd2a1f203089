// The editor's glue over the store: an op is one undo step, the selection follows its items, a
// detached pattern and a jump without target are told; the shortcuts map keys to the right actions;
// file names offered for a save are safe.
import { beforeEach, describe, expect, it } from 'vitest';
import { usePlanStore } from '../../renderer/stores/plan';
import { applyOp, deleteSelection, shiftSelection, useEditNotices } from '../../renderer/views/plan/edit/editActions';
import { clearDraft, DRAFT_KEY, DRAFT_MAX_CHARS, planFileName, readDraft, restoreDraft } from '../../renderer/views/plan/edit/planFiles';
import { shortcutFor } from '../../renderer/views/plan/edit/usePlanShortcuts';
import { MAV_CMD } from '../../shared/plan/mav-enums';
import { planItem } from '../../shared/plan/types';
import { addWaypoint, insertPattern, moveItemTo, writePlanDoc, type PlanDoc } from '../../shared/planning';

const s = () => usePlanStore.getState();
const key = (k: string, mods: Partial<Record<'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey', boolean>> = {}) => shortcutFor({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
const commands = () => s().plan!.mission.items.map((i) => i.command);

function addThree(): void {
  for (const [k, lat] of [46, 46.01, 46.02].entries()) applyOp('planEdit.op.add', (d) => addWaypoint(d, { lat, lon: 122 + k / 100 }, null));
}

describe('editor actions', () => {
  beforeEach(() => {
    s().newPlan();
    useEditNotices.getState().set([]);
  });

  it('an op is one undo step and the selection follows the items it moved', () => {
    addThree();
    expect(commands()).toEqual([22, 178, 16, 16, 16, 20]);
    s().setSelection([3]);
    shiftSelection(-1);
    expect(s().selection).toEqual([2]);
    expect(s().plan!.mission.items[2].x).toBe(46.01);
    expect(s().past[s().past.length - 1].label).toBe('Move items up');
    s().undo();
    expect(s().plan!.mission.items[2].x).toBe(46);
    deleteSelection();
    expect(s().selection).toEqual([]);
    expect(commands()).toEqual([22, 178, 16, 16, 20]);
  });

  it('tells the pilot when a pattern becomes plain items', () => {
    s().edit('pattern', (d): PlanDoc => {
      const r = insertPattern(d.plan, d.patterns, 'patrol-1', { kind: 'patrolLine', altM: 40, points: [{ lat: 46, lon: 122 }, { lat: 46.01, lon: 122 }], laps: 2, lapMode: 'doJump', outAndBack: false });
      return { ...d, plan: r.plan, patterns: r.patterns };
    });
    applyOp('planEdit.op.move', (d) => moveItemTo(d, 0, { lat: 46.5, lon: 122 }));
    expect(s().patterns).toEqual([]);
    expect(useEditNotices.getState().notices[0]).toEqual({ key: 'planEdit.notice.detached', vars: { ids: 'patrol-1' } });
  });

  it('tells the pilot when a jump lost its target', () => {
    s().edit('items', (d): PlanDoc => {
      const wp = planItem({ frame: 3, command: 16, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: 46, y: 122, z: 50 });
      const jump = { ...wp, command: MAV_CMD.DO_JUMP, frame: 2, param1: 1, param2: 1 };
      return { ...d, plan: { ...d.plan, mission: { ...d.plan.mission, items: [wp, wp, jump] } } };
    });
    s().setSelection([0]);
    deleteSelection();
    expect(useEditNotices.getState().notices.map((n) => n.key)).toEqual(['planEdit.notice.brokenJump']);
  });

  it('maps keys to actions, and leaves others alone', () => {
    addThree();
    key('a', { ctrlKey: true })!();
    expect(s().selection).toHaveLength(6);
    key('Escape')!();
    expect(s().selection).toEqual([]);
    key('a')!();
    expect(s().tool).toBe('addWaypoint');
    key('Escape')!();
    expect(s().tool).toBe('select');
    expect(key('Delete')).toBeNull(); // nothing selected
    s().setSelection([2]);
    key('Delete')!();
    expect(s().plan!.mission.items).toHaveLength(5);
    key('z', { ctrlKey: true })!();
    expect(s().plan!.mission.items).toHaveLength(6);
    key('z', { ctrlKey: true, shiftKey: true })!();
    expect(s().plan!.mission.items).toHaveLength(5);
    key('y', { ctrlKey: true });
    expect(key('q')).toBeNull();
    // A drawing tool keeps its own Esc and Backspace (a vertex back, not the selected items).
    s().setTool('drawLine');
    s().setSelection([1]);
    expect(key('Backspace')).toBeNull();
    expect(key('Escape')).toBeNull();
    expect(key('s', { ctrlKey: true })).not.toBeNull();
  });

  it('leaves Esc and Backspace to a drawing tool: a vertex taken back never deletes mission items', () => {
    addThree();
    s().setSelection([1, 2]);
    for (const tool of ['drawPolygon', 'drawLine', 'drawPoint', 'rally', 'fenceCircle'] as const) {
      s().setTool(tool);
      expect(key('Backspace')).toBeNull();
      expect(key('Delete')).toBeNull();
      expect(key('Escape')).toBeNull();
    }
    expect(s().plan!.mission.items).toHaveLength(6);
  });

  it('offers safe file names', () => {
    expect(planFileName('../../etc/passwd')).toBe('passwd.plan');
    expect(planFileName('patrol.PLAN')).toBe('patrol.PLAN');
    expect(planFileName('route.waypoints')).toBe('route.plan');
    expect(planFileName(null)).toBe('untitled.plan');
    expect(planFileName('a\u0000b<>.plan')).toBe('ab.plan');
  });
});

describe('draft', () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    store.clear();
    // Node has no localStorage: a Map stands in, as the browser's would.
    Object.assign(globalThis, { localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) } });
    s().newPlan();
  });

  it('a draft comes back as unsaved changes, one undo step', () => {
    addThree();
    const text = writePlanDoc(s().doc!);
    store.set(DRAFT_KEY, JSON.stringify({ fileName: 'night.plan', savedAt: 1_700_000_000_000, text }));
    s().newPlan();
    const d = readDraft();
    expect(d?.fileName).toBe('night.plan');
    restoreDraft(d!);
    expect(commands()).toEqual([22, 178, 16, 16, 16, 20]);
    expect(s().dirty).toBe(true);
    expect(s().fileName).toBe('night.plan');
    s().undo();
    expect(commands()).toEqual([]);
  });

  it('a damaged or hostile draft is not offered', () => {
    for (const raw of ['{nope', JSON.stringify({ text: 5, savedAt: 1 }), JSON.stringify({ text: '{}', savedAt: 'x' }), JSON.stringify({ text: 'x'.repeat(DRAFT_MAX_CHARS + 2000), savedAt: 1 })]) {
      store.set(DRAFT_KEY, raw);
      expect(readDraft()).toBeNull();
    }
    store.set(DRAFT_KEY, JSON.stringify({ fileName: '../../x', text: '{}', savedAt: 1 }));
    expect(readDraft()?.fileName).toBe('x.plan');
    // Its text is still checked when restored: not a plan, nothing changes.
    expect(() => restoreDraft(readDraft()!)).toThrow();
    clearDraft();
    expect(store.size).toBe(0);
  });
});
