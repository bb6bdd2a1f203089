// Real sockets on 127.0.0.1: UDP listen and out, TCP client reconnecting to a server that drops and
// comes back, and the errors a pilot sees when a port is taken or nothing listens.
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors';
import { LinkManager, TcpClientLink, UdpListenLink } from '../../electron/core/links';
import { decodeFrame, Encoder, Framer, type Message } from '../../electron/core/mavlink';

const HB = { type: 2, autopilot: 3, base_mode: 81, custom_mode: 0, system_status: 4, mavlink_version: 3 };
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function waitFor<T>(fn: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function udpPeer(): Promise<{ socket: UdpSocket; port: number; got: Message[] }> {
  const socket = createSocket('udp4');
  const framer = new Framer();
  const got: Message[] = [];
  socket.on('message', (d) => framer.push(new Uint8Array(d), (f) => got.push(decodeFrame(f)!)));
  cleanups.push(() => new Promise<void>((r) => socket.close(() => r())));
  return new Promise((resolve) => socket.bind(0, '127.0.0.1', () => resolve({ socket, port: socket.address().port, got })));
}

async function errorOf(p: Promise<unknown>): Promise<ContractError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ContractError) return err;
    throw err;
  }
  throw new Error('expected a ContractError');
}

describe('UDP links', () => {
  it('udp listen hears a vehicle and replies to it; its own encoder numbers frames per link', async () => {
    const mgr = new LinkManager({ sysid: 255 });
    cleanups.push(() => mgr.closeAll());
    const heard: Array<[Message, string]> = [];
    mgr.onMessage((m, id) => heard.push([m, id]));
    const info = await mgr.open('udp:127.0.0.1:0');
    expect(info).toMatchObject({ kind: 'udp', state: 'open', id: 'link-1' });
    const port = Number(info.spec.split(':')[2]);
    expect(port).toBeGreaterThan(0);

    const vehicle = await udpPeer();
    const enc = new Encoder({ sysid: 1, compid: 1 });
    vehicle.socket.send(enc.encode('HEARTBEAT', HB), port, '127.0.0.1');
    await waitFor(() => heard.length === 1);
    expect(heard[0][0]).toMatchObject({ name: 'HEARTBEAT', sysid: 1, compid: 1 });
    expect(heard[0][1]).toBe('link-1');

    mgr.send('link-1', 'HEARTBEAT', { type: 6, autopilot: 8 });
    mgr.send('link-1', 'HEARTBEAT', { type: 6, autopilot: 8 });
    await waitFor(() => vehicle.got.length === 2);
    expect(vehicle.got.map((m) => [m.sysid, m.compid, m.seq])).toEqual([[255, 190, 0], [255, 190, 1]]);
    const stats = mgr.info('link-1')!.stats;
    expect(stats.framesOk).toBe(1);
    expect(stats.bytesOut).toBeGreaterThan(0);
    expect(stats.qualityPct).toBe(100);

    // A second peer (another vehicle's socket) also gets our messages while both are fresh.
    const second = await udpPeer();
    second.socket.send(new Encoder({ sysid: 2, compid: 1 }).encode('HEARTBEAT', HB), port, '127.0.0.1');
    await waitFor(() => heard.length === 2);
    mgr.send('link-1', 'HEARTBEAT', { type: 6, autopilot: 8 });
    await waitFor(() => second.got.length === 1 && vehicle.got.length === 3);
  });

  it('udpout sends to a fixed address and hears the answers', async () => {
    const vehicle = await udpPeer();
    const mgr = new LinkManager();
    cleanups.push(() => mgr.closeAll());
    const heard: Message[] = [];
    mgr.onMessage((m) => heard.push(m));
    const info = await mgr.open(`udpout:127.0.0.1:${vehicle.port}`);
    expect(info.kind).toBe('udpout');
    mgr.send(info.id, 'HEARTBEAT', { type: 6, autopilot: 8 });
    await waitFor(() => vehicle.got.length === 1);
    // Answer to whoever wrote to us, as an autopilot does.
    const from = await new Promise<{ port: number }>((resolve) => {
      vehicle.socket.once('message', (_d, rinfo) => resolve(rinfo));
      mgr.send(info.id, 'HEARTBEAT', { type: 6, autopilot: 8 });
    });
    vehicle.socket.send(new Encoder({ sysid: 1, compid: 1 }).encode('HEARTBEAT', HB), from.port, '127.0.0.1');
    await waitFor(() => heard.length === 1);
    expect(heard[0].sysid).toBe(1);
  });

  it('a UDP port already in use is a clear error, and the link is not kept', async () => {
    const taken = await udpPeer();
    const mgr = new LinkManager();
    cleanups.push(() => mgr.closeAll());
    const err = await errorOf(mgr.open(`udp:127.0.0.1:${taken.port}`));
    expect(err.code).toBe('port_in_use');
    expect(err.userMessage.en).toMatch(/already in use/);
    expect(err.userMessage.zh).toMatch(/占用/);
    expect(mgr.list()).toEqual([]);
  });

  it('UdpListenLink drops replies until it has heard someone', async () => {
    const link = new UdpListenLink('x', 'udp:127.0.0.1:0', '127.0.0.1', 0);
    cleanups.push(() => link.close());
    await link.open();
    link.send(new Uint8Array([1, 2, 3]));
    expect(link.droppedOut).toBe(3);
  });
});

