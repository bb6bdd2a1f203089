// Transfer progress on stderr, one line at a time ("mission upload: item 120 of 701"), at most a few
// lines a second so a 700-item transfer does not flood a terminal or a log, always with the last one.
import type { MissionProgressEvent } from '../../../shared/contract/types';

const INTERVAL_MS = 250;

/** downloadLabel: what a download-direction transfer is called here (an upload's verifying read-back). */
export function progressPrinter(command: string, quiet = false, downloadLabel = 'download'): (e: MissionProgressEvent) => void {
  let lastMs = 0;
  let lastKey = '';
  return (e) => {
    if (quiet || e.total === 0) return;
    const key = `${e.type}/${e.direction}`;
    const now = Date.now();
    const final = e.done === e.total;
    if (!final && key === lastKey && now - lastMs < INTERVAL_MS) return;
    lastMs = now;
    lastKey = key;
    const what = e.direction === 'upload' ? 'upload' : downloadLabel;
    process.stderr.write(`gcs ${command}: ${e.type} ${what}: item ${e.done} of ${e.total}\n`);
  };
}
