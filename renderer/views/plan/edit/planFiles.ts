// Saving the plan, and keeping a draft so unsaved work survives a closed window or a crash.
//
// Save writes writePlanDoc(doc): through the desktop host's save dialog when its preload offers one,
// else as a browser download under the plan's file name. The draft is the same text in localStorage,
// written a moment after each edit while there are unsaved changes, removed once the plan is saved.
import { usePlanStore } from '../../../stores/plan';
import { readPlanDoc, writePlanDoc } from '../../../../shared/planning';
import { opLabel, useEditNotices } from './editActions';

export const DRAFT_KEY = 'gcs.plan.draft';
/** localStorage holds ~5 MB per origin; a bigger plan is not drafted rather than failing others' writes. */
export const DRAFT_MAX_CHARS = 2_000_000;
const DRAFT_DELAY_MS = 800;

export interface Draft {
  fileName: string;
  savedAt: number;
  text: string;
}

/** A file name safe to offer: no path, no control characters, ends in .plan. */
export function planFileName(name: string | null): string {
  const base = (name ?? '').split(/[\\/]/).pop()?.replace(/[\u0000-\u001f<>:"|?*]/g, '').trim().slice(0, 120) || 'untitled.plan';
  return /\.plan$/i.test(base) ? base : `${base.replace(/\.[^.]*$/, '')}.plan`;
}

interface SaveBridge {
  /** Shows a save dialog and writes; resolves to the chosen file name, or null when cancelled. */
  savePlanFile?: (suggestedName: string, text: string) => Promise<string | null>;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL can go on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Saves the open plan. Resolves to the name it was saved under, or null (nothing open, or cancelled). */
export async function savePlan(): Promise<string | null> {
  const { doc, fileName } = usePlanStore.getState();
  if (!doc) return null;
  const text = writePlanDoc(doc);
  const name = planFileName(fileName);
  const bridge = (window as unknown as { gcsBridge?: SaveBridge }).gcsBridge;
  let saved: string | null = name;
  if (typeof bridge?.savePlanFile === 'function') saved = await bridge.savePlanFile(name, text);
  else download(name, text);
  if (saved === null) return null;
  // Only if the document is still the one written: an edit made meanwhile stays unsaved.
  if (usePlanStore.getState().doc === doc) usePlanStore.getState().markSaved(planFileName(saved));
  clearDraft();
  return saved;
}

export function readDraft(): Draft | null {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    if (!raw || raw.length > DRAFT_MAX_CHARS + 1000) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    if (typeof d.text !== 'string' || typeof d.savedAt !== 'number' || !Number.isFinite(d.savedAt)) return null;
    return { fileName: planFileName(typeof d.fileName === 'string' ? d.fileName : null), savedAt: d.savedAt, text: d.text };
  } catch {
    return null;
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(DRAFT_KEY);
  } catch {
    // Storage disabled: there is no draft to clear.
  }
}

function writeDraft(): void {
  const { doc, dirty, fileName } = usePlanStore.getState();
  if (!doc || !dirty) return;
  const text = writePlanDoc(doc);
  if (text.length > DRAFT_MAX_CHARS) return;
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ fileName: planFileName(fileName), savedAt: Date.now(), text } satisfies Draft));
  } catch {
    // Quota or storage disabled: the beforeunload warning still guards the work.
  }
}

/** Opens a draft as unsaved changes (one undo step), under its file name. Throws if it is not a plan. */
export function restoreDraft(d: Draft): void {
  const { doc } = readPlanDoc(d.text);
  const s = usePlanStore.getState();
  // A new plan plus one edit, not an open: the draft is unsaved work and must stay marked so.
  s.newPlan(d.fileName);
  s.edit(opLabel('planEdit.op.restore'), () => doc);
  useEditNotices.getState().requestFit();
}

let installed = false;

/**
 * Once per page: the draft autosave and the warning when the window is closed with unsaved changes.
 * Not tied to the Plan view being shown: work in the store is at risk in any view.
 */
export function installPlanGuards(): void {
  if (installed) return;
  installed = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  usePlanStore.subscribe((s, prev) => {
    if (s.doc === prev.doc && s.dirty === prev.dirty) return;
    clearTimeout(timer);
    if (s.dirty) timer = setTimeout(writeDraft, DRAFT_DELAY_MS);
  });
  window.addEventListener('beforeunload', (e) => {
    if (!usePlanStore.getState().dirty) return;
    writeDraft();
    e.preventDefault();
    // Chromium shows its own text; setting returnValue is what makes it ask.
    e.returnValue = '';
  });
}
