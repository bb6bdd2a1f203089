// Links come back after a restart, a crash or a kill -9: every link the pilot opened (not the
// simulator's) is written to the station database when it opens and removed when the pilot closes
// it, so the station reopens exactly those on its next start. A link the station closes because it
// is shutting down stays: shutting down is not the pilot closing it.
import type { LinkRestoreReport } from '../../../shared/contract/areas/security';
import { toErrorValue } from '../../../shared/contract/errors';
import type { LinkManager } from '../links';
import { migrate, type StationDb } from '../recording/station-db';

const MIGRATIONS = [
  `CREATE TABLE security_open_links (
     spec TEXT PRIMARY KEY,
     opened_ms INTEGER NOT NULL
   )`,
];

export class LinkRestore {
  private unlisten: (() => void) | null = null;
  private stopping = false;
  /** Link id -> spec, for the links we persisted (the close event's spec may be rewritten). */
  private readonly persisted = new Map<string, string>();
  private report: LinkRestoreReport = { restored: [], failed: [], atMs: null };

  constructor(
    private readonly db: StationDb,
    private readonly links: LinkManager,
    private readonly now: () => number,
  ) {
    migrate(db, 'security-links', MIGRATIONS);
  }

  /** Reopen what was open before, then follow the pilot's opens and closes. */
  async start(): Promise<LinkRestoreReport> {
    const specs = (this.db.prepare('SELECT spec FROM security_open_links ORDER BY opened_ms').all() as Array<{ spec: string }>).map((r) => r.spec);
    this.unlisten = this.links.onLinkState((info, state) => {
      if (this.stopping) return;
      if (state === 'closed') {
        const spec = this.persisted.get(info.id);
        if (spec === undefined) return;
        this.persisted.delete(info.id);
        this.db.prepare('DELETE FROM security_open_links WHERE spec = ?').run(spec);
        return;
      }
      if (this.persisted.has(info.id) || !this.links.get(info.id)?.restorable) return;
      this.persisted.set(info.id, info.spec);
      this.db.prepare('INSERT OR REPLACE INTO security_open_links (spec, opened_ms) VALUES (?, ?)').run(info.spec, this.now());
    });
    const restored: LinkRestoreReport['restored'] = [];
    const failed: LinkRestoreReport['failed'] = [];
    for (const spec of specs) {
      if (this.links.list().some((l) => l.spec === spec)) continue;
      try {
        restored.push(await this.links.open(spec));
      } catch (err) {
        // Kept in the table: a radio unplugged now may be back at the next start.
        failed.push({ spec, error: toErrorValue(err).message });
      }
    }
    this.report = { restored, failed, atMs: specs.length ? this.now() : null };
    return this.report;
  }

  get lastReport(): LinkRestoreReport {
    return this.report;
  }

  /** From here on, links closing are the station shutting down, not the pilot. */
  stop(): void {
    this.stopping = true;
    this.unlisten?.();
    this.unlisten = null;
  }
}
