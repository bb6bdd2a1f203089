// Flight time at a moment of a replay, as the live instruments show it: seconds since the vehicle's
// last arming before that moment, or null when it is disarmed then (or never armed in the log).
import type { TimelineMark } from '../../../shared/contract/flight-types';

export function replayFlightTimeS(marks: readonly TimelineMark[], vehicleKey: string, tMs: number): number | null {
  let armedAt: number | null = null;
  for (const m of marks) {
    if (m.tMs > tMs) break;
    if (m.vehicleKey !== null && m.vehicleKey !== vehicleKey) continue;
    if (m.kind === 'arm') armedAt = m.tMs;
    else if (m.kind === 'disarm') armedAt = null;
  }
  return armedAt === null ? null : (tMs - armedAt) / 1000;
}
