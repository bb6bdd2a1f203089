// The simulator as a real child process on real sockets: what a GCS on 127.0.0.1 sees, checked with
// our MAVLink stack and with node-mavlink's independent parser.
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type RemoteInfo, type Socket as UdpSocket } from 'node:dgram';
import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { common, MavLinkPacketParser, MavLinkPacketSplitter, type MavLinkPacket } from 'node-mavlink';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeFrame, Encoder, Framer, type Fields, type Message } from '../../electron/core/mavlink';
import { ardupilotDialect } from '../../electron/core/mavlink';
import { waitFor } from '../support/wait';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'electron', 'core', 'sim', 'main.ts');

interface SimProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

function spawnSim(args: string[]): SimProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Rx extends Message {
  atMs: number;
}

/** Our side of the wire: decode everything, remember when it came. */
class Receiver {
  readonly messages: Rx[] = [];
  readonly chunks: Buffer[] = [];
  private readonly framer = new Framer(ardupilotDialect());
  push(data: Buffer): void {
    this.chunks.push(Buffer.from(data));
    const atMs = performance.now();
    this.framer.push(data, (f) => {
      const m = decodeFrame(f, ardupilotDialect());
      if (m) this.messages.push({ ...m, atMs });
    });
  }
  named(name: string, sysid?: number, sinceMs = 0): Rx[] {
    return this.messages.filter((m) => m.name === name && m.atMs >= sinceMs && (sysid === undefined || m.sysid === sysid));
  }
  nextAck(command: number, sysid: number, sinceIndex: number): Promise<Fields> {
    return waitFor(`COMMAND_ACK ${command} from ${sysid}`, () =>
      this.messages.slice(sinceIndex).find((m) => m.name === 'COMMAND_ACK' && m.fields.command === command && m.sysid === sysid)?.fields,
    );
  }
}

const gcs = new Encoder({ sysid: 255, compid: 190 }, ardupilotDialect());
function commandLong(target: number, command: number, params: number[] = []): Uint8Array {
  const [param1 = 0, param2 = 0, param3 = 0, param4 = 0, param5 = 0, param6 = 0, param7 = 0] = params;
  return gcs.encode('COMMAND_LONG', { target_system: target, target_component: 1, command, param1, param2, param3, param4, param5, param6, param7, confirmation: 0 });
}

/** node-mavlink's splitter + parser over the same bytes. */
async function parseWithNodeMavlink(chunks: Buffer[]): Promise<{ packets: MavLinkPacket[]; invalid: number }> {
  const splitter = new MavLinkPacketSplitter();
  const parser = splitter.pipe(new MavLinkPacketParser());
  const packets: MavLinkPacket[] = [];
  parser.on('data', (p: MavLinkPacket) => packets.push(p));
  for (const c of chunks) splitter.write(c);
  splitter.end();
  await once(parser, 'end');
  return { packets, invalid: splitter.invalidPackages };
}

