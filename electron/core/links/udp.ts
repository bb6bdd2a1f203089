// UDP transports. `udp:` listens (the vehicle or a telemetry bridge sends to us) and answers whoever
// it heard from; `udpout:` sends to a fixed address (a companion computer or SITL listening).
import { createSocket, type Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { BaseLink } from './link';
import { linkError } from './errors';

/** Peers not heard for this long get no more replies (a vehicle that went away, an old port). */
const PEER_TTL_MS = 10_000;
const MAX_PEERS = 16;

interface Peer {
  address: string;
  port: number;
  lastHeardMs: number;
}

abstract class UdpLink extends BaseLink {
  protected socket: Socket | null = null;
  /** Bytes dropped because nothing was known to send to, for tests and diagnostics. */
  droppedOut = 0;

  protected bindSocket(host: string, port: number): Promise<void> {
    const socket = createSocket({ type: isIPv6(host) ? 'udp6' : 'udp4', reuseAddr: false });
    this.socket = socket;
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => {
        socket.close();
        this.socket = null;
        const e = linkError(err, this.where());
        this.setState('error', e);
        reject(e);
      };
      socket.once('error', onError);
      socket.bind(port, host, () => {
        socket.off('error', onError);
        // After binding, socket errors (ICMP unreachable reported on send) are not fatal for UDP.
        socket.on('error', () => undefined);
        socket.on('message', (data, rinfo) => this.received(data, rinfo.address, rinfo.port));
        this.setState('open');
        resolve();
      });
    });
  }

  protected abstract where(): string;
  protected abstract received(data: Buffer, address: string, port: number): void;

  /** The port actually bound (useful with port 0). */
  get localPort(): number {
    return this.socket?.address().port ?? 0;
  }

  protected sendTo(bytes: Uint8Array, address: string, port: number): void {
    this.socket?.send(bytes, port, address, () => undefined);
  }

  async close(): Promise<void> {
    this.setState('closed');
    const s = this.socket;
    this.socket = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

export class UdpListenLink extends UdpLink {
  readonly kind = 'udp' as const;
  private readonly peers = new Map<string, Peer>();

  constructor(
    id: string,
    spec: string,
    private readonly host: string,
    private readonly port: number,
    private readonly now: () => number = Date.now,
  ) {
    super(id, spec);
  }

  async open(): Promise<void> {
    await this.bindSocket(this.host, this.port);
    // Port 0 asks the system for a free port: name the one we got, so the pilot and the simulator see it.
    if (this.port === 0) this.specText = `udp:${this.host}:${this.localPort}`;
  }

  protected where(): string {
    return `UDP port ${this.host}:${this.port}`;
  }

  protected received(data: Buffer, address: string, port: number): void {
    const key = `${address}:${port}`;
    // Re-insert so the map's order is "least recently heard first".
    this.peers.delete(key);
    this.peers.set(key, { address, port, lastHeardMs: this.now() });
    if (this.peers.size > MAX_PEERS) this.peers.delete(this.peers.keys().next().value!);
    this.emitData(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }

  /**
   * Replies go to the last peer heard, as MAVProxy and QGC do, and also to every other peer heard in
   * the last few seconds: several vehicles (or a simulator with one socket per vehicle) can share one
   * listening port, and each must get the requests addressed to it.
   */
  send(bytes: Uint8Array): void {
    const now = this.now();
    let sent = false;
    for (const [key, peer] of this.peers) {
      if (now - peer.lastHeardMs > PEER_TTL_MS) {
        this.peers.delete(key);
        continue;
      }
      this.sendTo(bytes, peer.address, peer.port);
      sent = true;
    }
    if (!sent) this.droppedOut += bytes.length;
  }

  get peerCount(): number {
    return this.peers.size;
  }
}

export class UdpOutLink extends UdpLink {
  readonly kind = 'udpout' as const;

  constructor(
    id: string,
    spec: string,
    private readonly host: string,
    private readonly port: number,
  ) {
    super(id, spec);
  }

  open(): Promise<void> {
    return this.bindSocket(isIPv6(this.host) ? '::' : '0.0.0.0', 0);
  }

  protected where(): string {
    return `${this.host}:${this.port}`;
  }

  protected received(data: Buffer): void {
    this.emitData(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }

  send(bytes: Uint8Array): void {
    this.sendTo(bytes, this.host, this.port);
  }
}
