// Ground heights under a plan's items, from the station's terrain model (maps area), so the Plan
// view's ceiling check is measured above the ground rather than above home. Until the answer comes
// (or where the station has no terrain), the checks fall back to home and say so.
import { useEffect, useState } from 'react';
import { GROUND_HEIGHT_POINTS_MAX } from '../../../shared/contract/areas/maps';
import type { Plan } from '../../../shared/plan';
import { call } from '../../stores/actions';

export type GroundLookup = (lat: number, lon: number) => number | null;

const keyOf = (lat: number, lon: number): string => `${lat.toFixed(7)},${lon.toFixed(7)}`;

function planPoints(plan: Plan): Array<{ lat: number; lon: number }> {
  const seen = new Set<string>();
  const points: Array<{ lat: number; lon: number }> = [];
  const add = (lat: number, lon: number) => {
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return;
    const k = keyOf(lat, lon);
    if (!seen.has(k)) seen.add(k), points.push({ lat, lon });
  };
  for (const it of plan.mission.items) add(it.x, it.y);
  const home = plan.mission.plannedHome;
  if (home) add(home.lat, home.lon);
  return points;
}

/** A lookup of ground heights (m AMSL) at the plan's item positions; undefined until the station answered. */
export function useGroundHeights(plan: Plan | null): GroundLookup | undefined {
  const [lookup, setLookup] = useState<GroundLookup | undefined>(undefined);
  useEffect(() => {
    setLookup(undefined);
    if (!plan) return;
    let cancelled = false;
    const points = planPoints(plan);
    void (async () => {
      const heights = new Map<string, number | null>();
      for (let i = 0; i < points.length; i += GROUND_HEIGHT_POINTS_MAX) {
        const chunk = points.slice(i, i + GROUND_HEIGHT_POINTS_MAX);
        const out = await call('mapsGroundHeight', { points: chunk });
        if (!out.ok || cancelled) return; // no terrain service: the checks measure above home
        chunk.forEach((p, k) => heights.set(keyOf(p.lat, p.lon), out.value.heightsMslM[k] ?? null));
      }
      if (cancelled || ![...heights.values()].some((h) => h !== null)) return;
      setLookup(() => (lat: number, lon: number) => heights.get(keyOf(lat, lon)) ?? null);
    })();
    return () => {
      cancelled = true;
    };
  }, [plan]);
  return lookup;
}
