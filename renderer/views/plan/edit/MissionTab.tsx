// The mission's items in order; clicking one selects it on the map.
import { MAV_CMD } from '../../../../shared/plan/mav-enums';

const NAMES = new Map<number, string>(Object.entries(MAV_CMD).map(([k, v]) => [v, k]));
const commandName = (c: number): string => NAMES.get(c) ?? `CMD ${c}`;
import { usePlanStore } from '../../../stores/plan';

export function MissionTab() {
  const items = usePlanStore((s) => s.plan?.mission.items ?? []);
  const selection = usePlanStore((s) => s.selection);
  const selectItem = usePlanStore((s) => s.selectItem);
  return (
    <ol className="plan-items" data-testid="plan-items">
      {items.map((it, i) => (
        <li key={i} className={selection.includes(i) ? 'plan-items__row plan-items__row--selected' : 'plan-items__row'}>
          <button type="button" onClick={() => selectItem(i)}>
            {i + 1}. {commandName(it.command)}
          </button>
        </li>
      ))}
    </ol>
  );
}
