// Writes a standard .tlog (pymavlink, Mission Planner, QGroundControl): for each frame an 8-byte
// big-endian timestamp in microseconds since the Unix epoch, then the frame byte for byte. Frames are
// gathered in memory and written with a synchronous write at least every flushMs, then fsync'd at
// least every syncMs, so a kill -9 (the page cache survives) or a power cut loses at most a second.
import { closeSync, fdatasyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface TlogWriterOptions {
  /** How long a frame may wait in memory before it is written to the file. */
  flushMs?: number;
  /** How long written bytes may wait before they are forced to the disk. */
  syncMs?: number;
  /** Wall clock in ms since the epoch (the tlog's timestamps are absolute). */
  nowMs?: () => number;
  /** Told once when writing fails; without it the failure is a process warning. */
  onError?: (err: Error) => void;
}

export class TlogWriter {
  private fd: number | null;
  private chunks: Uint8Array[] = [];
  private pendingBytes = 0;
  private lastSyncMs: number;
  private timer: ReturnType<typeof setInterval> | null;
  private readonly nowMs: () => number;
  private readonly syncMs: number;
  private readonly onError?: (err: Error) => void;
  /** µs of the last frame written, to keep the file's timestamps strictly usable (never backwards). */
  private lastUs = 0;
  bytesWritten = 0;
  frames = 0;
  /** Set when the disk refused a write (full, removed, read-only): the writer stops, the station goes on. */
  error: Error | null = null;

  constructor(readonly path: string, opts: TlogWriterOptions = {}) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a');
    this.nowMs = opts.nowMs ?? Date.now;
    this.syncMs = opts.syncMs ?? 1000;
    this.lastSyncMs = this.nowMs();
    this.timer = setInterval(() => this.flush(), opts.flushMs ?? 200);
    this.onError = opts.onError;
    // A recorder must not keep a CLI process alive on its own.
    this.timer.unref?.();
  }

  get open(): boolean {
    return this.fd !== null;
  }

  /** One frame, stamped now (or at the given µs). */
  write(frame: Uint8Array, timeUs?: number): void {
    if (this.fd === null) return;
    let us = timeUs ?? Math.round(this.nowMs() * 1000);
    if (us < this.lastUs) us = this.lastUs; // a wall clock stepped back: keep the file in order
    this.lastUs = us;
    const rec = new Uint8Array(8 + frame.length);
    new DataView(rec.buffer).setBigUint64(0, BigInt(us), false);
    rec.set(frame, 8);
    this.chunks.push(rec);
    this.pendingBytes += rec.length;
    this.frames++;
    // Bound memory under a flood: write early rather than hold megabytes.
    if (this.pendingBytes > 256 * 1024) this.flush();
  }

  /** Write what is gathered; fsync if the last one is older than syncMs. */
  flush(force = false): void {
    if (this.fd === null) return;
    try {
      this.writeOut(force);
    } catch (err) {
      this.fail(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private writeOut(force: boolean): void {
    if (this.fd === null) return;
    if (this.chunks.length) {
      const all = Buffer.concat(this.chunks, this.pendingBytes);
      this.chunks = [];
      this.pendingBytes = 0;
      let off = 0;
      while (off < all.length) off += writeSync(this.fd, all, off, all.length - off);
      this.bytesWritten += all.length;
    }
    const now = this.nowMs();
    if (force || now - this.lastSyncMs >= this.syncMs) {
      fdatasyncSync(this.fd);
      this.lastSyncMs = now;
    }
  }

  close(): void {
    if (this.fd === null) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.flush(true);
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private fail(err: Error): void {
    this.error = err;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.chunks = [];
    this.pendingBytes = 0;
    try {
      if (this.fd !== null) closeSync(this.fd);
    } catch {
      // already unusable
    }
    this.fd = null;
    if (this.onError) this.onError(err);
    else process.emitWarning(`tlog ${this.path}: recording stopped: ${err.message}`);
  }
}
