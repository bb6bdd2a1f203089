// Edit operations on mission items, property-style: random plans with patterns (some with DO_JUMP
// laps) and plain jumps, random edits; after every edit the kept patterns still regenerate to their
// own items (a save and reload keeps them), every jump points at the item it pointed at before (or is
// flagged when that item was deleted), and no item is lost or invented.
import { describe, expect, it } from 'vitest';
import { MAV_CMD } from '../../shared/plan/mav-enums';
import { planItem, type MissionItem } from '../../shared/plan/types';
import {
  BROKEN_JUMP_SEQ,
  deleteItems,
  emptyPlanDoc,
  insertItems,
  insertPattern,
  jumpSeqBase,
  mapIndexes,
  moveItemsTo,
  moveItemTo,
  readPlanDoc,
  reorder,
  setItemFields,
  shiftItems,
  writePlanDoc,
  type EditResult,
  type MissionSettings,
  type PlanDoc,
} from '../../shared/planning';
import { addWaypoint, applySettings, setItemsSpeed, speedAfter } from '../../shared/planning/mission-settings';

/** A small deterministic PRNG so a failure names its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const wp = (k: number) => planItem({ frame: 3, command: 16, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: NaN, x: 46 + k / 1000, y: 122, z: 50 + k });
const jump = (seq: number) => planItem({ frame: 2, command: MAV_CMD.DO_JUMP, current: 0, autocontinue: 1, param1: seq, param2: 2, param3: 0, param4: 0, x: 0, y: 0, z: 0 });

function randomDoc(r: () => number, px4: boolean): PlanDoc {
  let doc = emptyPlanDoc();
  if (px4) doc.plan.mission.firmwareType = 12;
  let k = 0;
  const parts = 2 + Math.floor(r() * 4);
  for (let p = 0; p < parts; p++) {
    const items = doc.plan.mission.items;
    if (r() < 0.4) {
      const at = { lat: 46 + r() / 100, lon: 122 + r() / 100 };
      const res = insertPattern(doc.plan, doc.patterns, `p${p}`, {
        kind: 'patrolLine', altM: 40, points: [at, { lat: at.lat + 0.002, lon: at.lon }, { lat: at.lat + 0.002, lon: at.lon + 0.002 }], laps: 3, lapMode: 'doJump', outAndBack: false, speedMps: 5,
      });
      doc = { ...doc, plan: res.plan, patterns: res.patterns };
    } else {
      const add: MissionItem[] = [];
      for (let j = 0; j < 1 + Math.floor(r() * 4); j++) add.push(wp(k++));
      // A plain jump back to some earlier item.
      if (items.length > 0 && r() < 0.5) add.push(jump(Math.floor(r() * items.length) + jumpSeqBase(doc.plan)));
      doc = { ...doc, plan: { ...doc.plan, mission: { ...doc.plan.mission, items: [...items, ...add] } } };
    }
  }
  return doc;
}

/** The properties every edit keeps. */
/** `changed`: old items the edit changed on purpose; 'values' when it may change values of any item (settings, speeds). */
function checkInvariants(before: PlanDoc, r: EditResult, changed: ReadonlySet<number> | 'values' = new Set()) {
  const a = before.plan.mission.items;
  const b = r.doc.plan.mission.items;
  const base = jumpSeqBase(before.plan);
  // Kept patterns survive a save and reload, i.e. their items are exactly what they generate.
  const reread = readPlanDoc(writePlanDoc(r.doc));
  expect(reread.dropped).toEqual([]);
  expect(reread.doc.patterns.map((p) => [p.id, p.firstIndex])).toEqual(r.doc.patterns.map((p) => [p.id, p.firstIndex]));
  // Every pattern is either kept or reported detached.
  expect(new Set([...r.doc.patterns.map((p) => p.id), ...r.detached])).toEqual(new Set(before.patterns.map((p) => p.id)));
  // oldToNew is right: an unchanged item is where it says.
  a.forEach((it, i) => {
    const k = r.oldToNew[i];
    if (k < 0 || changed === 'values' || changed.has(i)) return;
    if (it.command !== MAV_CMD.DO_JUMP) expect(b[k]).toBe(it);
  });
  // Jumps still aim at the same item, or are flagged.
  a.forEach((it, i) => {
    if (it.command !== MAV_CMD.DO_JUMP || (changed !== 'values' && changed.has(i)) || r.oldToNew[i] < 0) return;
    const t = Math.round(it.param1) - base;
    if (t < 0 || t >= a.length) return;
    const now = b[r.oldToNew[i]];
    if (r.oldToNew[t] < 0) {
      expect(now.param1).toBe(BROKEN_JUMP_SEQ);
      expect(r.brokenJumps).toContain(r.oldToNew[i]);
    } else expect(now.param1).toBe(r.oldToNew[t] + base);
  });
}

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

