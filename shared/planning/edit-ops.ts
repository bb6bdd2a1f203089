// The edits a pilot makes to a plan's mission items, as pure functions PlanDoc -> EditResult.
//
// Every op is built the same way: it says which new item came from which old one (or is new) and which
// old items it changed; `rebuild` does the bookkeeping all ops share, so no op can forget it:
//  - patterns keep their firstIndex when items before them come or go; a pattern whose own items were
//    changed, moved apart or deleted, or that had something inserted inside it, is DETACHED: its
//    items stay as plain items (the items are the truth, as in plan-file.ts) and the caller is told;
//  - DO_JUMP targets are wire seq numbers (jumpSeqBase), so they are renumbered to keep pointing at
//    the same item; a jump whose target was deleted is set to -1 (an invalid seq the checks reject
//    as bad_jump, so it cannot fly to some other item by accident) and reported.
import { MAV_CMD } from '../plan/mav-enums';
import type { LatLon, MissionItem, Plan, PreservedComplexItem } from '../plan/types';
import type { PlanDoc } from './plan-doc';
import { jumpSeqBase } from './plan-file';
import type { PatternInstance } from './patterns';

export interface EditResult {
  doc: PlanDoc;
  /** Ids of the patterns this edit turned into plain items. */
  detached: string[];
  /** New indexes of DO_JUMP items whose target was deleted (now param1 = -1). */
  brokenJumps: number[];
  /** New index of each old item, -1 when deleted: to keep a selection on the same items. */
  oldToNew: number[];
}

/** param1 of a jump whose target is gone: no item has a negative seq. */
export const BROKEN_JUMP_SEQ = -1;

const identity = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const unchanged = (doc: PlanDoc): EditResult => ({ doc, detached: [], brokenJumps: [], oldToNew: identity(doc.plan.mission.items.length) });

/**
 * The shared bookkeeping. `items[k]` is the new item k; `origin[k]` the old index it came from, or null
 * when it is new; `changed` the old indexes whose content the op changed (a changed jump's param1 is
 * the pilot's, already in new numbering, so it is not renumbered).
 */
export function rebuild(doc: PlanDoc, items: MissionItem[], origin: Array<number | null>, changed: ReadonlySet<number> = new Set()): EditResult {
  const old = doc.plan.mission.items;
  const oldToNew = new Array<number>(old.length).fill(-1);
  origin.forEach((o, k) => {
    if (o !== null) oldToNew[o] = k;
  });
  // A run of old items survives when none was changed or deleted and they are still side by side, in order.
  const intact = (first: number, count: number): boolean => {
    const start = oldToNew[first];
    if (start === undefined || start < 0) return false;
    for (let j = 0; j < count; j++) if (changed.has(first + j) || oldToNew[first + j] !== start + j) return false;
    return true;
  };
  const detached: string[] = [];
  const patterns: PatternInstance[] = [];
  for (const p of doc.patterns) {
    if (p.itemCount > 0 && intact(p.firstIndex, p.itemCount)) patterns.push(p.firstIndex === oldToNew[p.firstIndex] ? p : { ...p, firstIndex: oldToNew[p.firstIndex] });
    else detached.push(p.id);
  }
  patterns.sort((a, b) => a.firstIndex - b.firstIndex);
  let complexItems: PreservedComplexItem[] | undefined;
  if (doc.plan.complexItems) {
    complexItems = doc.plan.complexItems.filter((c) => c.itemCount > 0 && intact(c.index, c.itemCount)).map((c) => (c.index === oldToNew[c.index] ? c : { ...c, index: oldToNew[c.index] }));
  }
  const base = jumpSeqBase(doc.plan);
  const brokenJumps: number[] = [];
  const out = items.map((it, k) => {
    const o = origin[k];
    if (it.command !== MAV_CMD.DO_JUMP || o === null || changed.has(o)) return it;
    const target = Math.round(it.param1) - base;
    if (!Number.isFinite(target) || target < 0 || target >= old.length) return it; // already not an item: the checks say so
    const to = oldToNew[target];
    if (to < 0) {
      brokenJumps.push(k);
      return it.param1 === BROKEN_JUMP_SEQ ? it : { ...it, param1: BROKEN_JUMP_SEQ };
    }
    const seq = to + base;
    return seq === it.param1 ? it : { ...it, param1: seq };
  });
  // Nothing moved or changed: the same document, so the store records no undo step for it.
  if (out.length === old.length && out.every((it, k) => it === old[k]) && detached.length === 0 && patterns.every((p, k) => p === doc.patterns[k]) && complexItems?.length === doc.plan.complexItems?.length) {
    return { doc, detached, brokenJumps, oldToNew };
  }
  const plan: Plan = { ...doc.plan, mission: { ...doc.plan.mission, items: out } };
  if (complexItems) plan.complexItems = complexItems;
  return { doc: { ...doc, plan, patterns }, detached, brokenJumps, oldToNew };
}

/** Puts `items` before index `at` (clamped; the end by default). */
export function insertItems(doc: PlanDoc, at: number, items: MissionItem[]): EditResult {
  const old = doc.plan.mission.items;
  if (items.length === 0) return unchanged(doc);
  const i = Math.max(0, Math.min(Math.round(at), old.length));
  const origin: Array<number | null> = [...identity(i), ...items.map(() => null), ...identity(old.length - i).map((k) => k + i)];
  // Something put strictly inside a pattern splits its run: rebuild detaches it.
  return rebuild(doc, [...old.slice(0, i), ...items, ...old.slice(i)], origin);
}

