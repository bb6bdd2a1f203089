// New, open, undo and redo for the plan being edited.
import { useState, type ChangeEvent } from 'react';
import { useT } from '../../../i18n/useT';
import { usePlanStore } from '../../../stores/plan';

const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function PlanFileBar() {
  const t = useT();
  const { doc, dirty, past, future, openText, newPlan, undo, redo } = usePlanStore();
  const [tooBig, setTooBig] = useState(false);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setTooBig(file.size > MAX_FILE_BYTES);
    if (file.size > MAX_FILE_BYTES) return;
    openText(file.name, await file.text());
  };
  return (
    <div className="plan-filebar">
      <button type="button" className="btn" data-testid="plan-new" onClick={() => newPlan()}>
        {t('plan.new')}
      </button>
      <label className="plan-open btn">
        <span>{t('plan.open')}</span>
        <input type="file" accept=".plan,application/json" data-testid="plan-open" onChange={onFile} />
      </label>
      <button type="button" className="btn" data-testid="plan-undo" disabled={!doc || past.length === 0} onClick={undo} title={past[past.length - 1]?.label}>
        {t('plan.undo')}
      </button>
      <button type="button" className="btn" data-testid="plan-redo" disabled={!doc || future.length === 0} onClick={redo} title={future[0]?.label}>
        {t('plan.redo')}
      </button>
      {dirty && <span className="plan-dirty" data-testid="plan-dirty">{t('plan.unsaved')}</span>}
      {tooBig && <p className="plan-error" role="alert">{t('plan.tooBig')}</p>}
    </div>
  );
}