describe('gcs sim over UDP', () => {
  it('heartbeats only until asked, streams at the requested rates, obeys commands, frames valid for node-mavlink', async () => {
    const socket: UdpSocket = createSocket('udp4');
    const rx = new Receiver();
    let simAddr: RemoteInfo | undefined;
    socket.on('message', (data, rinfo) => {
      simAddr = rinfo;
      rx.push(data);
    });
    socket.bind(0, '127.0.0.1');
    await once(socket, 'listening');
    const port = socket.address().port;
    const send = (bytes: Uint8Array) => socket.send(bytes, simAddr!.port, simAddr!.address);

    const sim = spawnSim(['--udp', `127.0.0.1:${port}`, '--stream-default', '0']);
    await waitFor('start line', () => sim.stdout().includes('\n'));
    expect(sim.stdout()).toMatch(/^gcs sim: 1 simulated ArduCopter .* udp 127\.0\.0\.1:\d+/);

    // Silent but for heartbeats (and the boot banner) until a GCS asks.
    await waitFor('two heartbeats', () => rx.named('HEARTBEAT').length >= 2);
    expect(new Set(rx.messages.map((m) => m.name))).toEqual(new Set(['HEARTBEAT', 'STATUSTEXT']));
    const hb = rx.named('HEARTBEAT')[0];
    expect(hb).toMatchObject({ sysid: 1, compid: 1 });
    expect(hb.fields).toMatchObject({ type: 2, autopilot: 3, base_mode: 81, custom_mode: 0, system_status: 3, mavlink_version: 3 });

    // Ask for POSITION at 10 Hz and ATTITUDE (EXTRA1) at 4 Hz, then measure over two seconds.
    send(gcs.encode('REQUEST_DATA_STREAM', { target_system: 1, target_component: 1, req_stream_id: 6, req_message_rate: 10, start_stop: 1 }));
    send(gcs.encode('REQUEST_DATA_STREAM', { target_system: 1, target_component: 1, req_stream_id: 10, req_message_rate: 4, start_stop: 1 }));
    await waitFor('position stream', () => rx.named('GLOBAL_POSITION_INT').length > 0);
    const t0 = performance.now();
    await sleep(2000);
    const gpi = rx.named('GLOBAL_POSITION_INT', undefined, t0).length;
    const att = rx.named('ATTITUDE', undefined, t0).length;
    expect(gpi).toBeGreaterThanOrEqual(16);
    expect(gpi).toBeLessThanOrEqual(23);
    expect(att).toBeGreaterThanOrEqual(6);
    expect(att).toBeLessThanOrEqual(10);
    expect(rx.named('VFR_HUD').length).toBe(0); // not asked for

    // GUIDED, arm, take off to 20 m: each acknowledged to us, and the altitude rises.
    let i = rx.messages.length;
    send(commandLong(1, 176, [1, 4]));
    expect(await rx.nextAck(176, 1, i)).toMatchObject({ result: 0, target_system: 255, target_component: 190 });
    i = rx.messages.length;
    send(commandLong(1, 400, [1]));
    expect((await rx.nextAck(400, 1, i)).result).toBe(0);
    i = rx.messages.length;
    send(commandLong(1, 22, [0, 0, 0, 0, 0, 0, 20]));
    expect((await rx.nextAck(22, 1, i)).result).toBe(0);
    i = rx.messages.length;
    send(commandLong(1, 31999));
    expect((await rx.nextAck(31999, 1, i)).result).toBe(3);
    const climbing = await waitFor('2 m above home', () =>
      rx.named('GLOBAL_POSITION_INT').find((m) => (m.fields.relative_alt as number) > 2000),
    );
    expect(climbing.fields.vz as number).toBeLessThan(-100);
    expect(rx.named('HEARTBEAT').at(-1)!.fields).toMatchObject({ base_mode: 217, custom_mode: 4 });

    // Interop: node-mavlink's parser finds every one of our frames valid, and decodes the same values.
    const { packets, invalid } = await parseWithNodeMavlink(rx.chunks);
    expect(invalid).toBe(0);
    expect(packets.length).toBe(rx.messages.length);
    expect(packets.map((p) => p.header.msgid)).toEqual(rx.messages.map((m) => m.msgid));
    const lastGpi = packets.filter((p) => p.header.msgid === 33).at(-1)!;
    const theirs = lastGpi.protocol.data(lastGpi.payload, common.GlobalPositionInt);
    const ours = rx.named('GLOBAL_POSITION_INT').at(-1)!.fields;
    expect(theirs.lat).toBe(ours.lat);
    expect(theirs.relativeAlt).toBe(ours.relative_alt);
    expect(theirs.vz).toBe(ours.vz);

    // A second GCS on another port is answered too (the sim learns peers from what it receives).
    const other = createSocket('udp4');
    const rx2 = new Receiver();
    other.on('message', (data) => rx2.push(data));
    other.bind(0, '127.0.0.1');
    await once(other, 'listening');
    other.send(commandLong(1, 512, [242]), simAddr!.port, simAddr!.address);
    expect((await rx2.nextAck(512, 1, 0)).result).toBe(0);
    await waitFor('HOME_POSITION on the second socket', () => rx2.named('HOME_POSITION').length > 0);
    expect(rx2.named('HOME_POSITION')[0].fields).toMatchObject({ latitude: 460726000, longitude: 1220933000, altitude: 280000 });
    other.close();

    sim.child.kill('SIGINT');
    expect(await sim.exit).toBe(0);
    socket.close();
  });
});

