// Keyboard shortcuts of the Plan view. Keys typed into a form field are the field's, not ours.
import { useEffect } from 'react';
import { usePlanStore } from '../../../stores/plan';

const typing = (t: EventTarget | null): boolean => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

export function usePlanShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const { undo, redo } = usePlanStore.getState();
      if (mod && e.key.toLowerCase() === 'z' && !e.shiftKey) (e.preventDefault(), undo());
      else if (mod && (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey))) (e.preventDefault(), redo());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
