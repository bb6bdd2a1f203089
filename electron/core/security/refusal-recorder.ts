// The one way a host's refusal (server: wrong token, foreign origin, forbidden call; desktop: an IPC
// message from a frame that is not the app) reaches the audit log. Both hosts share it so the rules
// are the same: a flood is recorded as a count, not row by row (a hostile page or a token guesser
// must not fill the disk), and the audit's own trouble never turns a refusal into a crash.
import type { Refusal } from './audit-log';

export const AUDITED_REFUSALS_PER_MIN = 100;
const WINDOW_MS = 60_000;

export type RecordRefusal = (r: Omit<Refusal, 'timeMs'>) => void;

export function createRefusalRecorder(opts: {
  record: ((r: Refusal) => void) | undefined;
  /** The channel named on the row that counts a flood: the host ('server', 'ipc'). */
  floodChannel: string;
  now?: () => number;
  perMinute?: number;
}): RecordRefusal {
  const now = opts.now ?? Date.now;
  const perMinute = opts.perMinute ?? AUDITED_REFUSALS_PER_MIN;
  let windowStart = -Infinity;
  let inWindow = 0;
  let unrecorded = 0;
  return (r) => {
    const record = opts.record;
    if (!record) return;
    const t = now();
    try {
      if (t - windowStart >= WINDOW_MS) {
        if (unrecorded > 0) record({ channel: opts.floodChannel, who: 'several', reason: `${unrecorded} more refusals in the last minute were not recorded one by one`, timeMs: t });
        windowStart = t;
        inWindow = 0;
        unrecorded = 0;
      }
      if (inWindow >= perMinute) {
        unrecorded++;
        return;
      }
      inWindow++;
      record({ ...r, timeMs: t });
    } catch {
      // A full disk or a closed database: the refusal itself still stands.
    }
  };
}
