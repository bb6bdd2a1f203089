// Legs over a crowd. Overwatch orbits keep their stand-off and their transits go round the crowd, but
// the legs the pattern does not own can still cross it: from home (or the item before) to the first
// station, and the return home a mission ends with. A drone that fails there falls on people, so each
// such leg is named, with the item it flies to; the pilot adds a waypoint round it or says why not.

import type { LatLon, Plan } from '../../plan/types';
import { MAV_CMD } from '../../plan/mav-enums';
import { routePoints } from '../../plan/route';
import { msg } from '../../contract/errors';
import { localFrame } from '../geometry';
import { legTouches } from './areas';
import type { PlanIssue } from './context';

export function crowdLegIssues(plan: Plan, crowds: readonly LatLon[][]): PlanIssue[] {
  const rings = crowds.filter((c) => c.length >= 3);
  const route = routePoints(plan);
  if (rings.length === 0 || route.length === 0) return [];
  const home = plan.mission.plannedHome;
  const f = localFrame(home ?? route[0]);
  const areas = rings.map((r) => ({ inclusion: false, ring: r.map(f.toXY) }));
  const crosses = (a: LatLon, b: LatLon): boolean => areas.some((area) => legTouches(area, f.toXY(a), f.toXY(b)));
  const out: PlanIssue[] = [];
  const over = (itemIndex: number, what: 'leg' | 'fromHome' | 'return') =>
    out.push({
      rule: 'leg_over_crowd',
      severity: 'warning',
      itemIndex,
      message:
        what === 'leg'
          ? msg('The leg to this item flies over the crowd.', '飞往此航点的航段经过人群上空。')
          : what === 'fromHome'
            ? msg('The leg from home to this item flies over the crowd.', '从起飞点飞往此航点的航段经过人群上空。')
            : msg('The return home from the last place flies straight over the crowd: add a waypoint round it before the return.', '从最后一个航点返航的直线经过人群上空：请在返航前加一个绕行航点。'),
    });
  if (home && crosses(home, route[0])) over(route[0].index, 'fromHome');
  for (let k = 1; k < route.length; k++) if (crosses(route[k - 1], route[k])) over(route[k].index, 'leg');
  const items = plan.mission.items;
  const lastIndex = items.length - 1;
  if (home && items[lastIndex]?.command === MAV_CMD.NAV_RETURN_TO_LAUNCH && crosses(route[route.length - 1], home)) over(lastIndex, 'return');
  return out;
}
