// The replay area's state in the UI: the flight library (with its filter and logbook), what is open in
// the replay, its player state, its vehicles (merged exactly as live snapshots are) and its notes.
import { create } from 'zustand';
import type { FlightFilter, FlightRecord, Logbook, ReplayInfo, ReplayState } from '../../shared/contract/flight-types';
import type { Note } from '../../shared/contract/notes';
import type { ReplayPicture } from '../../shared/contract/replay-picture';
import type { VehicleSnapshot } from '../../shared/contract/types';
import { mergeVehicles, sortedVehicles, type VehicleMap } from './vehicles';

export const CLOSED_REPLAY: ReplayState = { open: false, playing: false, speed: 1, tMs: 0, startMs: 0, endMs: 0 };

interface ReplayStoreState {
  flights: FlightRecord[];
  logbook: Logbook | null;
  filter: FlightFilter;
  info: ReplayInfo | null;
  state: ReplayState;
  byKey: VehicleMap;
  vehicles: VehicleSnapshot[];
  notes: Note[];
  picture: ReplayPicture | null;
  /** The replayed vehicle whose instruments are shown (null: the first). */
  selectedKey: string | null;
  select: (key: string) => void;
  setFlights: (flights: FlightRecord[], logbook: Logbook) => void;
  setFilter: (filter: FlightFilter) => void;
  opened: (info: ReplayInfo) => void;
  closed: () => void;
  stateArrived: (state: ReplayState) => void;
  /** A replayVehicles event: all of the replay's vehicles at one moment (a seek replaces them). */
  vehiclesArrived: (vehicles: readonly unknown[]) => void;
  setNotes: (notes: Note[]) => void;
  setPicture: (picture: ReplayPicture) => void;
}

export const useReplayStore = create<ReplayStoreState>()((set) => ({
  flights: [],
  logbook: null,
  filter: {},
  info: null,
  state: CLOSED_REPLAY,
  byKey: {},
  vehicles: [],
  notes: [],
  picture: null,
  selectedKey: null,
  select: (selectedKey) => set({ selectedKey }),
  setFlights: (flights, logbook) => set({ flights, logbook }),
  setFilter: (filter) => set({ filter }),
  // Vehicles are left to the replayVehicles events: the open's own event may arrive before its answer.
  opened: (info) => set({ info, notes: [], picture: null }),
  closed: () => set({ info: null, state: CLOSED_REPLAY, byKey: {}, vehicles: [], notes: [], picture: null }),
  stateArrived: (state) => typeof state === 'object' && state !== null && set(state.open ? { state } : { state, info: null, byKey: {}, vehicles: [] }),
  vehiclesArrived: (vehicles) =>
    set(() => {
      const byKey = mergeVehicles({}, vehicles);
      return { byKey, vehicles: sortedVehicles(byKey) };
    }),
  setNotes: (notes) => set({ notes }),
  setPicture: (picture) => set({ picture }),
}));

/** Notes at or before the replay's moment: what the crew had written by then. */
export function notesUpTo(notes: readonly Note[], tMs: number): Note[] {
  return notes.filter((n) => n.tMs <= tMs);
}
