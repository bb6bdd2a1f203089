// The simulator as a child process on real UDP (127.0.0.1), driven by the ground station's own
// protocol engines bound to a plain socket: upload a mission, GUIDED -> arm -> MISSION_START, and
// watch MISSION_CURRENT and MISSION_ITEM_REACHED advance; then the same upload through the
// simulator's fault injection, which must end exactly (read back equal) or not at all.
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ardupilotDialect, decodeFrame, Encoder, Framer, type Fields, type Message } from '../../electron/core/mavlink';
import { CommandEngine, MissionTransfer, systemClock, type ProtocolMissionItem, type ProtocolPort } from '../../electron/core/protocol';
import { waitFor } from '../support/wait';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'electron', 'core', 'sim', 'main.ts');
const HOME = { lat: 46.0726, lon: 122.0933, altMslM: 280 };
const IDS = { targetSystem: 1, targetComponent: 1, ownSystem: 255, ownComponent: 190 };
// Loopback round trips are sub-millisecond: short engine waits, many retries.
const TIMING = { ackTimeoutMs: 300, itemTimeoutMs: 80, maxRetries: 20 };

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A GCS on a UDP socket: the engines' ProtocolPort, bound to vehicle 1/1, plus a log of everything heard. */
async function gcsSocket() {
  const socket: Socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  const framer = new Framer(ardupilotDialect());
  const encoder = new Encoder({ sysid: 255, compid: 190 }, ardupilotDialect());
  const heard: Message[] = [];
  const handlers = new Set<(m: Message) => void>();
  let simPort = 0;
  socket.on('message', (data, rinfo) => {
    simPort = rinfo.port; // the simulator's socket: learned from its first datagram, as a GCS does
    framer.push(data, (f) => {
      const m = decodeFrame(f, ardupilotDialect());
      if (!m || m.sysid !== 1 || m.compid !== 1) return;
      heard.push(m);
      for (const h of [...handlers]) h(m);
    });
  });
  const port: ProtocolPort = {
    send: (name: string, fields: Fields) => {
      if (simPort) socket.send(encoder.encode(name, fields), simPort, '127.0.0.1');
    },
    onMessage: (h) => {
      handlers.add(h);
      return () => handlers.delete(h);
    },
  };
  cleanups.push(() => socket.close());
  return { port, heard, localPort: (socket.address() as { port: number }).port, named: (n: string) => heard.filter((m) => m.name === n) };
}

function spawnSim(args: string[]): { child: ChildProcess; stdout: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  cleanups.push(() => child.kill('SIGKILL'));
  return { child, stdout: () => out };
}

const north = (m: number) => HOME.lat + m / 111_320;
const east = (m: number) => HOME.lon + m / (111_320 * Math.cos((HOME.lat * Math.PI) / 180));
function item(command: number, lat: number, lon: number, alt: number, frame = 3, p1 = 0): ProtocolMissionItem {
  return { command, frame, autocontinue: 1, param1: p1, param2: 0, param3: 0, param4: 0, param5: lat, param6: lon, param7: alt };
}
const homeItem = () => item(16, HOME.lat, HOME.lon, HOME.altMslM, 0);

describe('sim process: missions over real UDP', () => {
  it('uploads a mission, starts it from GUIDED, and reports MISSION_CURRENT / MISSION_ITEM_REACHED to the end', async () => {
    const gcs = await gcsSocket();
    const sim = spawnSim(['--udp', `127.0.0.1:${gcs.localPort}`, '--speedup', '10', '--stream-default', '2']);
    await waitFor('heartbeat', () => gcs.named('HEARTBEAT').length > 0);
    expect(sim.stdout()).toMatch(/capacity mission 724\/fence 100\/rally 20, link faults: none/);
    const transfer = new MissionTransfer({ port: gcs.port, clock: systemClock, ids: IDS, autopilot: 'ardupilot', timing: TIMING });
    const commands = new CommandEngine(gcs.port, systemClock, IDS, { timeoutMs: 500, maxTries: 4 });
    const mission = [homeItem(), item(22, 0, 0, 10), item(16, north(30), east(0), 10), item(178, 0, 0, 0, 2, 0), item(16, north(30), east(30), 12)];
    mission[3].param2 = 6; // DO_CHANGE_SPEED between the two legs: not a NAV item, never "reached"
    await transfer.upload(0, mission);
    expect((await commands.sendLong(176, [1, 4])).ok).toBe(true); // GUIDED
    expect((await commands.sendLong(400, [1])).ok).toBe(true); // arm
    const start = await commands.sendLong(300, [0, 0]);
    expect(start.ok).toBe(true);
    await waitFor('mission end', () => gcs.named('MISSION_ITEM_REACHED').some((m) => m.fields.seq === 4), 15_000);
    expect(gcs.named('MISSION_ITEM_REACHED').map((m) => m.fields.seq)).toEqual([1, 2, 4]);
    const seqs = gcs.named('MISSION_CURRENT').map((m) => m.fields.seq as number);
    for (const s of [1, 2, 4]) expect(seqs).toContain(s);
    expect(seqs.slice(seqs.indexOf(1))).toEqual([...seqs.slice(seqs.indexOf(1))].sort((a, b) => a - b)); // never backwards
    await waitFor('COMPLETE', () => gcs.named('MISSION_CURRENT').some((m) => m.fields.mission_state === 5 && m.fields.total === 4));
    commands.dispose();
  }, 20_000);

  it('with --loss/--dup/--reorder/--corrupt the upload still ends exactly as sent', async () => {
    const gcs = await gcsSocket();
    const sim = spawnSim(['--udp', `127.0.0.1:${gcs.localPort}`, '--speedup', '10', '--stream-default', '1',
      '--loss', '0.1', '--dup', '0.05', '--reorder', '0.05', '--corrupt', '0.02', '--seed', '5']);
    await waitFor('heartbeat', () => gcs.named('HEARTBEAT').length > 0);
    expect(sim.stdout()).toMatch(/link faults: loss 0\.1, dup 0\.05, reorder 0\.05, corrupt 0\.02 \(both directions, seed 5\)/);
    const transfer = new MissionTransfer({ port: gcs.port, clock: systemClock, ids: IDS, autopilot: 'ardupilot', timing: TIMING });
    const mission = [homeItem(), item(22, 0, 0, 20), ...Array.from({ length: 23 }, (_, k) => item(16, north(20 * k), east((k % 2) * 40), 20 + (k % 5), 3, k % 3))];
    await transfer.upload(0, mission);
    const back = await transfer.download(0);
    expect(back.length).toBe(mission.length);
    for (let k = 1; k < mission.length; k++) {
      expect(back[k].command).toBe(mission[k].command);
      expect(back[k].param1).toBe(mission[k].param1);
      expect(back[k].param5).toBeCloseTo(mission[k].param5, 6);
      expect(back[k].param6).toBeCloseTo(mission[k].param6, 6);
      expect(back[k].param7).toBeCloseTo(mission[k].param7, 3);
    }
  }, 20_000);
});
