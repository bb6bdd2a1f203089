// A simulated radio link between a ground-station port and a vehicle port, for tests and fast-forward
// simulation. Messages really are encoded to MAVLink 2 bytes, impaired, and re-framed on the other
// side (CRC and all), so corruption behaves as on a real link: the framer drops what fails its CRC,
// and a damaged length byte can swallow the frame behind it. Every random choice comes from a seeded
// PRNG, so a failing seed reproduces exactly.
import { decodeFrame, Encoder, Framer, type Fields, type Message } from '../mavlink';
import type { Clock, ProtocolPort } from './port';

export interface LinkImpairments {
  /** Probability a frame is lost. */
  loss: number;
  /** Probability a frame is delivered twice. */
  duplicate: number;
  /** Probability a frame is held back (delivered after frames sent later). */
  reorder: number;
  /** Probability one byte of a frame is flipped. */
  corrupt: number;
  latencyMs: number;
  jitterMs: number;
  /**
   * Flush a side's framer after this long without bytes. A damaged length byte makes the framer wait
   * for bytes that belong to later frames; on a quiet link (no telemetry stream pushing bytes through)
   * that holds good frames back for seconds, so the link gives up on a partial frame when the line
   * goes idle, as a serial/UDP link layer with an idle timeout does. 0 disables it.
   */
  idleFlushMs: number;
}

export const CLEAN_LINK: LinkImpairments = { loss: 0, duplicate: 0, reorder: 0, corrupt: 0, latencyMs: 20, jitterMs: 0, idleFlushMs: 100 };

export interface Endpoint {
  sysid: number;
  compid: number;
}

/** mulberry32: small, fast, good enough for test randomness, and reproducible from one number. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LinkStats {
  sent: number;
  lost: number;
  duplicated: number;
  corrupted: number;
  reordered: number;
  delivered: number;
}

type Side = 'gcs' | 'vehicle';

class LinkSide implements ProtocolPort {
  readonly encoder: Encoder;
  readonly framer = new Framer();
  readonly handlers = new Set<(m: Message) => void>();
  /** Every message this side sent, before impairment: what tests assert on. */
  readonly sentLog: Array<{ name: string; fields: Fields; t: number }> = [];

  constructor(
    private readonly link: LossyLink,
    readonly side: Side,
    readonly self: Endpoint,
    private readonly peer: Endpoint,
  ) {
    this.encoder = new Encoder({ sysid: self.sysid, compid: self.compid });
  }

  send(name: string, fields: Fields): void {
    this.sentLog.push({ name, fields: { ...fields }, t: this.link.clock.now() });
    if (this.link.drop?.(this.side, name, fields)) {
      this.link.stats[this.side].lost++;
      return;
    }
    this.link.transmit(this.side, this.encoder.encode(name, fields));
  }

  onMessage(handler: (m: Message) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  private idleTimer: unknown;

  receive(bytes: Uint8Array): void {
    const deliver = (frame: Parameters<Parameters<Framer['push']>[1]>[0]) => {
      const m = decodeFrame(frame);
      // The port's promise: only messages from the peer this port is bound to.
      if (!m || m.sysid !== this.peer.sysid || m.compid !== this.peer.compid) return;
      for (const h of [...this.handlers]) h(m);
    };
    this.framer.push(bytes, deliver);
    const idleMs = this.link.impairments.idleFlushMs;
    if (this.idleTimer !== undefined) this.link.clock.clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (idleMs > 0 && this.framer.pendingBytes > 0) {
      this.idleTimer = this.link.clock.setTimeout(() => {
        this.idleTimer = undefined;
        this.framer.flush(deliver);
      }, idleMs);
    }
  }
}

export class LossyLink {
  readonly gcsPort: LinkSide;
  readonly vehiclePort: LinkSide;
  readonly stats: Record<Side, LinkStats> = { gcs: emptyStats(), vehicle: emptyStats() };
  impairments: LinkImpairments;
  /** Targeted loss for tests ("lose every final MISSION_ACK"): return true to drop the message. */
  drop?: (from: Side, name: string, fields: Fields) => boolean;

  constructor(
    readonly clock: Clock,
    private readonly random: () => number,
    impairments: Partial<LinkImpairments> = {},
    ends: { gcs: Endpoint; vehicle: Endpoint } = { gcs: { sysid: 255, compid: 190 }, vehicle: { sysid: 1, compid: 1 } },
  ) {
    this.impairments = { ...CLEAN_LINK, ...impairments };
    this.gcsPort = new LinkSide(this, 'gcs', ends.gcs, ends.vehicle);
    this.vehiclePort = new LinkSide(this, 'vehicle', ends.vehicle, ends.gcs);
  }

  /** Bytes from one side, impaired, delivered to the other after the link's latency. */
  transmit(from: Side, bytes: Uint8Array): void {
    const imp = this.impairments;
    const stats = this.stats[from];
    const to = from === 'gcs' ? this.vehiclePort : this.gcsPort;
    stats.sent++;
    if (this.random() < imp.loss) {
      stats.lost++;
      return;
    }
    const copies = this.random() < imp.duplicate ? 2 : 1;
    if (copies === 2) stats.duplicated++;
    for (let c = 0; c < copies; c++) {
      let frame = bytes;
      if (this.random() < imp.corrupt) {
        frame = bytes.slice();
        frame[Math.floor(this.random() * frame.length)] ^= 1 + Math.floor(this.random() * 255);
        stats.corrupted++;
      }
      let delay = imp.latencyMs + this.random() * imp.jitterMs;
      if (this.random() < imp.reorder) {
        delay += imp.latencyMs + 50 + this.random() * 200;
        stats.reordered++;
      }
      this.clock.setTimeout(() => {
        stats.delivered++;
        to.receive(frame);
      }, delay);
    }
  }
}

function emptyStats(): LinkStats {
  return { sent: 0, lost: 0, duplicated: 0, corrupted: 0, reordered: 0, delivered: 0 };
}
