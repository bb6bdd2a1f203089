// The Mission tab: what an edit did that the pilot must know, the item list with its buttons, the
// editor of the selected items, and the mission settings.
import { useT } from '../../../i18n/useT';
import { usePlanStore } from '../../../stores/plan';
import { deleteSelection, shiftSelection, useEditNotices } from './editActions';
import { ItemEditor } from './ItemEditor';
import { ItemList } from './ItemList';
import { MissionSettingsSection } from './MissionSettingsSection';
import './edit.css';

function Notices() {
  const t = useT();
  const notices = useEditNotices((s) => s.notices);
  const clear = useEditNotices((s) => s.set);
  if (notices.length === 0) return null;
  return (
    <div className="pe-notices" role="status" data-testid="pe-notice">
      {notices.map((n) => (
        <p key={n.key}>{t(n.key, n.vars)}</p>
      ))}
      <button type="button" className="pe-link" onClick={() => clear([])}>
        {t('common.close')}
      </button>
    </div>
  );
}

export function MissionTab() {
  const t = useT();
  const count = usePlanStore((s) => s.plan?.mission.items.length ?? 0);
  const selected = usePlanStore((s) => s.selection.length);
  return (
    <div className="pe-mission">
      <Notices />
      <div className="pe-list-head">
        <span data-testid="pe-count" data-count={count}>
          {t('planEdit.itemCount', { n: count })}
        </span>
        <span className="pe-buttons">
          <button type="button" className="btn" disabled={selected === 0} title={t('planEdit.upTip')} aria-label={t('planEdit.up')} data-testid="pe-up" onClick={() => shiftSelection(-1)}>
            ↑
          </button>
          <button type="button" className="btn" disabled={selected === 0} title={t('planEdit.downTip')} aria-label={t('planEdit.down')} data-testid="pe-down" onClick={() => shiftSelection(1)}>
            ↓
          </button>
          <button type="button" className="btn" disabled={selected === 0} title={t('planEdit.deleteTip')} data-testid="pe-delete" onClick={deleteSelection}>
            {t('planEdit.delete')}
          </button>
        </span>
      </div>
      {count === 0 ? <p className="plan-hint">{t('planEdit.emptyHint')}</p> : <ItemList />}
      <ItemEditor />
      <MissionSettingsSection />
      <p className="pe-note">{t('planEdit.shortcuts')}</p>
    </div>
  );
}
