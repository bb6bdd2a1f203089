// The shapes drawn or imported (search areas, patrol lines, crowds, points of interest) and the patterns made from them.
import { useT } from '../../../i18n/useT';
import { usePlanStore } from '../../../stores/plan';

export function ShapesTab() {
  const t = useT();
  const shapes = usePlanStore((s) => s.doc?.shapes ?? []);
  if (shapes.length === 0) return <p className="plan-hint">{t('plan.shapes.none')}</p>;
  return (
    <ul className="plan-shapes" data-testid="plan-shapes">
      {shapes.map((s) => (
        <li key={s.id}>{s.name ?? s.id}</li>
      ))}
    </ul>
  );
}
