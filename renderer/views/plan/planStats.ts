// The Plan view's statistics, as the issue lists them: total distance, estimated time, maximum altitude,
// maximum distance from home, item count. Pure, so the view recomputes it on every edit.
import { distanceM } from '../../../shared/geo/distance';
import { routePoints } from '../../../shared/plan/route';
import { flightTimeS, type PlanDoc } from '../../../shared/planning';

export interface PlanStatistics {
  items: number;
  trackM: number;
  timeS: number;
  /** Highest altitude of any route point, metres, in its own frame (mostly above home). */
  maxAltM: number | null;
  maxFromHomeM: number | null;
}

export function planStatistics(doc: PlanDoc): PlanStatistics {
  const { plan } = doc;
  const home = plan.mission.plannedHome;
  const { trackM, timeS } = flightTimeS(plan, { cruiseSpeedMps: doc.settings.defaultSpeedMps }, home);
  const pts = routePoints(plan);
  const maxAltM = pts.length ? Math.max(...pts.map((p) => p.altM)) : null;
  const maxFromHomeM = home && pts.length ? Math.max(...pts.map((p) => distanceM(home, p))) : null;
  return { items: plan.mission.items.length, trackM, timeS, maxAltM, maxFromHomeM };
}
