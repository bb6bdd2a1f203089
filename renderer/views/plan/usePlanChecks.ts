// The checks of the plan on screen, rerun on every edit, with everything the station knows: airspace
// zones (maps area), ground heights (terrain model), the aircraft profile's endurance and reserve, and
// the crowds of the plan's overwatch patterns.
import { useMemo } from 'react';
import { checkPlan, type PlanDoc, type PlanIssue } from '../../../shared/planning';
import { selectZones, useMapsStore } from '../../stores/maps';
import { useGroundHeights } from './useGroundHeights';

export function usePlanChecks(doc: PlanDoc | null): PlanIssue[] {
  const zones = useMapsStore(selectZones);
  const groundElevationMslM = useGroundHeights(doc?.plan ?? null);
  return useMemo(() => {
    if (!doc) return [];
    const { aircraft } = doc;
    const crowds = doc.patterns.flatMap((p) => (p.spec.kind === 'overwatch' ? [p.spec.crowd] : []));
    return checkPlan(doc.plan, { zones, groundElevationMslM, crowds, cruiseSpeedMps: aircraft.cruiseSpeedMps, enduranceS: aircraft.enduranceS, reservePct: aircraft.reservePct });
  }, [doc, zones, groundElevationMslM]);
}