describe('gcs sim TCP listen', () => {
  it('serves every vehicle to every client; commands reach only their target', async () => {
    const sim = spawnSim(['--tcp-listen', '0', '--vehicles', '2', '--speedup', '5', '--stream-default', '1']);
    const line = await waitFor('start line', () => /tcp listen 127\.0\.0\.1:(\d+)/.exec(sim.stdout()) ?? undefined);
    const port = Number(line[1]);
    const clients: Array<{ sock: Socket; rx: Receiver }> = [];
    for (let k = 0; k < 2; k++) {
      const sock = connect(port, '127.0.0.1');
      await once(sock, 'connect');
      const rx = new Receiver();
      sock.on('data', (d) => rx.push(d));
      clients.push({ sock, rx });
    }
    for (const { rx } of clients) {
      await waitFor('heartbeats of both vehicles', () => rx.named('HEARTBEAT', 1).length >= 2 && rx.named('HEARTBEAT', 2).length >= 2);
      // Each vehicle numbers its own frames.
      const seqs = rx.messages.filter((m) => m.sysid === 2).map((m) => m.seq);
      for (let j = 1; j < seqs.length; j++) expect(seqs[j]).toBe((seqs[j - 1] + 1) & 0xff);
    }
    const [a, b] = clients;
    const i = a.rx.messages.length;
    const j = b.rx.messages.length;
    a.sock.write(commandLong(2, 512, [148])); // AUTOPILOT_VERSION from vehicle 2 only
    expect((await a.rx.nextAck(512, 2, i)).result).toBe(0);
    await waitFor('AUTOPILOT_VERSION', () => a.rx.named('AUTOPILOT_VERSION', 2).length > 0);
    await b.rx.nextAck(512, 2, j); // the other client sees the exchange too
    expect(a.rx.named('AUTOPILOT_VERSION', 1).length).toBe(0);
    expect(a.rx.messages.slice(i).some((m) => m.name === 'COMMAND_ACK' && m.sysid === 1)).toBe(false);

    for (const { sock } of clients) sock.destroy();
    sim.child.kill('SIGTERM');
    expect(await sim.exit).toBe(0);
  });
});

describe('gcs sim bad arguments', () => {
  it('bad values and a TCP port in use -> one clear line on stderr, exit code 2', async () => {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const busy = (server.address() as { port: number }).port;
    const cases: Array<[string[], RegExp]> = [
      [['--udp', 'localhost'], /^gcs sim: --udp: "localhost" is not host:port$/],
      [['--home', '46,abc'], /^gcs sim: --home longitude/],
      [['--loss', '2'], /^gcs sim: --loss: "2" must be a number from 0 to 1$/],
      [['--tcp-listen', String(busy)], new RegExp(`^gcs sim: --tcp-listen: 127\\.0\\.0\\.1:${busy} is already in use$`)],
    ];
    // Concurrently: each child pays the TypeScript loader's start-up once.
    const results = await Promise.all(cases.map(async ([args]) => {
      const sim = spawnSim(args);
      return { code: await sim.exit, err: sim.stderr().trim() };
    }));
    results.forEach(({ code, err }, k) => {
      expect(code, cases[k][0].join(' ')).toBe(2);
      expect(err).toMatch(cases[k][1]);
      expect(err.split('\n')).toHaveLength(1); // no stack trace
    });
    server.close();
  });
});
