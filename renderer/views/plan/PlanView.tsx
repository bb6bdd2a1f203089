// Plan view: drawing and checking routes before a flight (issue 4 fills this in).
import { useT } from '../../i18n/useT';

export function PlanView() {
  const t = useT();
  return (
    <div className="view-placeholder" data-testid="plan-view">
      <p>{t('view.plan.empty')}</p>
    </div>
  );
}
