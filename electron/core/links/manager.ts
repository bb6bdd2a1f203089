// Several links at once, each with its own Framer (its own resync state and statistics) and its own
// Encoder (MAVLink sequence numbers are per link). Everything above this sees decoded messages tagged
// with the link they came from, and sends by link id.
import { ContractError, msg } from '../../../shared/contract/errors';
import type { LinkInfo, LinkState, UserMessage } from '../../../shared/contract/types';
import { decodeFrame, Encoder, Framer, GCS_COMPID, GCS_SYSID, type Fields, type Frame, type Message } from '../mavlink';
import type { Link } from './link';
import { createLink } from './factory';

export interface ManagedLink {
  readonly link: Link;
  readonly framer: Framer;
  readonly encoder: Encoder;
  bytesOut: number;
  /** False for links the station makes for itself (the simulator's): not reopened after a restart. */
  readonly restorable: boolean;
}

export type MessageHandler = (message: Message, linkId: string, frame: Frame) => void;
/** Every good frame received and every frame sent, byte for byte (the tlog recorder's feed). */
export type RawFrameHandler = (linkId: string, raw: Uint8Array, direction: 'in' | 'out') => void;
export type LinkStateHandler = (info: LinkInfo, state: LinkState, error: UserMessage | null) => void;

/** Signs what we send and judges what we receive (MAVLink 2 signing: electron/core/security). */
export interface FrameGuard {
  /** false: the frame is dropped before decoding and recording (bad signature, replay, unsigned when signing is required). */
  accept(frame: Frame, linkId: string): boolean;
  /** The bytes to send in place of an encoded frame (signed for its target), or the same bytes. */
  outgoing(linkId: string, bytes: Uint8Array, name: string, fields: Partial<Fields>): Uint8Array;
}

export interface LinkManagerOptions {
  sysid?: number;
  compid?: number;
}

export class LinkManager {
  private readonly links = new Map<string, ManagedLink>();
  private readonly messageHandlers = new Set<MessageHandler>();
  private readonly stateHandlers = new Set<LinkStateHandler>();
  private readonly rawHandlers = new Set<RawFrameHandler>();
  private nextId = 1;
  private guard: FrameGuard | null = null;
  readonly sysid: number;
  readonly compid: number;

  constructor(opts: LinkManagerOptions = {}) {
    this.sysid = opts.sysid ?? GCS_SYSID;
    this.compid = opts.compid ?? GCS_COMPID;
  }

  /** Open a link from a pilot's string; throws ContractError (bad string, port in use, no device...). */
  async open(spec: string, opts: { restorable?: boolean } = {}): Promise<LinkInfo> {
    const id = `link-${this.nextId++}`;
    const link = createLink(id, spec);
    const duplicate = [...this.links.values()].find((m) => m.link.spec === link.spec);
    if (duplicate) {
      throw new ContractError('link_exists', msg(`${link.spec} is already open (${duplicate.link.id}).`, `${link.spec} 已经打开（${duplicate.link.id}）。`));
    }
    const managed: ManagedLink = { link, framer: new Framer(), encoder: new Encoder({ sysid: this.sysid, compid: this.compid }), bytesOut: 0, restorable: opts.restorable ?? true };
    link.onData((bytes) => this.receive(managed, bytes));
    link.onState((state, error) => {
      const info = this.infoOf(managed);
      for (const h of this.stateHandlers) h(info, state, error);
    });
    await link.open(); // throws: the link never joins the list
    this.links.set(id, managed);
    const info = this.infoOf(managed);
    for (const h of this.stateHandlers) h(info, info.state, info.error);
    return info;
  }

  async close(id: string): Promise<void> {
    const managed = this.links.get(id);
    if (!managed) throw new ContractError('no_such_link', msg(`There is no link "${id}".`, `没有链路“${id}”。`));
    this.links.delete(id);
    await managed.link.close();
  }

  async closeAll(): Promise<void> {
    const all = [...this.links.values()];
    this.links.clear();
    await Promise.all(all.map((m) => m.link.close()));
  }

  get(id: string): ManagedLink | undefined {
    return this.links.get(id);
  }

  ids(): string[] {
    return [...this.links.keys()];
  }

  list(): LinkInfo[] {
    return [...this.links.values()].map((m) => this.infoOf(m));
  }

  info(id: string): LinkInfo | undefined {
    const m = this.links.get(id);
    return m && this.infoOf(m);
  }

  qualityPct(id: string): number | null {
    return this.links.get(id)?.framer.quality.percent ?? null;
  }

  setGuard(guard: FrameGuard | null): void {
    this.guard = guard;
  }

  onMessage(handler: MessageHandler): () => void {
    this.messageHandlers.add(handler);
    return () => this.messageHandlers.delete(handler);
  }

  onLinkState(handler: LinkStateHandler): () => void {
    this.stateHandlers.add(handler);
    return () => this.stateHandlers.delete(handler);
  }

  onRawFrame(handler: RawFrameHandler): () => void {
    this.rawHandlers.add(handler);
    return () => this.rawHandlers.delete(handler);
  }

  private tapRaw(linkId: string, raw: Uint8Array, direction: 'in' | 'out'): void {
    for (const h of this.rawHandlers) {
      try {
        h(linkId, raw, direction);
      } catch (err) {
        process.emitWarning(`raw frame handler failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  /** Encode with this link's own encoder (its own sequence numbers) and send. Unknown link: ignored. */
  send(id: string, name: string, fields: Partial<Fields>): void {
    const m = this.links.get(id);
    if (!m || m.link.state !== 'open') return;
    const encoded = m.encoder.encode(name, fields);
    const bytes = this.guard ? this.guard.outgoing(id, encoded, name, fields) : encoded;
    m.bytesOut += bytes.length;
    m.link.send(bytes);
    if (this.rawHandlers.size) this.tapRaw(id, bytes, 'out');
  }

  /** Send on every open link (our HEARTBEAT). */
  broadcast(name: string, fields: Partial<Fields>): void {
    for (const id of this.links.keys()) this.send(id, name, fields);
  }

  private receive(m: ManagedLink, bytes: Uint8Array): void {
    m.framer.push(bytes, (frame) => {
      if (this.guard && !this.guard.accept(frame, m.link.id)) return;
      if (this.rawHandlers.size) this.tapRaw(m.link.id, frame.raw, 'in');
      let message: Message | undefined;
      try {
        message = decodeFrame(frame);
      } catch {
        return; // a frame the dialect cannot decode is counted by nobody's business but the framer's
      }
      if (!message) return;
      for (const h of this.messageHandlers) {
        try {
          h(message, m.link.id, frame);
        } catch (err) {
          // One faulty consumer must not stop the link for the others.
          process.emitWarning(`message handler failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    });
  }

  private infoOf(m: ManagedLink): LinkInfo {
    const s = m.framer.stats;
    return {
      id: m.link.id,
      spec: m.link.spec,
      kind: m.link.kind,
      state: m.link.state,
      error: m.link.error,
      stats: {
        bytesIn: s.bytesIn,
        bytesOut: m.bytesOut,
        framesOk: s.framesOk,
        crcErrors: s.crcErrors,
        unknownIds: s.unknownIds,
        bytesSkipped: s.bytesSkipped,
        seqGaps: s.seqGaps,
        qualityPct: m.framer.quality.percent,
      },
    };
  }
}
