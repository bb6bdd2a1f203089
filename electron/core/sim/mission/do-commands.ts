// The DO commands of an AUTO mission: immediate actions run as the executor passes them on its way
// to the next NAV item. DO_JUMP is control flow and lives in the executor. Unknown DO commands
// (servos, cameras ...) are passed over, as a vehicle without that hardware does.
import type { GeoPoint } from '../geo';
import type { SimState } from '../state';
import { hasLocation, itemPoint, MAV_CMD } from './item-location';
import type { StoredItem } from './vehicle-mission-store';

export interface DoContext {
  readonly state: SimState;
  /** Region of interest the nose points at while the mission runs; null clears it. */
  setRoi(point: GeoPoint | null): void;
}

export type DoHandler = (ctx: DoContext, item: StoredItem) => void;

const MAX_SPEED_MPS = 20; // the model's limit, as in SimVehicle.changeSpeed

const setRoiLocation: DoHandler = (ctx, item) => ctx.setRoi(hasLocation(item) ? itemPoint(item, ctx.state.home, ctx.state.position) : null);

export const DO_COMMANDS: Readonly<Record<number, DoHandler>> = {
  // param2: horizontal speed in m/s; -1 and 0 mean "no change" (ArduCopter).
  [MAV_CMD.DO_CHANGE_SPEED]: (ctx, item) => {
    if (Number.isFinite(item.param2) && item.param2 > 0) ctx.state.speedOverrideMps = Math.min(item.param2, MAX_SPEED_MPS);
  },
  [MAV_CMD.DO_SET_ROI_LOCATION]: setRoiLocation,
  [MAV_CMD.DO_SET_ROI]: setRoiLocation,
  [MAV_CMD.DO_SET_ROI_NONE]: (ctx) => ctx.setRoi(null),
};
