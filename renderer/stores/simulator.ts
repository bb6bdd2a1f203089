// The station's built-in simulator: whether it runs, how many vehicles.
import { create } from 'zustand';
import type { SimulatorInfo } from '../../shared/contract/types';

interface SimulatorState {
  info: SimulatorInfo | null;
  received: (info: SimulatorInfo) => void;
}

export const useSimulatorStore = create<SimulatorState>()((set) => ({
  info: null,
  received: (info) => set({ info }),
}));

export const selectSimulatorRunning = (s: SimulatorState): boolean => s.info?.running === true;