describe('edit operations keep patterns and jumps right', () => {
  it.each(SEEDS)('insert (seed %i)', (seed) => {
    const r = rng(seed);
    const doc = randomDoc(r, seed % 3 === 0);
    const n = doc.plan.mission.items.length;
    const at = Math.floor(r() * (n + 1));
    const res = insertItems(doc, at, [wp(900), wp(901)]);
    checkInvariants(doc, res);
    expect(res.doc.plan.mission.items).toHaveLength(n + 2);
    for (const p of doc.patterns) {
      const inside = at > p.firstIndex && at < p.firstIndex + p.itemCount;
      expect(res.detached.includes(p.id)).toBe(inside);
    }
  });

  it.each(SEEDS)('delete (seed %i)', (seed) => {
    const r = rng(seed);
    const doc = randomDoc(r, seed % 3 === 0);
    const n = doc.plan.mission.items.length;
    const gone = new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => Math.floor(r() * n)));
    const res = deleteItems(doc, gone);
    checkInvariants(doc, res);
    expect(res.doc.plan.mission.items).toHaveLength(n - gone.size);
    for (const p of doc.patterns) {
      const hit = [...gone].some((i) => i >= p.firstIndex && i < p.firstIndex + p.itemCount);
      expect(res.detached.includes(p.id)).toBe(hit);
    }
  });

  it.each(SEEDS)('move, set fields, reorder (seed %i)', (seed) => {
    const r = rng(seed);
    const doc = randomDoc(r, seed % 2 === 0);
    const n = doc.plan.mission.items.length;
    const i = Math.floor(r() * n);
    checkInvariants(doc, moveItemTo(doc, i, { lat: 45, lon: 121 }), new Set([i]));
    const sel = [Math.floor(r() * n), Math.floor(r() * n)];
    checkInvariants(doc, setItemFields(doc, sel, { altM: 77, frame: 0 }), new Set(sel));
    checkInvariants(doc, shiftItems(doc, sel, r() < 0.5 ? -1 : 1));
    checkInvariants(doc, moveItemsTo(doc, sel, Math.floor(r() * n)));
    const perm = Array.from({ length: n }, (_, k) => k).sort(() => r() - 0.5);
    checkInvariants(doc, reorder(doc, perm));
  });

  it.each(SEEDS.slice(0, 20))('settings and speeds (seed %i)', (seed) => {
    const r = rng(seed);
    const doc = randomDoc(r, false);
    const n = doc.plan.mission.items.length;
    const res = applySettings(doc, { takeoffAltM: 25, defaultAltM: 60, defaultSpeedMps: 7, endAction: 'land' });
    checkInvariants(doc, res, 'values');
    const sel = [Math.floor(r() * n), Math.floor(r() * n)];
    checkInvariants(doc, setItemsSpeed(doc, sel, 4), 'values');
  });
});

describe('edit operations, examples', () => {
  const plain = (): PlanDoc => {
    const d = emptyPlanDoc();
    d.plan.mission.items = [wp(0), wp(1), wp(2), jump(2), wp(3)]; // ArduPilot: seq 2 = item 1
    return d;
  };

  it('a jump follows its target through a delete before it, and is flagged when the target goes', () => {
    const d = plain();
    const r1 = deleteItems(d, [0]);
    expect(r1.doc.plan.mission.items[2].param1).toBe(1); // item 1 is now item 0 = seq 1
    expect(r1.brokenJumps).toEqual([]);
    const r2 = deleteItems(d, [1]);
    expect(r2.doc.plan.mission.items[2].param1).toBe(BROKEN_JUMP_SEQ);
    expect(r2.brokenJumps).toEqual([2]);
  });

  it('moving a pattern item detaches the pattern; items before it shift it', () => {
    const d = plain();
    const res = insertPattern(d.plan, [], 'lap', { kind: 'patrolLine', altM: 40, points: [{ lat: 46, lon: 122 }, { lat: 46.01, lon: 122 }], laps: 2, lapMode: 'doJump', outAndBack: false });
    const doc: PlanDoc = { ...d, plan: res.plan, patterns: res.patterns };
    const first = doc.patterns[0].firstIndex;
    const shifted = insertItems(doc, 0, [wp(50)]);
    expect(shifted.detached).toEqual([]);
    expect(shifted.doc.patterns[0].firstIndex).toBe(first + 1);
    const moved = moveItemTo(doc, first, { lat: 46.5, lon: 122.5 });
    expect(moved.detached).toEqual(['lap']);
    expect(moved.doc.patterns).toEqual([]);
    // Setting a value the item already has is no edit.
    expect(setItemFields(doc, [first], { altM: doc.plan.mission.items[first].z }).doc).toBe(doc);
  });

  it('shift moves a block together and keeps it selected', () => {
    const d = plain();
    const r = shiftItems(d, [1, 2], -1);
    expect(r.doc.plan.mission.items.map((it) => it.z)).toEqual([51, 52, 50, 0, 53]);
    expect(mapIndexes(r, [1, 2])).toEqual([0, 1]);
    expect(shiftItems(d, [0], -1).doc).toBe(d);
  });

  it('rejects a reorder that is not a permutation', () => {
    const d = plain();
    expect(reorder(d, [0, 0, 1, 2, 3]).doc).toBe(d);
    expect(reorder(d, [0, 1]).doc).toBe(d);
  });

  it('ignores non-finite input', () => {
    const d = plain();
    expect(moveItemTo(d, 0, { lat: NaN, lon: 1 }).doc).toBe(d);
    expect(setItemFields(d, [0], { altM: Infinity }).doc).toBe(d);
    expect(setItemFields(d, [0], { params: { param1: Infinity } }).doc).toBe(d);
  });
});

