// Keyboard shortcuts of the Plan view. Keys typed into a form field are the field's, not ours.
// Listed in planEdit.shortcuts and in the buttons' tooltips, so the pilot can find them.
import { useEffect } from 'react';
import { usePlanStore } from '../../../stores/plan';
import { deleteSelection, shiftSelection } from './editActions';
import { savePlan } from './planFiles';

const typing = (t: EventTarget | null): boolean => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** One key press -> what it does, or null when it is not ours. Exported for the unit test. */
export function shortcutFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): (() => void) | null {
  const s = usePlanStore.getState();
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && key === 's') return () => void savePlan();
  if (!s.doc) return null;
  if (mod && key === 'z' && !e.shiftKey) return s.undo;
  if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) return s.redo;
  if (mod && key === 'a') return () => s.setSelection(s.doc ? s.doc.plan.mission.items.map((_, i) => i) : []);
  if (e.altKey && e.key === 'ArrowUp') return () => shiftSelection(-1);
  if (e.altKey && e.key === 'ArrowDown') return () => shiftSelection(1);
  if (mod || e.altKey) return null;
  // While a shape, fence circle or rally tool is active, Esc and Backspace belong to the drawing
  // (drop the draft, take back a vertex): a Backspace meant for a vertex must not delete mission items.
  const drawingTool = s.tool !== 'select' && s.tool !== 'addWaypoint';
  if (drawingTool && (e.key === 'Escape' || e.key === 'Backspace' || e.key === 'Delete')) return null;
  if (e.key === 'Delete' || e.key === 'Backspace') return s.selection.length > 0 ? deleteSelection : null;
  if (e.key === 'Escape') return () => (s.tool === 'select' ? s.setSelection([]) : s.setTool('select'));
  if (key === 'a') return () => s.setTool('addWaypoint');
  if (key === 'v') return () => s.setTool('select');
  return null;
}

export function usePlanShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const action = shortcutFor(e);
      if (!action) return;
      // Ours: the browser's own Ctrl+S / Ctrl+A / Backspace must not happen too.
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
