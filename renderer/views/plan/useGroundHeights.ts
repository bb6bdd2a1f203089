// Ground heights under a plan, from the station's terrain model (maps area): at the items, so the
// Plan view's ceiling check is measured above the ground rather than above home, and along every leg,
// for the altitude profile. Until the answer comes (or where the station has no terrain), the checks
// fall back to home and say so.
import { useEffect, useState } from 'react';
import { GROUND_HEIGHT_POINTS_MAX } from '../../../shared/contract/areas/maps';
import type { Plan } from '../../../shared/plan';
import { planProfilePoints } from '../../../shared/terrain/plan-profile';
import { call } from '../../stores/actions';
import { useMapsStore } from '../../stores/maps';

export type GroundLookup = (lat: number, lon: number) => number | null;

/** 'none': the station has no terrain here (or no terrain service); 'loading': not answered yet. */
export type GroundState = { status: 'loading' } | { status: 'none' } | { status: 'ready'; lookup: GroundLookup };

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
  for (const p of planProfilePoints(plan)) add(p.lat, p.lon);
  return points;
}

async function fetchGround(plan: Plan): Promise<GroundState> {
  const points = planPoints(plan);
  const heights = new Map<string, number | null>();
  for (let i = 0; i < points.length; i += GROUND_HEIGHT_POINTS_MAX) {
    const chunk = points.slice(i, i + GROUND_HEIGHT_POINTS_MAX);
    const out = await call('mapsGroundHeight', { points: chunk });
    if (!out.ok) return { status: 'none' }; // no terrain service: the checks measure above home
    chunk.forEach((p, k) => heights.set(keyOf(p.lat, p.lon), out.value.heightsMslM[k] ?? null));
  }
  if (![...heights.values()].some((h) => h !== null)) return { status: 'none' };
  return { status: 'ready', lookup: (lat, lon) => heights.get(keyOf(lat, lon)) ?? null };
}

// The checks and the profile ask about the same plan object: one request serves both, until the
// station's tiles change (the pilot pressed Reload terrain after copying new ones).
const asked = new WeakMap<Plan, { tiles: string; pending: Promise<GroundState> }>();
/** An editor changes the plan many times a second while dragging: ask once it settles. */
const SETTLE_MS = 150;

/** The ground under the plan's items and legs, and whether the station has any there. */
export function useGroundModel(plan: Plan | null): GroundState {
  const [state, setState] = useState<GroundState>({ status: 'loading' });
  // Only the tile list: the terrain event also fires while vehicles are being served, once a second.
  const tiles = useMapsStore((s) => s.terrain?.tiles.map((t) => t.file).join('|') ?? '');
  useEffect(() => {
    setState(plan ? { status: 'loading' } : { status: 'none' });
    if (!plan) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      let entry = asked.get(plan);
      if (!entry || entry.tiles !== tiles) {
        entry = { tiles, pending: fetchGround(plan).catch((): GroundState => ({ status: 'none' })) };
        asked.set(plan, entry);
      }
      void entry.pending.then((s) => {
        if (!cancelled) setState(s);
      });
    }, SETTLE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [plan, tiles]);
  return state;
}

/** A lookup of ground heights (m AMSL) at the plan's positions; undefined until the station answered. */
export function useGroundHeights(plan: Plan | null): GroundLookup | undefined {
  const s = useGroundModel(plan);
  return s.status === 'ready' ? s.lookup : undefined;
}
