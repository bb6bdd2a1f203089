// Alerts: conditions that start and end (low battery, link lost, a conflict) and one-off events
// (a STATUSTEXT warning). Each condition has a key; raising an active one again changes nothing, so
// a crew hears "link lost" once, not every second; when the condition ends the alert is kept in the
// list, inactive. One-off alerts go inactive by themselves after a while.
import type { AlertKind, OpsAlert } from '../../../shared/contract/ops-types';
import type { UserMessage } from '../../../shared/contract/types';

const LIST_MAX = 500;
export const ONE_OFF_ACTIVE_MS = 30_000;

export interface AlertSpec {
  kind: AlertKind;
  severity: 'critical' | 'warning';
  subject: string;
  message: UserMessage;
}

export class AlertBook {
  private readonly active = new Map<string, OpsAlert>();
  private readonly oneOffs = new Map<string, number>();
  private readonly list: OpsAlert[] = [];
  private seq = 0;

  constructor(private readonly onChange: (a: OpsAlert) => void) {}

  /** Raises the condition `id` if not already active; returns true when it was new. */
  raise(id: string, spec: AlertSpec, nowMs: number): boolean {
    if (this.active.has(id)) return false;
    const alert: OpsAlert = { id: `${++this.seq}`, ...spec, tMs: nowMs, active: true };
    this.active.set(id, alert);
    this.list.push(alert);
    if (this.list.length > LIST_MAX) this.list.splice(0, this.list.length - LIST_MAX);
    this.onChange({ ...alert });
    return true;
  }

  /** A one-off event: always a new alert, inactive after ONE_OFF_ACTIVE_MS. */
  event(spec: AlertSpec, nowMs: number): void {
    const id = `event:${this.seq + 1}`;
    this.raise(id, spec, nowMs);
    this.oneOffs.set(id, nowMs);
  }

  clear(id: string, nowMs: number): void {
    const a = this.active.get(id);
    if (!a) return;
    this.active.delete(id);
    this.oneOffs.delete(id);
    a.active = false;
    this.onChange({ ...a });
  }

  /** Clears every active condition whose id starts with `prefix` and is not in `keep`. */
  reconcile(prefix: string, keep: ReadonlySet<string>, nowMs: number): void {
    for (const id of [...this.active.keys()]) if (id.startsWith(prefix) && !keep.has(id)) this.clear(id, nowMs);
  }

  expireOneOffs(nowMs: number): void {
    for (const [id, t] of [...this.oneOffs]) if (nowMs - t >= ONE_OFF_ACTIVE_MS) this.clear(id, nowMs);
  }

  isActive(id: string): boolean {
    return this.active.has(id);
  }

  all(): OpsAlert[] {
    return this.list.map((a) => ({ ...a }));
  }
}
