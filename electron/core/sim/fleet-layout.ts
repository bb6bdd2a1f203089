// Where each simulated drone of `gcs sim --vehicles N` stands at start. Apart by more than the
// station's drone-to-drone minimum (50 m horizontally, both armed: traffic/separation.ts), so that
// arming and climbing side by side is not itself a separation alert, and a pilot who sees one in the
// demo knows it means something. In a line eastwards: the demo's first legs head north, then ever
// further east (demo.ts, 40 degrees more per drone), so no drone's first leg crosses another's home.
import { moveNe, type GeoPoint } from './geo';

export const VEHICLE_SPACING_M = 60;

/** The start (and home) of drone `index`; drone 0 stands on `home` itself. */
export function vehicleStart(home: GeoPoint, index: number): GeoPoint {
  return moveNe(home, 0, index * VEHICLE_SPACING_M);
}
