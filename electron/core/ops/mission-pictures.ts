// Each vehicle's mission, fence and rally as last uploaded to it or downloaded from it through the
// station (from the operation records), so a commander who never opened the plan sees the paths.
import type { MissionPicture } from '../../../shared/contract/ops-types';
import type { PlanPart } from '../../../shared/contract/types';
import type { Plan } from '../../../shared/plan';
import { routePoints } from '../../../shared/plan/route';
import type { OperationRecord } from '../station-parts/vehicle-operations';

export class MissionPictures {
  private readonly byKey = new Map<string, MissionPicture>();

  /**
   * Applies a finished operation; returns the vehicle's new picture when it changed.
   * `homeOffset`: ArduPilot numbers the home item 0, so plan item i is vehicle seq i + 1.
   */
  apply(r: OperationRecord, homeOffset: number, nowMs: number): MissionPicture | null {
    if (r.error) return null;
    if (r.kind === 'upload') return this.set(r.key, r.plan, r.types, homeOffset, nowMs);
    if (r.kind === 'download' && r.result) return this.set(r.key, r.result, r.types, homeOffset, nowMs);
    if (r.kind === 'clear') return this.set(r.key, null, r.types, homeOffset, nowMs);
    return null;
  }

  private set(key: string, plan: Plan | null, types: readonly PlanPart[], homeOffset: number, nowMs: number): MissionPicture {
    const prev = this.byKey.get(key) ?? { key, points: [], fence: null, rally: [], updatedMs: nowMs };
    const next: MissionPicture = { ...prev, updatedMs: nowMs };
    if (types.includes('mission')) {
      next.points = plan ? routePoints(plan).map((p) => ({ seq: p.index + homeOffset, lat: p.lat, lon: p.lon, altM: p.altM, command: p.command })) : [];
    }
    if (types.includes('fence')) next.fence = plan ? { polygons: plan.fence.polygons, circles: plan.fence.circles } : null;
    if (types.includes('rally')) next.rally = plan ? plan.rally.points.map((p) => ({ lat: p.lat, lon: p.lon, altM: p.altM })) : [];
    this.byKey.set(key, next);
    return next;
  }

  all(): MissionPicture[] {
    return [...this.byKey.values()];
  }
}