describe('mission settings', () => {
  const s: MissionSettings = { takeoffAltM: 25, defaultAltM: 60, defaultSpeedMps: 7, endAction: 'rtl' };

  it('the first waypoint brings takeoff, speed and end action; later ones go before the end', () => {
    let d: PlanDoc = { ...emptyPlanDoc(), settings: s };
    const r1 = addWaypoint(d, { lat: 46, lon: 122 }, null);
    d = r1.doc;
    expect(d.plan.mission.items.map((i) => i.command)).toEqual([22, 178, 16, 20]);
    expect(r1.index).toBe(2);
    expect(d.plan.mission.items[0].z).toBe(25);
    expect(d.plan.mission.items[1].param2).toBe(7);
    expect(d.plan.mission.items[2].z).toBe(60);
    const r2 = addWaypoint(d, { lat: 46.01, lon: 122 }, null);
    expect(r2.index).toBe(3);
    expect(r2.doc.plan.mission.items.map((i) => i.command)).toEqual([22, 178, 16, 16, 20]);
    const r3 = addWaypoint(r2.doc, { lat: 46.02, lon: 122 }, 2);
    expect(r3.index).toBe(3);
  });

  it('changing the end action replaces the last item; land goes where the route ends', () => {
    let d = addWaypoint({ ...emptyPlanDoc(), settings: s }, { lat: 46, lon: 122 }, null).doc;
    d = applySettings(d, { ...s, endAction: 'land' }).doc;
    const items = d.plan.mission.items;
    expect(items.map((i) => i.command)).toEqual([22, 178, 16, 21]);
    expect([items[3].x, items[3].y]).toEqual([46, 122]);
    d = applySettings(d, { ...s, endAction: 'loiter', takeoffAltM: 40, defaultSpeedMps: 9 }).doc;
    expect(d.plan.mission.items.map((i) => i.command)).toEqual([22, 178, 16, 17]);
    expect(d.plan.mission.items[0].z).toBe(40);
    expect(d.plan.mission.items[1].param2).toBe(9);
    expect(d.settings.endAction).toBe('loiter');
  });

  it('an item speed is a DO_CHANGE_SPEED after it, set, changed and removed', () => {
    const d = { ...emptyPlanDoc() };
    d.plan.mission.items = [wp(0), wp(1), wp(2)];
    const a = setItemsSpeed(d, [0, 2], 4).doc;
    expect(a.plan.mission.items.map((i) => i.command)).toEqual([16, 178, 16, 16, 178]);
    expect(speedAfter(a.plan.mission.items, 0)).toBe(4);
    const b = setItemsSpeed(a, [0], 6).doc;
    expect(b.plan.mission.items).toHaveLength(5);
    expect(speedAfter(b.plan.mission.items, 0)).toBe(6);
    const c = setItemsSpeed(b, [0, 3], null).doc;
    expect(c.plan.mission.items.map((i) => i.command)).toEqual([16, 16, 16]);
    expect(setItemsSpeed(d, [0], -3).doc).toBe(d);
  });

  it('an edit that changes nothing gives back the same document (no undo step)', () => {
    let d = addWaypoint({ ...emptyPlanDoc(), settings: s }, { lat: 46, lon: 122 }, null).doc;
    expect(applySettings(d, { ...s }).doc).toBe(d);
    d = setItemsSpeed(d, [2], 5).doc;
    expect(setItemsSpeed(d, [2], 5).doc).toBe(d);
    expect(shiftItems(d, [], 1).doc).toBe(d);
  });
});
