// The plan being looked at in the Plan view: opened from a .plan file, with its patterns and checks.
import { create } from 'zustand';
import { toErrorValue } from '../../shared/contract/errors';
import type { ContractErrorValue } from '../../shared/contract/types';
import type { Plan } from '../../shared/plan/types';
import { checkPlan, readPlanFile, type DroppedPattern, type PatternInstance, type PlanIssue } from '../../shared/planning';

interface PlanState {
  plan: Plan | null;
  patterns: PatternInstance[];
  dropped: DroppedPattern[];
  issues: PlanIssue[];
  fileName: string | null;
  error: ContractErrorValue | null;
  selectedIndex: number | null;
  openText: (fileName: string, text: string) => void;
  selectItem: (index: number | null) => void;
}

export const usePlanStore = create<PlanState>()((set) => ({
  plan: null,
  patterns: [],
  dropped: [],
  issues: [],
  fileName: null,
  error: null,
  selectedIndex: null,
  openText: (fileName, text) => {
    try {
      const r = readPlanFile(text);
      // A failed open keeps the plan already shown: nothing is lost by picking the wrong file.
      set({ plan: r.plan, patterns: r.patterns, dropped: r.dropped, issues: checkPlan(r.plan), fileName, error: null, selectedIndex: null });
    } catch (err) {
      set({ error: toErrorValue(err) });
    }
  },
  selectItem: (index) => set({ selectedIndex: index }),
}));
