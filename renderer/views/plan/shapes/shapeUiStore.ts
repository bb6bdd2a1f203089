// Transient state of the shapes tools that is not part of the plan (so not undoable, not saved): the
// vertices of the shape being drawn, a fence circle's centre, the pattern preview, overwatch stations
// being picked, and the vehicle's mission read for comparison.
import { create } from 'zustand';
import type { Autopilot } from '../../../../shared/contract/types';
import type { LatLon, Plan } from '../../../../shared/plan/types';

export interface VehicleCopy {
  key: string;
  autopilot: Autopilot;
  plan: Plan;
  /** When it was read, ms since the epoch. */
  at: number;
}

interface ShapeUiState {
  /** Vertices clicked so far with a draw tool. */
  draft: LatLon[];
  cursor: LatLon | null;
  circleCentre: LatLon | null;
  /** The path the pattern form would add, for the map preview. */
  preview: LatLon[] | null;
  /** While true, clicks with the point tool add overwatch stations instead of point shapes. */
  pickingStations: boolean;
  pickedStations: LatLon[];
  vehicleCopy: VehicleCopy | null;
  /** The pattern whose parameters are open in the pattern list (the new-pattern form hides meanwhile). */
  editingPattern: string | null;
  /** Points the map should show next (an import far from the current view); the map hook clears it. */
  fitTo: LatLon[] | null;
  setDraft: (draft: LatLon[]) => void;
  setCursor: (cursor: LatLon | null) => void;
  setCircleCentre: (c: LatLon | null) => void;
  setPreview: (p: LatLon[] | null) => void;
  setPicking: (on: boolean) => void;
  setPickedStations: (s: LatLon[]) => void;
  setVehicleCopy: (c: VehicleCopy | null) => void;
  setEditingPattern: (id: string | null) => void;
  setFitTo: (points: LatLon[] | null) => void;
}

export const useShapeUi = create<ShapeUiState>()((set) => ({
  draft: [],
  cursor: null,
  circleCentre: null,
  preview: null,
  pickingStations: false,
  pickedStations: [],
  vehicleCopy: null,
  editingPattern: null,
  fitTo: null,
  setDraft: (draft) => set({ draft }),
  setCursor: (cursor) => set({ cursor }),
  setCircleCentre: (circleCentre) => set({ circleCentre }),
  setPreview: (preview) => set({ preview }),
  setPicking: (pickingStations) => set({ pickingStations }),
  setPickedStations: (pickedStations) => set({ pickedStations }),
  setVehicleCopy: (vehicleCopy) => set({ vehicleCopy }),
  setEditingPattern: (editingPattern) => set({ editingPattern }),
  setFitTo: (fitTo) => set({ fitTo }),
}));
