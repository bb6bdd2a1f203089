// A bad radio on the simulator's link, so anyone can reproduce one: `gcs sim --loss 0.2 --seed 7`.
// One LinkFaults per direction sits between the socket and the framer (inbound) or the encoder and
// the socket (outbound), acting on whole frames (a UDP datagram, a TCP chunk). Every random choice
// comes from one seeded PRNG and every delay from an injected timer, so a seed replays the same
// faults on fake time and tests can count them.
import { seededRandom } from '../protocol/lossy-link';

export interface FaultOptions {
  /** Probability a frame is dropped (0..1). */
  loss: number;
  /** Probability a frame is delivered twice. */
  dup: number;
  /** Probability a frame is held back and delivered after the next one. */
  reorder: number;
  /** Probability one random byte of a frame is flipped. */
  corrupt: number;
  /** Fixed latency added to every frame. */
  delayMs: number;
  /** Extra latency, uniform in [0, jitterMs). */
  jitterMs: number;
}

export const NO_FAULTS: FaultOptions = { loss: 0, dup: 0, reorder: 0, corrupt: 0, delayMs: 0, jitterMs: 0 };

export interface FaultStats {
  frames: number;
  lost: number;
  duplicated: number;
  reordered: number;
  corrupted: number;
  delivered: number;
}

export interface FaultTimers {
  setTimeout(fn: () => void, ms: number): unknown;
}

export type Deliver = (bytes: Uint8Array) => void;

/** A held-back frame goes out after this long even if no later frame comes to overtake it. */
const HOLD_MAX_MS = 200;

export function hasFaults(f: FaultOptions): boolean {
  return f.loss > 0 || f.dup > 0 || f.reorder > 0 || f.corrupt > 0 || f.delayMs > 0 || f.jitterMs > 0;
}

/** "loss 0.2, dup 0.05, delay 30±10 ms" for the start line; "none" without faults. */
export function describeFaults(f: FaultOptions, seed: number): string {
  if (!hasFaults(f)) return 'none';
  const parts: string[] = [];
  if (f.loss > 0) parts.push(`loss ${f.loss}`);
  if (f.dup > 0) parts.push(`dup ${f.dup}`);
  if (f.reorder > 0) parts.push(`reorder ${f.reorder}`);
  if (f.corrupt > 0) parts.push(`corrupt ${f.corrupt}`);
  if (f.delayMs > 0 || f.jitterMs > 0) parts.push(`delay ${f.delayMs}${f.jitterMs > 0 ? `+0..${f.jitterMs}` : ''} ms`);
  return `${parts.join(', ')} (both directions, seed ${seed})`;
}

export class LinkFaults {
  readonly stats: FaultStats = { frames: 0, lost: 0, duplicated: 0, reordered: 0, corrupted: 0, delivered: 0 };
  private held: { bytes: Uint8Array; deliver: Deliver; token: number } | null = null;
  private holdToken = 0;

  constructor(
    private readonly opts: FaultOptions,
    private readonly random: () => number,
    private readonly timers: FaultTimers,
  ) {}

  static seeded(opts: FaultOptions, seed: number, timers: FaultTimers): LinkFaults {
    return new LinkFaults(opts, seededRandom(seed), timers);
  }

  /** Pass one frame through the faults; `deliver` gets what survives (now, or later when delayed). */
  pass(bytes: Uint8Array, deliver: Deliver): void {
    const o = this.opts;
    this.stats.frames++;
    if (this.random() < o.loss) {
      this.stats.lost++;
      return;
    }
    const copies = this.random() < o.dup ? 2 : 1;
    if (copies === 2) this.stats.duplicated++;
    for (let c = 0; c < copies; c++) {
      let frame = bytes;
      if (frame.length > 0 && this.random() < o.corrupt) {
        frame = bytes.slice();
        frame[Math.floor(this.random() * frame.length)] ^= 1 + Math.floor(this.random() * 255); // never XOR 0
        this.stats.corrupted++;
      }
      this.emit(frame, deliver);
    }
  }

  /** Reordering first (a held frame waits for the next), then latency. */
  private emit(frame: Uint8Array, deliver: Deliver): void {
    const held = this.held;
    if (held) {
      this.held = null;
      this.later(frame, deliver);
      this.later(held.bytes, held.deliver);
      return;
    }
    if (this.random() < this.opts.reorder) {
      this.stats.reordered++;
      const token = ++this.holdToken;
      this.held = { bytes: frame, deliver, token };
      this.timers.setTimeout(() => {
        if (this.held?.token !== token) return;
        this.held = null;
        this.later(frame, deliver);
      }, HOLD_MAX_MS);
      return;
    }
    this.later(frame, deliver);
  }

  private later(frame: Uint8Array, deliver: Deliver): void {
    const ms = this.opts.delayMs + (this.opts.jitterMs > 0 ? this.random() * this.opts.jitterMs : 0);
    const out = () => {
      this.stats.delivered++;
      deliver(frame);
    };
    if (ms <= 0) out();
    else this.timers.setTimeout(out, ms);
  }
}
