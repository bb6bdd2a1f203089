// Records every live link without anyone pressing a button: one .tlog per link under
// dataDir/recordings, opened on the link's first frame, holding every good frame received and every
// frame we sent, byte for byte, closed when the link closes.
import { join } from 'node:path';
import type { LinkManager } from '../links';
import { TlogWriter } from './tlog-writer';

export function recordingName(startMs: number, label: string): string {
  return `${new Date(startMs).toISOString().replace(/[:.]/g, '-')}_${label.replace(/[^A-Za-z0-9_-]/g, '_')}.tlog`;
}

export class LinkRecorder {
  private readonly writers = new Map<string, TlogWriter>();
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly links: LinkManager,
    readonly dir: string,
    private readonly nowMs: () => number = Date.now,
  ) {}

  start(): void {
    if (this.unsubscribe.length) return;
    this.unsubscribe.push(
      this.links.onRawFrame((linkId, raw) => this.writerFor(linkId).write(raw, Math.round(this.nowMs() * 1000))),
      this.links.onLinkState((info, state) => {
        if (state === 'closed' || state === 'error') this.closeLink(info.id);
      }),
    );
  }

  /** The file a link is being recorded to, if it has sent or received anything. */
  fileOf(linkId: string): string | undefined {
    return this.writers.get(linkId)?.path;
  }

  files(): string[] {
    return [...this.writers.values()].map((w) => w.path);
  }

  private writerFor(linkId: string): TlogWriter {
    let w = this.writers.get(linkId);
    if (!w) {
      w = new TlogWriter(join(this.dir, recordingName(this.nowMs(), linkId)), { nowMs: this.nowMs });
      this.writers.set(linkId, w);
    }
    return w;
  }

  private closeLink(linkId: string): void {
    this.writers.get(linkId)?.close();
    this.writers.delete(linkId);
  }

  close(): void {
    for (const u of this.unsubscribe.splice(0)) u();
    for (const w of this.writers.values()) w.close();
    this.writers.clear();
  }
}
