// Which vehicle the panels show and the map follows.
import { create } from 'zustand';
import type { VehicleSnapshot } from '../../shared/contract/types';

/** The first vehicle to appear is selected, so a lone drone needs no click; a choice is never overridden. */
export function autoSelect(selectedKey: string | null, sortedVehicles: readonly VehicleSnapshot[]): string | null {
  if (selectedKey !== null) return selectedKey;
  return sortedVehicles[0]?.key ?? null;
}

interface SelectionState {
  selectedKey: string | null;
  follow: boolean;
  select: (key: string | null) => void;
  vehiclesSeen: (sortedVehicles: readonly VehicleSnapshot[]) => void;
  setFollow: (follow: boolean) => void;
  toggleFollow: () => void;
}

export const useSelectionStore = create<SelectionState>()((set) => ({
  selectedKey: null,
  follow: true,
  select: (key) => set({ selectedKey: key }),
  vehiclesSeen: (list) =>
    set((s) => {
      const selectedKey = autoSelect(s.selectedKey, list);
      return selectedKey === s.selectedKey ? s : { selectedKey };
    }),
  setFollow: (follow) => set({ follow }),
  toggleFollow: () => set((s) => ({ follow: !s.follow })),
}));

export const selectSelectedKey = (s: SelectionState): string | null => s.selectedKey;
export const selectFollow = (s: SelectionState): boolean => s.follow;
