// The mission items (plan indexes) that differ from the vehicle's copy read by "Compare with vehicle",
// recomputed as the plan is edited; empty when no comparison is shown. For the map rings here and for
// any list that wants to mark them (the Mission tab can use this hook as it is).
import { useMemo } from 'react';
import { diffPlans, differingItemIndexes } from '../../../../shared/planning';
import { usePlanStore } from '../../../stores/plan';
import { usePlanUploadStore } from '../../../stores/planUpload';
import { autopilotFamily } from './family';
import { useShapeUi } from './shapeUiStore';

const NONE: number[] = [];

export function useDifferingItems(): number[] {
  const plan = usePlanStore((s) => s.doc?.plan ?? null);
  const stored = useShapeUi((s) => s.vehicleCopy);
  const vehicleKey = usePlanUploadStore((s) => s.vehicleKey);
  // Only the copy of the vehicle chosen in the upload panel, as the panel shows it.
  const copy = stored && stored.key === vehicleKey ? stored : null;
  return useMemo(() => (plan && copy ? differingItemIndexes(diffPlans(plan, copy.plan, autopilotFamily(copy.autopilot))) : NONE), [plan, copy]);
}
