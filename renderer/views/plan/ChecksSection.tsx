// The checks, each linked to the item it concerns: clicking one selects that item on the map. An
// error blocks upload until the pilot overrides it with a stated reason; the reason is kept in the
// plan (doc.overrides) and shown beside the check. An override whose error is gone is shown as stale.
import { useMemo, useState } from 'react';
import { addOverride, cleanReason, overrideStatus, removeOverride, type CheckOverride, type PlanIssue } from '../../../shared/planning';
import { useLocalMessage, useT } from '../../i18n/useT';
import { usePlanStore } from '../../stores/plan';
import { tl } from './shapes/useShapeDrawing';

const NONE: CheckOverride[] = [];

function OverrideForm(props: { issue: PlanIssue; testId: string; onDone: () => void }) {
  const t = useT();
  const edit = usePlanStore((s) => s.edit);
  const [reason, setReason] = useState('');
  const ok = cleanReason(reason) !== null;
  return (
    <form className="plan-override-form" onSubmit={(e) => {
      e.preventDefault();
      if (!ok) return;
      edit(tl('plan.override.edit'), (d) => ({ ...d, overrides: addOverride(d.overrides, props.issue, reason, new Date()) }));
      props.onDone();
    }}>
      <input value={reason} maxLength={2000} autoFocus placeholder={t('plan.override.reason')} aria-label={t('plan.override.reason')} data-testid={`${props.testId}-reason`} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="btn btn--small" disabled={!ok} data-testid={`${props.testId}-confirm`}>{t('plan.override.confirm')}</button>
      <button type="button" className="btn btn--small" onClick={props.onDone}>{t('plan.shapes.cancel')}</button>
    </form>
  );
}

export function ChecksSection({ issues }: { issues: PlanIssue[] }) {
  const t = useT();
  const local = useLocalMessage();
  const selectItem = usePlanStore((s) => s.selectItem);
  const overrides = usePlanStore((s) => s.doc?.overrides ?? NONE);
  const edit = usePlanStore((s) => s.edit);
  const [open, setOpen] = useState<number | null>(null);
  const status = useMemo(() => overrideStatus(issues, overrides), [issues, overrides]);
  const drop = (o: CheckOverride) => edit(tl('plan.override.editRemove'), (d) => ({ ...d, overrides: removeOverride(d.overrides, o) }));
  return (
    <>
      <div className="panel-title">
        {t('plan.checks')} <span className="panel-count">{issues.length}</span>
      </div>
      <ul className="plan-issues" data-testid="plan-issues">
        {status.issues.map(({ issue: i, override }, k) => (
          <li key={k} className={`plan-issue plan-issue--${override ? 'overridden' : i.severity}`} data-testid={`plan-issue-${k}`} data-rule={i.rule} data-severity={i.severity}>
            <button type="button" disabled={i.itemIndex === undefined} onClick={() => selectItem(i.itemIndex ?? null)}>
              <span className="plan-issue__where">{i.itemIndex === undefined ? t('plan.wholePlan') : t('plan.item', { n: i.itemIndex + 1 })}</span>
              {local(i.message)}
            </button>
            {override && (
              <p className="plan-override" data-testid={`plan-issue-${k}-override`}>
                {t('plan.override.by', { reason: override.reason })}{' '}
                <button type="button" className="btn btn--small" onClick={() => drop(override)}>{t('plan.override.remove')}</button>
              </p>
            )}
            {i.severity === 'error' && !override && open !== k && (
              <button type="button" className="btn btn--small plan-override-open" data-testid={`plan-issue-${k}-override-open`} onClick={() => setOpen(k)}>{t('plan.override.open')}</button>
            )}
            {i.severity === 'error' && !override && open === k && <OverrideForm issue={i} testId={`plan-issue-${k}-override`} onDone={() => setOpen(null)} />}
          </li>
        ))}
      </ul>
      {status.stale.length > 0 && (
        <ul className="plan-issues" data-testid="plan-stale-overrides">
          {status.stale.map((o, k) => (
            <li key={k} className="plan-issue plan-issue--stale">
              <p className="plan-override">
                {t('plan.override.stale', { where: o.itemIndex === undefined ? t('plan.wholePlan') : t('plan.item', { n: o.itemIndex + 1 }), rule: o.rule, reason: o.reason })}{' '}
                <button type="button" className="btn btn--small" onClick={() => drop(o)}>{t('plan.override.remove')}</button>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
