// Where a stored mission item points, in the simulator's terms (degrees, metres above MSL). Frames as
// ArduPilot reads them: GLOBAL is above mean sea level, RELATIVE_ALT above home, TERRAIN_ALT above the
// ground (flat here, at home's altitude); a latitude/longitude of 0/0 means "where the vehicle is",
// and an altitude of 0 "at the altitude it is" (ModeAuto::loc_from_cmd).
import type { GeoPoint } from '../geo';
import type { StoredItem } from './vehicle-mission-store';

// The command ids the simulator acts on come from the plan model's table, so both sides agree.
export { MAV_CMD } from '../../../../shared/plan/mav-enums';

/** ArduPilot's is_nav_cmd(): ids up to MAV_CMD_NAV_LAST (95) move the vehicle; the rest run on the way. */
export function isNavCommand(command: number): boolean {
  return command <= 95;
}

const FRAME_GLOBAL = new Set([0, 5]); // GLOBAL, GLOBAL_INT
const FRAME_TERRAIN = new Set([10, 11]); // GLOBAL_TERRAIN_ALT(_INT)

/** An item's z as metres above MSL. RELATIVE_ALT(_INT) and anything else: above home. */
export function itemAltMslM(item: StoredItem, home: GeoPoint): number {
  if (FRAME_GLOBAL.has(item.frame)) return item.z;
  if (FRAME_TERRAIN.has(item.frame)) return home.altMslM + item.z; // flat terrain at home height
  return home.altMslM + item.z;
}

/** The item's location, with ArduPilot's "0 means current" rules for lat/lon and altitude. */
export function itemPoint(item: StoredItem, home: GeoPoint, here: GeoPoint): GeoPoint {
  const altMslM = item.z === 0 ? here.altMslM : itemAltMslM(item, home);
  if (item.x === 0 && item.y === 0) return { lat: here.lat, lon: here.lon, altMslM };
  return { lat: item.x / 1e7, lon: item.y / 1e7, altMslM };
}

/** The location's horizontal part only when the item gives one (NAV_LAND 0/0 lands where it is). */
export function hasLocation(item: StoredItem): boolean {
  return item.x !== 0 || item.y !== 0;
}
