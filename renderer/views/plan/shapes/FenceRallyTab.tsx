// Geofence (inclusion and exclusion polygons and circles) and rally points.
import { usePlanStore } from '../../../stores/plan';

export function FenceRallyTab() {
  const plan = usePlanStore((s) => s.plan);
  if (!plan) return null;
  return (
    <p className="plan-hint" data-testid="plan-fence-summary">
      {plan.fence.polygons.length} / {plan.fence.circles.length} / {plan.rally.points.length}
    </p>
  );
}
