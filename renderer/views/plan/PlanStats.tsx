// The statistics block of the Plan view.
import type { PlanDoc } from '../../../shared/planning';
import { useT } from '../../i18n/useT';
import { planStatistics } from './planStats';
import { useMemo } from 'react';

export function PlanStats({ doc }: { doc: PlanDoc }) {
  const t = useT();
  const s = useMemo(() => planStatistics(doc), [doc]);
  return (
    <dl className="plan-stats" data-testid="plan-stats">
      <dt>{t('plan.items')}</dt>
      <dd data-testid="plan-item-count">{s.items}</dd>
      <dt>{t('plan.patterns')}</dt>
      <dd>{doc.patterns.length === 0 ? '—' : doc.patterns.map((p) => t(`plan.kind.${p.spec.kind}`)).join(', ')}</dd>
      <dt>{t('plan.track')}</dt>
      <dd>{t('plan.km', { km: (s.trackM / 1000).toFixed(2) })}</dd>
      <dt>{t('plan.time')}</dt>
      <dd>{t('plan.min', { min: (s.timeS / 60).toFixed(1) })}</dd>
      <dt>{t('plan.maxAlt')}</dt>
      <dd>{s.maxAltM === null ? '—' : t('plan.m', { m: s.maxAltM.toFixed(0) })}</dd>
      <dt>{t('plan.maxFromHome')}</dt>
      <dd>{s.maxFromHomeM === null ? '—' : t('plan.m', { m: s.maxFromHomeM.toFixed(0) })}</dd>
    </dl>
  );
}
