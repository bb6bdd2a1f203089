// Where the route runs under, through or over an airspace zone, as stretches of the profile's distance
// axis with the zone's band in the profile's unit: the strip can then draw the control zone's floor
// above the route, and a pilot sees how much room is left, not only that an item is "in" a zone.
import { zoneContains } from '../airspace/check';
import type { AirspaceZone } from '../airspace/zone';
import type { PlanProfile } from './plan-profile';

export interface ProfileZoneSpan {
  name: string;
  kind: AirspaceZone['kind'];
  fromM: number;
  toM: number;
  /** The band in the profile's unit (m AMSL with terrain, m above home without); null: open that way. */
  floorM: number | null;
  ceilingM: number | null;
}

/** Enough to draw; a route through a thousand zone slivers is better read in the checks list. */
const MAX_SPANS = 200;

/**
 * `homeAltMslM` turns AMSL limits into heights above home when the profile has no terrain; without
 * it (no planned home) such limits cannot be placed and the span is drawn open.
 */
export function profileZoneSpans(p: PlanProfile, zones: readonly AirspaceZone[], homeAltMslM?: number): ProfileZoneSpan[] {
  const toUnit = (m: number | undefined): number | null => {
    if (m === undefined) return null;
    if (p.mode === 'terrain') return m;
    return homeAltMslM === undefined ? null : m - homeAltMslM;
  };
  const spans: ProfileZoneSpan[] = [];
  for (const z of zones) {
    let open: ProfileZoneSpan | null = null;
    for (const s of p.samples) {
      const inside = zoneContains(z, s);
      if (inside && !open) {
        open = { name: z.name, kind: z.kind, fromM: s.distanceM, toM: s.distanceM, floorM: toUnit(z.floorMslM), ceilingM: toUnit(z.ceilingMslM) };
        spans.push(open);
      } else if (inside && open) open.toM = s.distanceM;
      else open = null;
      if (spans.length >= MAX_SPANS) return spans;
    }
  }
  return spans.sort((a, b) => a.fromM - b.fromM);
}
