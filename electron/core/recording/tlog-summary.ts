// What a pilot (or `gcs tlog info`) wants to know of a tlog before replaying it: when, how long, who
// is in it, which messages and how many, and what was skipped.
import { ardupilotDialect, type Dialect } from '../mavlink';
import type { TlogIndex, TlogStats } from './tlog-index';

export interface TlogSummary {
  startUs: number;
  endUs: number;
  durationS: number;
  systems: Array<{ sysid: number; compid: number; frames: number }>;
  messages: Array<{ msgid: number; name: string; count: number }>;
  stats: TlogStats;
}

export function summarizeTlog(index: TlogIndex, dialect: Dialect = ardupilotDialect()): TlogSummary {
  const perMsg = new Map<number, number>();
  const perSys = new Map<number, number>();
  for (let k = 0; k < index.count; k++) {
    perMsg.set(index.msgid[k], (perMsg.get(index.msgid[k]) ?? 0) + 1);
    const key = index.sysid[k] * 256 + index.compid[k];
    perSys.set(key, (perSys.get(key) ?? 0) + 1);
  }
  return {
    startUs: index.startUs,
    endUs: index.endUs,
    durationS: (index.endUs - index.startUs) / 1e6,
    systems: [...perSys].sort((a, b) => a[0] - b[0]).map(([key, frames]) => ({ sysid: key >> 8, compid: key & 255, frames })),
    messages: [...perMsg]
      .map(([msgid, count]) => ({ msgid, name: dialect.byId(msgid)?.name ?? `MSG_${msgid}`, count }))
      .sort((a, b) => b.count - a.count || a.msgid - b.msgid),
    stats: index.stats,
  };
}