describe('TCP client link', () => {
  function tcpServer(port = 0): Promise<{ server: Server; port: number; clients: Socket[] }> {
    const server = createServer();
    const clients: Socket[] = [];
    server.on('connection', (s) => {
      clients.push(s);
      s.on('error', () => undefined);
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port, clients }));
    });
  }

  it('connection refused is a clear error', async () => {
    const { server, port } = await tcpServer();
    await new Promise<void>((r) => server.close(() => r()));
    const mgr = new LinkManager();
    const err = await errorOf(mgr.open(`tcp:127.0.0.1:${port}`));
    expect(err.code).toBe('connection_refused');
    expect(err.userMessage.en).toMatch(/refused/);
    expect(mgr.list()).toEqual([]);
  });

  it('reconnects with backoff when the server drops and comes back, showing why', async () => {
    const first = await tcpServer();
    const link = new TcpClientLink('t', `tcp:127.0.0.1:${first.port}`, '127.0.0.1', first.port);
    cleanups.push(() => link.close());
    const states: string[] = [];
    link.onState((s, e) => states.push(e ? `${s}: ${e.en}` : s));
    const data: number[] = [];
    link.onData((b) => data.push(...b));
    await link.open();
    expect(link.state).toBe('open');
    await waitFor(() => first.clients.length === 1);
    first.clients[0].write(Buffer.from([1, 2]));
    await waitFor(() => data.length === 2);

    // The server goes away entirely: the link says so and keeps trying.
    for (const c of first.clients) c.destroy();
    await new Promise<void>((r) => first.server.close(() => r()));
    await waitFor(() => link.state === 'reconnecting');
    expect(link.error?.en).toMatch(/closed the connection|refused|lost/);
    await new Promise((r) => setTimeout(r, 800)); // a failed retry or two while nobody listens
    expect(link.state).toBe('reconnecting');

    const again = await tcpServer(first.port);
    cleanups.push(() => new Promise<void>((r) => { for (const c of again.clients) c.destroy(); again.server.close(() => r()); }));
    await waitFor(() => link.state === 'open', 10_000);
    expect(link.reconnects).toBe(1);
    await waitFor(() => again.clients.length === 1);
    link.send(new Uint8Array([9, 8, 7]));
    const got = await new Promise<Buffer>((r) => again.clients[0].once('data', r));
    expect([...got]).toEqual([9, 8, 7]);
    expect(states[0]).toBe('open');
    expect(states.some((s) => s.startsWith('reconnecting'))).toBe(true);
    expect(states.at(-1)).toBe('open');
  }, 20_000);
});
