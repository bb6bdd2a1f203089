// New, open, save, undo and redo for the plan being edited; the offer to restore a draft left by a
// closed window; and the question before New or Open would throw away unsaved changes.
import { useEffect, useState, type ChangeEvent } from 'react';
import { useT } from '../../../i18n/useT';
import { usePlanStore } from '../../../stores/plan';
import { clearDraft, installPlanGuards, readDraft, restoreDraft, savePlan, type Draft } from './planFiles';

const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** What the pilot asked for that would replace the open plan. */
type FileRequest = { kind: 'new' } | { kind: 'open'; name: string; text: string };

function ConfirmDialog({ fileName, onSave, onDiscard, onCancel }: { fileName: string; onSave: () => void; onDiscard: () => void; onCancel: () => void }) {
  const t = useT();
  return (
    <div className="pe-dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <div className="pe-dialog" role="alertdialog" aria-modal="true" aria-labelledby="pe-confirm-text" data-testid="pe-confirm">
        <p id="pe-confirm-text">{t('planEdit.confirmUnsaved', { file: fileName })}</p>
        <div className="pe-dialog__buttons">
          <button type="button" className="btn" data-testid="pe-confirm-save" onClick={onSave}>
            {t('planEdit.saveFirst')}
          </button>
          <button type="button" className="btn" data-testid="pe-confirm-discard" onClick={onDiscard}>
            {t('planEdit.discard')}
          </button>
          <button type="button" className="btn" data-testid="pe-confirm-cancel" autoFocus onClick={onCancel}>
            {t('planEdit.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}

function run(req: FileRequest): void {
  if (req.kind === 'new') usePlanStore.getState().newPlan();
  else usePlanStore.getState().openText(req.name, req.text);
}

export function PlanFileBar() {
  const t = useT();
  const doc = usePlanStore((s) => s.doc);
  const dirty = usePlanStore((s) => s.dirty);
  const fileName = usePlanStore((s) => s.fileName);
  const undoLabel = usePlanStore((s) => s.past[s.past.length - 1]?.label);
  const redoLabel = usePlanStore((s) => s.future[0]?.label);
  const [pending, setPending] = useState<FileRequest | null>(null);
  const settle = () => setPending(null);
  const [tooBig, setTooBig] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [draftError, setDraftError] = useState(false);

  useEffect(() => {
    installPlanGuards();
    // Offered once, when the view opens: a draft is unsaved work only while nothing newer is open.
    if (!usePlanStore.getState().dirty) setDraft(readDraft());
  }, []);

  const ask = (req: FileRequest) => {
    if (usePlanStore.getState().dirty) setPending(req);
    else run(req);
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setTooBig(file.size > MAX_FILE_BYTES);
    if (file.size > MAX_FILE_BYTES) return;
    ask({ kind: 'open', name: file.name, text: await file.text() });
  };
  // Undo/redo tooltips name the step they would take (other views' tests read that); the keys are in
  // aria-keyshortcuts and in the Mission tab's key list.
  const tip = (key: 'planEdit.saveTip' | 'planEdit.undoTip' | 'planEdit.redoTip', label?: string) => label ?? t(key);

  return (
    <div className="plan-filebar">
      <button type="button" className="btn" data-testid="plan-new" onClick={() => ask({ kind: 'new' })}>
        {t('plan.new')}
      </button>
      <label className="plan-open btn">
        <span>{t('plan.open')}</span>
        <input type="file" accept=".plan,application/json" data-testid="plan-open" onChange={onFile} />
      </label>
      <button type="button" className="btn" data-testid="plan-save" disabled={!doc} title={tip('planEdit.saveTip')} aria-keyshortcuts="Control+S" onClick={() => void savePlan()}>
        {t('planEdit.save')}
      </button>
      <button type="button" className="btn" data-testid="plan-undo" disabled={!doc || !undoLabel} onClick={() => usePlanStore.getState().undo()} title={tip('planEdit.undoTip', undoLabel)} aria-keyshortcuts="Control+Z">
        {t('plan.undo')}
      </button>
      <button type="button" className="btn" data-testid="plan-redo" disabled={!doc || !redoLabel} onClick={() => usePlanStore.getState().redo()} title={tip('planEdit.redoTip', redoLabel)} aria-keyshortcuts="Control+Y Control+Shift+Z">
        {t('plan.redo')}
      </button>
      {dirty && <span className="plan-dirty" data-testid="plan-dirty">{t('plan.unsaved')}</span>}
      {tooBig && <p className="plan-error" role="alert">{t('plan.tooBig')}</p>}
      {draft && (
        <div className="pe-draft" data-testid="pe-draft">
          <span>{t('planEdit.draftFound', { file: draft.fileName, time: new Date(draft.savedAt).toLocaleString() })}</span>
          <button
            type="button"
            className="btn"
            data-testid="pe-draft-restore"
            onClick={() => {
              try {
                restoreDraft(draft);
                setDraft(null);
              } catch {
                setDraftError(true);
              }
            }}
          >
            {t('planEdit.restoreDraft')}
          </button>
          <button type="button" className="btn" data-testid="pe-draft-discard" onClick={() => (clearDraft(), setDraft(null))}>
            {t('planEdit.discardDraft')}
          </button>
          {draftError && <p className="plan-error">{t('planEdit.draftDamaged')}</p>}
        </div>
      )}
      {pending && (
        <ConfirmDialog
          fileName={fileName ?? ''}
          onCancel={() => settle()}
          onDiscard={() => {
            clearDraft();
            settle();
            run(pending);
          }}
          onSave={async () => {
            const saved = await savePlan();
            settle();
            if (saved !== null) run(pending);
          }}
        />
      )}
    </div>
  );
}
