// Vehicles by key, fed by the 'vehicles' event (only the ones that changed) and getVehicles.
import { create } from 'zustand';
import type { StatusTextEvent, VehicleSnapshot } from '../../shared/contract/types';

export type VehicleMap = Readonly<Record<string, VehicleSnapshot>>;

export function isVehicleSnapshot(v: unknown): v is VehicleSnapshot {
  return typeof v === 'object' && v !== null && typeof (v as VehicleSnapshot).key === 'string' && typeof (v as VehicleSnapshot).sysid === 'number';
}

/**
 * A 'statustext' event may be newer than the next snapshot's copy (or the snapshot may not carry
 * one); the pilot must not see a warning vanish because telemetry ticked.
 */
function keepNewerStatusText(old: VehicleSnapshot | undefined, incoming: VehicleSnapshot): VehicleSnapshot {
  const kept = old?.lastStatusText;
  if (!kept) return incoming;
  const fresh = incoming.lastStatusText;
  if (fresh && fresh.t >= kept.t) return incoming;
  return { ...incoming, lastStatusText: kept };
}

/** Newer snapshots replace older ones by key; vehicles not in `incoming` are kept as they were. */
export function mergeVehicles(prev: VehicleMap, incoming: readonly unknown[]): VehicleMap {
  let next: Record<string, VehicleSnapshot> | null = null;
  for (const v of incoming) {
    if (!isVehicleSnapshot(v)) continue;
    next ??= { ...prev };
    next[v.key] = keepNewerStatusText(prev[v.key], v);
  }
  return next ?? prev;
}

/** A STATUSTEXT can arrive between snapshots; show it at once on its vehicle. */
export function applyStatusText(prev: VehicleMap, ev: StatusTextEvent): VehicleMap {
  const v = prev[ev.key];
  if (!v) return prev;
  if (v.lastStatusText && v.lastStatusText.t > ev.t) return prev;
  return { ...prev, [ev.key]: { ...v, lastStatusText: { severity: ev.severity, text: ev.text, t: ev.t } } };
}

/** Stable order for lists: by system id, then component id. */
export function sortedVehicles(map: VehicleMap): VehicleSnapshot[] {
  return Object.values(map).sort((a, b) => a.sysid - b.sysid || a.compid - b.compid);
}

interface VehiclesState {
  byKey: VehicleMap;
  /** Sorted; kept in the state so selectors return a stable reference between updates. */
  list: VehicleSnapshot[];
  received: (vehicles: readonly unknown[]) => void;
  replaced: (vehicles: readonly unknown[]) => void;
  statusText: (ev: StatusTextEvent) => void;
}

export const useVehiclesStore = create<VehiclesState>()((set) => ({
  byKey: {},
  list: [],
  received: (vehicles) =>
    set((s) => {
      const byKey = mergeVehicles(s.byKey, vehicles);
      return byKey === s.byKey ? s : { byKey, list: sortedVehicles(byKey) };
    }),
  replaced: (vehicles) =>
    set(() => {
      const byKey = mergeVehicles({}, vehicles);
      return { byKey, list: sortedVehicles(byKey) };
    }),
  statusText: (ev) =>
    set((s) => {
      const byKey = applyStatusText(s.byKey, ev);
      return byKey === s.byKey ? s : { byKey, list: sortedVehicles(byKey) };
    }),
}));

export const selectVehicleList = (s: VehiclesState): VehicleSnapshot[] => s.list;
export const selectVehicle =
  (key: string | null) =>
  (s: VehiclesState): VehicleSnapshot | null =>
    key ? (s.byKey[key] ?? null) : null;
