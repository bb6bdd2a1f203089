// The one way the editor's parts (map, list, item editor, settings, shortcuts) change the mission:
// an edit-op through the store's undoable edit(), the selection carried to where the items went,
// and what the pilot must know about it (a pattern turned into plain items, a jump without target,
// a planned home set by a click) left as a notice the Mission tab shows.
import { create } from 'zustand';
import { translate, type MessageKey, type Vars } from '../../../i18n/translate';
import { useLanguageStore } from '../../../stores/language';
import { usePlanStore } from '../../../stores/plan';
import { deleteItems, shiftItems, type EditResult, type PlanDoc } from '../../../../shared/planning';

export interface EditNotice {
  key: MessageKey;
  vars?: Vars;
}

interface NoticeState {
  notices: EditNotice[];
  set: (notices: EditNotice[]) => void;
  /** Bumped to ask the map to show the whole plan (a restored draft may lie anywhere). */
  fitSeq: number;
  requestFit: () => void;
}

export const useEditNotices = create<NoticeState>()((set) => ({
  notices: [],
  set: (notices) => set({ notices }),
  fitSeq: 0,
  requestFit: () => set((s) => ({ fitSeq: s.fitSeq + 1 })),
}));

export const notify = (...notices: EditNotice[]): void => useEditNotices.getState().set(notices);

function noticesOf(r: EditResult): EditNotice[] {
  const out: EditNotice[] = [];
  if (r.detached.length > 0) out.push({ key: 'planEdit.notice.detached', vars: { ids: r.detached.join(', ') } });
  if (r.brokenJumps.length > 0) out.push({ key: 'planEdit.notice.brokenJump', vars: { items: r.brokenJumps.map((i) => i + 1).join(', ') } });
  return out;
}

export interface ApplyOptions {
  gesture?: string;
  /** The selection after the edit; default: the old selection where its items went. */
  select?: (r: EditResult) => number[];
}

/** An undo step's name in the UI language of the moment (the Undo button's tooltip shows it). */
export const opLabel = (key: MessageKey): string => translate(useLanguageStore.getState().language, key);

/** Runs an op on the open document as one undoable edit. Returns its result, or null with no document. */
export function applyOp(labelKey: MessageKey, op: (doc: PlanDoc) => EditResult, opts: ApplyOptions = {}): EditResult | null {
  const store = usePlanStore.getState();
  if (!store.doc) return null;
  const before = store.selection;
  let result: EditResult | null = null;
  store.edit(
    opLabel(labelKey),
    (doc) => {
      result = op(doc);
      return result.doc;
    },
    { gesture: opts.gesture },
  );
  const r = result as EditResult | null;
  if (!r) return null;
  const selection = opts.select ? opts.select(r) : before.map((i) => r.oldToNew[i] ?? -1).filter((k) => k >= 0);
  usePlanStore.getState().setSelection(selection);
  notify(...noticesOf(r));
  return r;
}

export function deleteSelection(): void {
  const sel = usePlanStore.getState().selection;
  if (sel.length > 0) applyOp('planEdit.op.delete', (d) => deleteItems(d, sel), { select: () => [] });
}

export function shiftSelection(delta: -1 | 1): void {
  const sel = usePlanStore.getState().selection;
  if (sel.length > 0) applyOp(delta < 0 ? 'planEdit.op.up' : 'planEdit.op.down', (d) => shiftItems(d, sel, delta));
}
