// An airspace zone as the plan checks see it. The maps area owns import, drawing and storage; the
// plan area's checks take a list of these. Heights are metres above mean sea level when given.
import type { LatLon } from '../plan/types';

export type ZoneKind = 'noFly' | 'restricted';

export type ZoneShape = { type: 'polygon'; vertices: LatLon[] } | { type: 'circle'; center: LatLon; radiusM: number };

export interface AirspaceZone {
  id: string;
  name: string;
  kind: ZoneKind;
  shape: ZoneShape;
  /** Vertical band, metres AMSL; absent means from the ground / without limit. */
  floorMslM?: number;
  ceilingMslM?: number;
  /** Where it came from (file name, "airport template", "drawn"). */
  source: string;
}
