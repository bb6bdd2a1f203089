// Which read-back normalisation rules apply to a vehicle (shared/plan/mission-compare).
import type { Autopilot } from '../../../../shared/contract/types';
import type { AutopilotFamily } from '../../../../shared/plan/mission-compare';

export const autopilotFamily = (a: Autopilot): AutopilotFamily => (a === 'ardupilot' || a === 'px4' ? a : 'generic');