export function deleteItems(doc: PlanDoc, indexes: Iterable<number>): EditResult {
  const old = doc.plan.mission.items;
  const gone = new Set([...indexes].filter((i) => Number.isInteger(i) && i >= 0 && i < old.length));
  if (gone.size === 0) return unchanged(doc);
  const origin = identity(old.length).filter((i) => !gone.has(i));
  return rebuild(doc, origin.map((i) => old[i]), origin);
}

/**
 * Applies `fn` to the items at `indexes`; an item `fn` returns unchanged (same object or same values)
 * does not count as edited, so setting an altitude a pattern already has does not detach it.
 */
export function updateItems(doc: PlanDoc, indexes: Iterable<number>, fn: (item: MissionItem, index: number) => MissionItem): EditResult {
  const old = doc.plan.mission.items;
  const items = old.slice();
  const changed = new Set<number>();
  for (const i of new Set(indexes)) {
    if (!Number.isInteger(i) || i < 0 || i >= old.length) continue;
    const next = fn(old[i], i);
    if (next !== old[i] && !sameItem(next, old[i])) {
      items[i] = next;
      changed.add(i);
    }
  }
  if (changed.size === 0) return unchanged(doc);
  return rebuild(doc, items, identity(old.length), changed);
}

const KEYS = ['frame', 'command', 'current', 'autocontinue', 'param1', 'param2', 'param3', 'param4', 'x', 'y', 'z'] as const;
const same = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));
function sameItem(a: MissionItem, b: MissionItem): boolean {
  return KEYS.every((k) => same(a[k], b[k]));
}

/** Moves one item to a new place on the map (its altitude stays). */
export function moveItemTo(doc: PlanDoc, index: number, to: LatLon): EditResult {
  if (!Number.isFinite(to.lat) || !Number.isFinite(to.lon) || Math.abs(to.lat) > 90 || Math.abs(to.lon) > 180) return unchanged(doc);
  return updateItems(doc, [index], (it) => ({ ...it, x: to.lat, y: to.lon }));
}

export type ParamKey = 'param1' | 'param2' | 'param3' | 'param4';

/** Fields to set on several items at once; absent fields are left as they are. */
export interface ItemFields {
  command?: number;
  frame?: number;
  altM?: number;
  params?: Partial<Record<ParamKey, number>>;
}

export function setItemFields(doc: PlanDoc, indexes: Iterable<number>, f: ItemFields): EditResult {
  const validNumber = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);
  return updateItems(doc, indexes, (it) => {
    const next = { ...it };
    if (f.command !== undefined && Number.isInteger(f.command) && f.command >= 0 && f.command <= 65_535) next.command = f.command;
    if (f.frame !== undefined && Number.isInteger(f.frame) && f.frame >= 0 && f.frame <= 255) next.frame = f.frame;
    if (validNumber(f.altM)) next.z = f.altM;
    for (const [k, v] of Object.entries(f.params ?? {}) as Array<[ParamKey, number]>) {
      // NaN is MAVLink's "unused": allowed. Infinity is not a number any autopilot takes.
      if (typeof v === 'number' && !Number.isFinite(v) && !Number.isNaN(v)) continue;
      next[k] = v;
    }
    return next;
  });
}

/**
 * Reorders by a permutation: new item k is old item order[k]. Not a permutation of all indexes:
 * nothing happens (a bad drag must not lose items).
 */
export function reorder(doc: PlanDoc, order: number[]): EditResult {
  const old = doc.plan.mission.items;
  if (order.length !== old.length || new Set(order).size !== old.length || order.some((i) => !Number.isInteger(i) || i < 0 || i >= old.length)) return unchanged(doc);
  if (order.every((o, k) => o === k)) return unchanged(doc);
  return rebuild(doc, order.map((i) => old[i]), order);
}

/** The selected items, in plan order, go before the unselected item now at `to` (indexes of the unselected list). */
export function moveItemsTo(doc: PlanDoc, indexes: Iterable<number>, to: number): EditResult {
  const n = doc.plan.mission.items.length;
  const picked = new Set([...indexes].filter((i) => Number.isInteger(i) && i >= 0 && i < n));
  const rest = identity(n).filter((i) => !picked.has(i));
  const at = Math.max(0, Math.min(Math.round(to), rest.length));
  return reorder(doc, [...rest.slice(0, at), ...[...picked].sort((a, b) => a - b), ...rest.slice(at)]);
}

/** Each selected item swaps with its unselected neighbour (up = -1, down = +1); a block moves together. */
export function shiftItems(doc: PlanDoc, indexes: Iterable<number>, delta: -1 | 1): EditResult {
  const n = doc.plan.mission.items.length;
  const picked = new Set([...indexes].filter((i) => Number.isInteger(i) && i >= 0 && i < n));
  const order = identity(n);
  const walk = delta < 0 ? order.slice() : order.slice().reverse();
  for (const i of walk) {
    if (!picked.has(i)) continue;
    const pos = order.indexOf(i);
    const nb = pos + delta;
    // A block at the edge stays put, and so does the item pressed against it.
    if (nb < 0 || nb >= n || picked.has(order[nb])) continue;
    [order[pos], order[nb]] = [order[nb], order[pos]];
  }
  return reorder(doc, order);
}

/** The selection's indexes after an edit (deleted items drop out). */
export function mapIndexes(r: EditResult, indexes: number[]): number[] {
  return indexes.map((i) => r.oldToNew[i] ?? -1).filter((k) => k >= 0);
}
