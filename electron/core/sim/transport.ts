// Sockets for the simulator. UDP: one socket per vehicle, like one SITL instance each, sending to
// the GCS and answering whoever talks to it. TCP: a listening port whose every client sees every
// vehicle. Incoming bytes are framed and decoded here; what the bytes ask for is the endpoint's job.
import { lookup } from 'node:dns/promises';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import { decodeFrame, Framer, type Message } from '../mavlink';
import { SimArgError, type HostPort } from './args';
import { ardupilotDialect } from '../mavlink';

export type MessageSink = (msg: Message) => void;

/** What happens to received bytes before the framer (link-faults.ts); default: straight through. */
export type InboundFilter = (bytes: Uint8Array, push: (bytes: Uint8Array) => void) => void;
const passThrough: InboundFilter = (bytes, push) => push(bytes);

const MAX_LEARNED_PEERS = 4;
/** A TCP client that stops reading must not grow our memory without bound: drop its frames instead. */
const MAX_TCP_BACKLOG_BYTES = 1 << 20;

function framesToMessages(framer: Framer, bytes: Uint8Array, sink: MessageSink): void {
  framer.push(bytes, (frame) => {
    const msg = decodeFrame(frame, ardupilotDialect());
    if (msg) sink(msg);
  });
}

interface Peer {
  address: string;
  port: number;
}

/** One UDP socket for one vehicle. */
class UdpVehicleLink {
  private readonly framer = new Framer(ardupilotDialect());
  private readonly peers = new Map<string, Peer>();
  private reportedSendError = false;

  constructor(
    private readonly socket: UdpSocket,
    private readonly target: Peer,
    sink: MessageSink,
    inbound: InboundFilter,
  ) {
    this.peers.set(`${target.address}:${target.port}`, target);
    socket.on('message', (data, rinfo) => {
      this.learn({ address: rinfo.address, port: rinfo.port });
      inbound(data, (bytes) => framesToMessages(this.framer, bytes, sink));
    });
    socket.on('error', (err) => process.stderr.write(`gcs sim: UDP socket error: ${err.message}\n`));
  }

  /** Answer whoever sends to us (a GCS on another port, a second GCS), as SITL and MAVProxy do. */
  private learn(peer: Peer): void {
    const key = `${peer.address}:${peer.port}`;
    if (this.peers.has(key)) return;
    this.peers.set(key, peer);
    const targetKey = `${this.target.address}:${this.target.port}`;
    if (this.peers.size > MAX_LEARNED_PEERS + 1) {
      for (const k of this.peers.keys()) {
        if (k !== targetKey && k !== key) {
          this.peers.delete(k);
          break;
        }
      }
    }
  }

  send(bytes: Uint8Array): void {
    for (const peer of this.peers.values()) {
      this.socket.send(bytes, peer.port, peer.address, (err) => {
        if (err && !this.reportedSendError) {
          this.reportedSendError = true;
          process.stderr.write(`gcs sim: cannot send to ${peer.address}:${peer.port}: ${err.message}\n`);
        }
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}

export class UdpTransport {
  private constructor(private readonly links: UdpVehicleLink[]) {}

  /** sinks[i] receives what arrives on vehicle i's socket, through inbound[i] when given. */
  static async open(target: HostPort, sinks: MessageSink[], inbound: ReadonlyArray<InboundFilter | undefined> = []): Promise<UdpTransport> {
    let address: string;
    try {
      address = (await lookup(target.host, { family: 4 })).address;
    } catch {
      throw new SimArgError(`--udp: cannot resolve host "${target.host}"`);
    }
    const links: UdpVehicleLink[] = [];
    for (const [i, sink] of sinks.entries()) {
      const socket = createSocket('udp4');
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.bind(0, () => {
          socket.off('error', reject);
          resolve();
        });
      });
      links.push(new UdpVehicleLink(socket, { address, port: target.port }, sink, inbound[i] ?? passThrough));
    }
    return new UdpTransport(links);
  }

  sendFrom(vehicleIndex: number, bytes: Uint8Array): void {
    this.links[vehicleIndex]?.send(bytes);
  }

  async close(): Promise<void> {
    await Promise.all(this.links.map((l) => l.close()));
  }
}

export class TcpTransport {
  private readonly clients = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  /** Every client's messages go to sink (each vehicle then checks whether it is addressed). */
  static async open(listen: HostPort, sink: MessageSink, inbound: InboundFilter = passThrough): Promise<TcpTransport> {
    const server = createServer();
    const transport = new TcpTransport(server);
    server.on('connection', (socket) => transport.accept(socket, sink, inbound));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        const where = `${listen.host}:${listen.port}`;
        if (err.code === 'EADDRINUSE') reject(new SimArgError(`--tcp-listen: ${where} is already in use`));
        else if (err.code === 'EACCES') reject(new SimArgError(`--tcp-listen: not permitted to listen on ${where}`));
        else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') reject(new SimArgError(`--tcp-listen: ${listen.host} is not an address of this machine`));
        else reject(new SimArgError(`--tcp-listen: cannot listen on ${where}: ${err.message}`));
      });
      server.listen(listen.port, listen.host, () => resolve());
    });
    server.on('error', (err) => process.stderr.write(`gcs sim: TCP server error: ${err.message}\n`));
    return transport;
  }

  get port(): number {
    const addr = this.server.address();
    return typeof addr === 'object' && addr ? addr.port : 0;
  }

  private accept(socket: Socket, sink: MessageSink, inbound: InboundFilter): void {
    socket.setNoDelay(true);
    const framer = new Framer(ardupilotDialect());
    this.clients.add(socket);
    socket.on('data', (data) => inbound(data, (bytes) => framesToMessages(framer, bytes, sink)));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.clients.delete(socket));
  }

  send(bytes: Uint8Array): void {
    for (const c of this.clients) {
      if (!c.destroyed && c.writableLength < MAX_TCP_BACKLOG_BYTES) c.write(bytes);
    }
  }

  async close(): Promise<void> {
    for (const c of this.clients) c.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
