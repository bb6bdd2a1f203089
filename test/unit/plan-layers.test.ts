// What the Plan view's map draws from a plan: the legs home implies (out to the first place, back on a
// return) and the legs a check found wrong.
import { describe, expect, it } from 'vitest';
import { legIssuesGeoJson, routeGeoJson } from '../../renderer/views/plan/planLayers';
import { MAV_CMD } from '../../shared/plan/mav-enums';
import { emptyPlan, planItem, type Plan } from '../../shared/plan/types';

const item = (command: number, lat = 0, lon = 0) => planItem({ frame: 3, command, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: lat, y: lon, z: 50 });
const home = { lat: 46.07, lon: 122.09, altMslM: 280 };

function plan(items: ReturnType<typeof item>[], withHome = true): Plan {
  const p = emptyPlan();
  return { ...p, mission: { ...p.mission, items, ...(withHome ? { plannedHome: home } : {}) } };
}
const kinds = (fc: GeoJSON.FeatureCollection) => fc.features.map((f) => f.properties?.kind);

describe('plan map layers', () => {
  it('draws the leg from home to the first place and back on a return, not for a takeoff at home', () => {
    const out = routeGeoJson(plan([item(MAV_CMD.NAV_TAKEOFF), item(16, 46.071, 122.091), item(16, 46.072, 122.092), item(MAV_CMD.NAV_RETURN_TO_LAUNCH)]));
    const legs = out.features.filter((f) => f.properties?.kind === 'homeLeg');
    expect(legs.map((f) => (f.geometry as GeoJSON.LineString).coordinates)).toEqual([
      [[122.09, 46.07], [122.091, 46.071]],
      [[122.092, 46.072], [122.09, 46.07]],
    ]);
    const atHome = routeGeoJson(plan([item(MAV_CMD.NAV_TAKEOFF, 46.07, 122.09), item(16, 46.071, 122.091), item(MAV_CMD.NAV_LAND, 46.071, 122.091)]));
    expect(kinds(atHome).filter((k) => k === 'homeLeg')).toHaveLength(0);
    expect(kinds(routeGeoJson(plan([item(16, 46.071, 122.091)], false)))).not.toContain('homeLeg');
  });

  it('draws a leg red when a leg rule flags the item it flies to, and nothing for item rules', () => {
    const p = plan([item(16, 46.071, 122.091), item(16, 46.072, 122.092), item(16, 46.073, 122.093)]);
    const fc = legIssuesGeoJson(p, [
      { rule: 'leg_crosses_exclusion', severity: 'error', itemIndex: 2, message: { en: '', zh: '' } },
      { rule: 'ceiling', severity: 'error', itemIndex: 1, message: { en: '', zh: '' } },
    ]);
    expect(fc.features).toHaveLength(1);
    expect((fc.features[0].geometry as GeoJSON.LineString).coordinates).toEqual([[122.092, 46.072], [122.093, 46.073]]);
    expect(legIssuesGeoJson(p, []).features).toHaveLength(0);
  });
});
