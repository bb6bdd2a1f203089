// The plan being edited in the Plan view: one PlanDoc (plan, patterns, shapes, settings, aircraft,
// overrides), every edit undoable, the selection, the map tool, and whether there are unsaved changes.
//
// Every change goes through edit(label, fn): fn returns the next document (never mutates), and the old
// one goes on the undo stack. A gesture (dragging a vertex) sends many edits with the same `gesture`
// key: they coalesce into one undo step, so Ctrl+Z undoes the whole drag, not its last pixel.
import { create } from 'zustand';
import { toErrorValue } from '../../shared/contract/errors';
import type { ContractErrorValue } from '../../shared/contract/types';
import type { Plan } from '../../shared/plan/types';
import { emptyPlanDoc, readPlanDoc, type DroppedPattern, type PatternInstance, type PlanDoc } from '../../shared/planning';

/** Undo depth: enough for an evening's editing; snapshots share unchanged parts, so memory stays small. */
export const UNDO_LIMIT = 200;

/** What a click on the map does. Each tool's owner handles its own clicks; 'select' picks and drags. */
export type PlanTool = 'select' | 'addWaypoint' | 'drawPolygon' | 'drawLine' | 'drawPoint' | 'rally' | 'fenceCircle';

interface HistoryEntry {
  doc: PlanDoc;
  label: string;
}

export interface PlanState {
  /** The document being edited; null before anything is opened or started. */
  doc: PlanDoc | null;
  /** Shorthands kept in step with doc, for the readers that only need these. */
  plan: Plan | null;
  patterns: PatternInstance[];
  dropped: DroppedPattern[];
  fileName: string | null;
  error: ContractErrorValue | null;
  /** Selected mission item indexes, in the order they were selected. */
  selection: number[];
  /** The first selected item (or null): what the item editor shows and the map highlights. */
  selectedIndex: number | null;
  /** Selected shape id (drawn/imported shapes), or null. */
  selectedShapeId: string | null;
  tool: PlanTool;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** The document as last saved or opened; dirty when doc differs from it. */
  savedDoc: PlanDoc | null;
  dirty: boolean;
  /** The gesture the last edit belonged to (coalescing key), if any. */
  lastGesture: string | null;

  openText: (fileName: string, text: string) => void;
  /** Start an empty plan (with planned home if given). */
  newPlan: (fileName?: string) => void;
  /** Replace the document as the result of an edit; undoable. */
  edit: (label: string, fn: (doc: PlanDoc) => PlanDoc, opts?: { gesture?: string }) => void;
  /** Ends a coalescing gesture, so the next edit starts a new undo step. */
  endGesture: () => void;
  undo: () => void;
  redo: () => void;
  /** The document was written to a file under this name. */
  markSaved: (fileName: string) => void;
  selectItem: (index: number | null) => void;
  /** Shift/Ctrl-click: add or remove an item from the selection. */
  toggleItem: (index: number) => void;
  setSelection: (indexes: number[]) => void;
  selectShape: (id: string | null) => void;
  setTool: (tool: PlanTool) => void;
}

const derived = (doc: PlanDoc | null) => ({ doc, plan: doc?.plan ?? null, patterns: doc?.patterns ?? [] });

/** Keeps the selection inside the plan after an edit removed items. */
function clampSelection(selection: number[], doc: PlanDoc | null): number[] {
  const n = doc?.plan.mission.items.length ?? 0;
  return selection.filter((i) => i >= 0 && i < n);
}

const withSelection = (selection: number[]) => ({ selection, selectedIndex: selection[0] ?? null });

export const usePlanStore = create<PlanState>()((set, get) => ({
  ...derived(null),
  dropped: [],
  fileName: null,
  error: null,
  selection: [],
  selectedIndex: null,
  selectedShapeId: null,
  tool: 'select',
  past: [],
  future: [],
  savedDoc: null,
  dirty: false,
  lastGesture: null,

  openText: (fileName, text) => {
    try {
      const r = readPlanDoc(text);
      // A failed open keeps the plan already shown: nothing is lost by picking the wrong file.
      set({ ...derived(r.doc), dropped: r.dropped, fileName, error: null, ...withSelection([]), selectedShapeId: null, past: [], future: [], savedDoc: r.doc, dirty: false, lastGesture: null });
    } catch (err) {
      set({ error: toErrorValue(err) });
    }
  },

  newPlan: (fileName = 'untitled.plan') => {
    const doc = emptyPlanDoc();
    set({ ...derived(doc), dropped: [], fileName, error: null, ...withSelection([]), selectedShapeId: null, past: [], future: [], savedDoc: doc, dirty: false, lastGesture: null });
  },

  edit: (label, fn, opts) => {
    const s = get();
    const before = s.doc ?? emptyPlanDoc();
    const after = fn(before);
    if (after === before) return;
    const coalesce = opts?.gesture !== undefined && opts.gesture === s.lastGesture && s.past.length > 0;
    const past = coalesce ? s.past : [...s.past, { doc: before, label }].slice(-UNDO_LIMIT);
    set({ ...derived(after), past, future: [], dirty: after !== s.savedDoc, lastGesture: opts?.gesture ?? null, error: null, ...withSelection(clampSelection(s.selection, after)) });
  },

  endGesture: () => set({ lastGesture: null }),

  undo: () => {
    const s = get();
    const prev = s.past[s.past.length - 1];
    if (!prev || !s.doc) return;
    set({ ...derived(prev.doc), past: s.past.slice(0, -1), future: [{ doc: s.doc, label: prev.label }, ...s.future], dirty: prev.doc !== s.savedDoc, lastGesture: null, ...withSelection(clampSelection(s.selection, prev.doc)) });
  },

  redo: () => {
    const s = get();
    const next = s.future[0];
    if (!next || !s.doc) return;
    set({ ...derived(next.doc), past: [...s.past, { doc: s.doc, label: next.label }], future: s.future.slice(1), dirty: next.doc !== s.savedDoc, lastGesture: null, ...withSelection(clampSelection(s.selection, next.doc)) });
  },

  markSaved: (fileName) => set((s) => ({ fileName, savedDoc: s.doc, dirty: false })),

  selectItem: (index) => set(withSelection(index === null ? [] : [index])),
  toggleItem: (index) => set((s) => withSelection(s.selection.includes(index) ? s.selection.filter((i) => i !== index) : [...s.selection, index])),
  setSelection: (indexes) => set((s) => withSelection(clampSelection([...new Set(indexes)], s.doc))),
  selectShape: (id) => set({ selectedShapeId: id }),
  setTool: (tool) => set({ tool }),
}));
