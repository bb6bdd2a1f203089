// The checks, each linked to the item it concerns: clicking one selects that item on the map.
import type { PlanIssue } from '../../../shared/planning';
import { useLocalMessage, useT } from '../../i18n/useT';
import { usePlanStore } from '../../stores/plan';

export function ChecksSection({ issues }: { issues: PlanIssue[] }) {
  const t = useT();
  const local = useLocalMessage();
  const selectItem = usePlanStore((s) => s.selectItem);
  return (
    <>
      <div className="panel-title">
        {t('plan.checks')} <span className="panel-count">{issues.length}</span>
      </div>
      <ul className="plan-issues" data-testid="plan-issues">
        {issues.map((i, k) => (
          <li key={k} className={`plan-issue plan-issue--${i.severity}`}>
            <button type="button" disabled={i.itemIndex === undefined} onClick={() => selectItem(i.itemIndex ?? null)}>
              <span className="plan-issue__where">{i.itemIndex === undefined ? t('plan.wholePlan') : t('plan.item', { n: i.itemIndex + 1 })}</span>
              {local(i.message)}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
