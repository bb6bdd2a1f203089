// Sending the open plan to one vehicle: progress from the station's missionProgress events, then the
// verified result or a readable error.
import { create } from 'zustand';
import { toErrorValue } from '../../shared/contract/errors';
import type { ContractErrorValue, MissionProgressEvent, PlanUploadResult } from '../../shared/contract/types';
import type { Plan } from '../../shared/plan/types';
import { useConnectionStore } from './connection';

interface PlanUploadState {
  vehicleKey: string | null;
  busy: boolean;
  progress: { done: number; total: number; direction: 'upload' | 'download' } | null;
  result: PlanUploadResult | null;
  error: ContractErrorValue | null;
  chooseVehicle: (key: string | null) => void;
  progressed: (e: MissionProgressEvent) => void;
  upload: (plan: Plan) => Promise<void>;
}

export const usePlanUploadStore = create<PlanUploadState>()((set, get) => ({
  vehicleKey: null,
  busy: false,
  progress: null,
  result: null,
  error: null,
  chooseVehicle: (key) => set({ vehicleKey: key, result: null, error: null }),
  progressed: (e) => {
    if (e.key === get().vehicleKey && e.type === 'mission') set({ progress: { done: e.done, total: e.total, direction: e.direction } });
  },
  upload: async (plan) => {
    const key = get().vehicleKey;
    const client = useConnectionStore.getState().client;
    if (!key || !client || get().busy) return;
    set({ busy: true, progress: null, result: null, error: null });
    try {
      const result = await client.call('uploadPlan', { key, plan, types: ['mission', 'fence', 'rally'], verify: true });
      set({ result, busy: false });
    } catch (err) {
      set({ error: toErrorValue(err), busy: false });
    }
  },
}));
