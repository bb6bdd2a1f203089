// kill -9 of a process recording a live link loses at most the last second of the tlog.
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Encoder } from '../../electron/core/mavlink';
import { frameBytes, indexTlog } from '../../electron/core/recording/tlog-index';
import { ROOT } from '../support/gcs-cli';
import { waitFor } from '../support/wait';

describe('recording survives kill -9', () => {
  it('keeps every frame older than a second before the kill, byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-kill-'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/replay/record-child.ts'), dir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const port = Number(await waitFor('the recorder to listen', () => /listening (\d+)/.exec(out)?.[1], 20_000));
    const sock = createSocket('udp4');
    const enc = new Encoder({ sysid: 3, compid: 1 });
    const sent: Array<{ atMs: number; frame: Uint8Array }> = [];
    // 100 Hz for 3 s, then kill -9 while still sending.
    const startMs = Date.now();
    await new Promise<void>((resolve) => {
      let k = 0;
      const timer = setInterval(() => {
        const frame = enc.encode('ATTITUDE', { time_boot_ms: k++, roll: 0.5 });
        sock.send(frame, port, '127.0.0.1');
        sent.push({ atMs: Date.now(), frame });
        if (Date.now() - startMs > 3000) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    });
    const killMs = Date.now();
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    sock.close();
    const files = readdirSync(dir).filter((f) => f.endsWith('.tlog'));
    expect(files).toHaveLength(1);
    const index = indexTlog(new Uint8Array(readFileSync(join(dir, files[0]!))));
    // Frames sent up to a second before the kill must all be there, in order, byte for byte
    // (UDP on loopback does not drop at this rate; a loaded machine gets a little slack).
    const mustHave = sent.filter((s) => s.atMs < killMs - 1000);
    expect(mustHave.length).toBeGreaterThan(100);
    expect(index.count).toBeGreaterThanOrEqual(mustHave.length);
    for (let k = 0; k < mustHave.length; k++) expect(frameBytes(index, k)).toEqual(mustHave[k]!.frame);
    // Nothing is garbage except at most a cut-off last record.
    expect(index.stats.bytesSkipped).toBe(index.stats.truncatedBytes);
  }, 60_000);
});
