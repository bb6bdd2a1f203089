// Where each vehicle has been: [lon, lat] points, a new one only after a real move, capped.
import { create } from 'zustand';
import type { VehicleSnapshot } from '../../shared/contract/types';

export type LonLat = [number, number];
export type Trails = Readonly<Record<string, LonLat[]>>;

export interface TrailOptions {
  /** Moves shorter than this are GPS jitter, not flight; ~1 m keeps a hovering drone's trail short. */
  minStepM: number;
  /** Oldest points are dropped beyond this; at 5 Hz and 1 m steps 600 is a few minutes of flight. */
  maxPoints: number;
}

export const DEFAULT_TRAIL_OPTIONS: TrailOptions = { minStepM: 1, maxPoints: 600 };

const EARTH_RADIUS_M = 6_371_000;

/** Equirectangular distance: exact enough (< 0.1 %) for steps of metres to kilometres. */
export function approxDistanceM(a: LonLat, b: LonLat): number {
  const toRad = Math.PI / 180;
  const x = (b[0] - a[0]) * toRad * Math.cos(((a[1] + b[1]) / 2) * toRad);
  const y = (b[1] - a[1]) * toRad;
  return Math.hypot(x, y) * EARTH_RADIUS_M;
}

function validPosition(v: VehicleSnapshot): LonLat | null {
  const { lat, lon } = v;
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [lon, lat];
}

export function appendTrails(prev: Trails, vehicles: readonly VehicleSnapshot[], opts: TrailOptions = DEFAULT_TRAIL_OPTIONS): Trails {
  let next: Record<string, LonLat[]> | null = null;
  const maxPoints = Math.max(1, Math.floor(opts.maxPoints));
  for (const v of vehicles) {
    const p = validPosition(v);
    if (!p) continue;
    const trail = (next ?? prev)[v.key] ?? [];
    const last = trail[trail.length - 1];
    if (last && approxDistanceM(last, p) < opts.minStepM) continue;
    const grown = trail.length >= maxPoints ? [...trail.slice(trail.length - maxPoints + 1), p] : [...trail, p];
    next ??= { ...prev };
    next[v.key] = grown;
  }
  return next ?? prev;
}

interface TrailsState {
  trails: Trails;
  options: TrailOptions;
  received: (vehicles: readonly VehicleSnapshot[]) => void;
  setOptions: (options: Partial<TrailOptions>) => void;
  clear: () => void;
}

export const useTrailsStore = create<TrailsState>()((set) => ({
  trails: {},
  options: DEFAULT_TRAIL_OPTIONS,
  received: (vehicles) =>
    set((s) => {
      const trails = appendTrails(s.trails, vehicles, s.options);
      return trails === s.trails ? s : { trails };
    }),
  setOptions: (options) => set((s) => ({ options: { ...s.options, ...options } })),
  clear: () => set({ trails: {} }),
}));

export const selectTrails = (s: TrailsState): Trails => s.trails;
