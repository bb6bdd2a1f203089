// The simulator's vehicle side of the mission protocol, wired into SimEndpoint, driven by the
// ground station's own engines (MissionTransfer, CommandEngine) over encoded bytes, all on fake time:
// uploads ArduPilot's way (legacy MISSION_REQUEST), capacity limits, item 0 = home, then AUTO with
// MISSION_CURRENT / MISSION_ITEM_REACHED, pause/continue and set-current on the wire.
import { describe, expect, it } from 'vitest';
import { decodeFrame, Encoder, Framer, type Fields, type Message } from '../../electron/core/mavlink';
import { ardupilotDialect } from '../../electron/core/mavlink';
import { CommandEngine, FakeClock, MissionTransfer, MissionTransferError, type ProtocolMissionItem, type ProtocolPort } from '../../electron/core/protocol';
import { SimEndpoint } from '../../electron/core/sim/endpoint';
import { moveNe } from '../../electron/core/sim/geo';
import { CopterMode } from '../../electron/core/sim/modes';

const HOME = { lat: 46.0726, lon: 122.0933, altMslM: 280 };
const DT_MS = 20;
const GCS = { sysid: 255, compid: 190 };
const IDS = { targetSystem: 1, targetComponent: 1, ownSystem: GCS.sysid, ownComponent: GCS.compid };

function rig(capacity?: { 0?: number; 1?: number; 2?: number }) {
  const clock = new FakeClock();
  const rx: Message[] = [];
  const handlers = new Set<(m: Message) => void>();
  const fromSim = new Framer(ardupilotDialect());
  const ep = new SimEndpoint({
    sysid: 1, start: HOME, streamDefaultHz: 0, missionCapacity: capacity, unixTimeMs: () => 0,
    send: (bytes) => fromSim.push(bytes, (f) => {
      const m = decodeFrame(f, ardupilotDialect());
      if (!m) return;
      rx.push(m);
      for (const h of [...handlers]) h(m);
    }),
  });
  const encoder = new Encoder(GCS, ardupilotDialect());
  const toSim = new Framer(ardupilotDialect());
  const sent: string[] = [];
  const port: ProtocolPort = {
    send: (name: string, fields: Fields) => {
      sent.push(name);
      toSim.push(encoder.encode(name, fields), (f) => ep.receive(decodeFrame(f, ardupilotDialect())!));
    },
    onMessage: (h) => {
      handlers.add(h);
      return () => handlers.delete(h);
    },
  };
  const transfer = new MissionTransfer({ port, clock, ids: IDS, autopilot: 'ardupilot' });
  const commands = new CommandEngine(port, clock, IDS);
  /** Sim and GCS clocks in lockstep until the promise settles. */
  async function settle<T>(p: Promise<T>, maxS = 120): Promise<T> {
    let done = false;
    const tracked = p.finally(() => (done = true));
    tracked.catch(() => undefined);
    for (let k = 0; k < (maxS * 1000) / DT_MS && !done; k++) {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      if (done) break;
      ep.step(DT_MS / 1000);
      clock.advance(DT_MS);
    }
    return tracked;
  }
  const run = (seconds: number) => {
    for (let k = 0; k < (seconds * 1000) / DT_MS; k++) {
      ep.step(DT_MS / 1000);
      clock.advance(DT_MS);
    }
  };
  const command = (cmd: number, params: number[] = []) => settle(commands.sendLong(cmd, params));
  const named = (name: string) => rx.filter((m) => m.name === name);
  return { ep, rx, sent, transfer, commands, settle, run, command, named };
}

function wp(command: number, north: number, east: number, alt: number, p: Partial<ProtocolMissionItem> = {}): ProtocolMissionItem {
  const at = moveNe(HOME, north, east);
  return { command, frame: 3, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, param5: at.lat, param6: at.lon, param7: alt, ...p };
}
const homeItem = (): ProtocolMissionItem => ({ command: 16, frame: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, param5: HOME.lat, param6: HOME.lon, param7: HOME.altMslM });
const takeoff = (alt: number): ProtocolMissionItem => ({ command: 22, frame: 3, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, param5: 0, param6: 0, param7: alt });

describe('sim endpoint: mission protocol', () => {
  it('takes an upload as ArduPilot does (legacy MISSION_REQUEST), reads it back with home as item 0', async () => {
    const sim = rig();
    const mission = [homeItem(), takeoff(15), wp(16, 40, 0, 15, { param1: 3 }), wp(19, 40, 40, 20, { param1: 5, param3: 7 })];
    const report = await sim.settle(sim.transfer.upload(0, mission));
    expect(report.itemsSent).toBe(4);
    expect(sim.named('MISSION_REQUEST').length).toBe(4);
    expect(sim.named('MISSION_REQUEST_INT').length).toBe(0);
    expect(sim.ep.vehicle.missions.count(0)).toBe(4);
    const back = await sim.settle(sim.transfer.download(0));
    expect(back[0]).toMatchObject({ command: 16, frame: 0, param7: HOME.altMslM });
    expect(back[0].param5).toBeCloseTo(HOME.lat, 6);
    expect(back[3].param3).toBe(1); // ArduPilot keeps LOITER_TIME's param3 as a 0/1 flag
    expect(back[2]).toMatchObject({ command: 16, param1: 3 });
  });

  it('fence and rally lists are separate, and a list over capacity is refused with NO_SPACE', async () => {
    const sim = rig({ 0: 10, 1: 4, 2: 2 });
    const vertex = (n: number, e: number): ProtocolMissionItem => ({ ...wp(5001, n, e, 0), param1: 4 });
    await sim.settle(sim.transfer.upload(1, [vertex(0, 0), vertex(50, 0), vertex(50, 50), vertex(0, 50)]));
    await sim.settle(sim.transfer.upload(2, [wp(5100, 10, 10, 20)]));
    expect([0, 1, 2].map((t) => sim.ep.vehicle.missions.count(t))).toEqual([0, 4, 1]);
    const tooMany = [homeItem(), ...Array.from({ length: 10 }, (_, k) => wp(16, k * 10, 0, 10))];
    const err = await sim.settle(sim.transfer.upload(0, tooMany)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissionTransferError);
    expect((err as MissionTransferError).code).toMatch(/no_space/);
    expect(sim.ep.vehicle.missions.count(0)).toBe(0);
    await sim.settle(sim.transfer.clear(1));
    expect(sim.ep.vehicle.missions.count(1)).toBe(0);
  });

  it('MISSION_ITEM_INT with current = 2 is still a guided go-to, not part of an upload', () => {
    const sim = rig();
    sim.command(176, [1, CopterMode.GUIDED]);
    sim.ep.receive({ name: 'MISSION_ITEM_INT', sysid: 255, compid: 190, fields: { target_system: 1, target_component: 1, seq: 0, frame: 3, command: 16, current: 2, autocontinue: 0, x: 0, y: 0, z: 10 } } as unknown as Message);
    expect(sim.named('MISSION_ACK').at(-1)?.fields.type).toBe(1); // not flying: ArduPilot's MAV_MISSION_ERROR
    expect(sim.named('MISSION_REQUEST').length).toBe(0);
  });
});

describe('sim endpoint: flying the mission', () => {
  async function flying() {
    const sim = rig();
    const mission = [homeItem(), takeoff(10), wp(16, 30, 0, 10), wp(16, 150, 0, 10), wp(16, 0, 0, 10)];
    await sim.settle(sim.transfer.upload(0, mission));
    expect((await sim.command(176, [1, CopterMode.GUIDED])).ok).toBe(true);
    expect((await sim.command(400, [1])).ok).toBe(true);
    return sim;
  }

  it('MISSION_START in GUIDED -> AUTO: MISSION_CURRENT and MISSION_ITEM_REACHED advance to the end', async () => {
    const sim = await flying();
    const start = await sim.command(300, [0, 0]);
    expect(start.ok).toBe(true);
    expect(sim.ep.vehicle.state.mode).toBe(CopterMode.AUTO);
    sim.run(120);
    expect(sim.named('MISSION_ITEM_REACHED').map((m) => m.fields.seq)).toEqual([1, 2, 3, 4]);
    const current = sim.named('MISSION_CURRENT').map((m) => [m.fields.seq, m.fields.mission_state]);
    // ACTIVE (3) on each item, then COMPLETE (5); total excludes home, as ArduPilot reports it.
    expect(current).toEqual(expect.arrayContaining([[1, 3], [2, 3], [3, 3], [4, 3], [4, 5]]));
    expect(sim.named('MISSION_CURRENT').at(-1)?.fields).toMatchObject({ seq: 4, total: 4, mission_state: 5, mission_mode: 1 });
  });

  it('MISSION_START with first/last items is denied (ArduCopter starts the whole mission only)', async () => {
    const sim = await flying();
    const r = await sim.command(300, [2, 3]);
    expect(r.outcome).toBe('denied');
  });

  it('DO_PAUSE_CONTINUE pauses and continues on the wire; outside AUTO it fails', async () => {
    const sim = await flying();
    expect((await sim.command(193, [0])).outcome).toBe('failed');
    await sim.command(300);
    sim.run(15);
    expect((await sim.command(193, [0])).ok).toBe(true);
    expect(sim.named('MISSION_CURRENT').at(-1)?.fields.mission_state).toBe(4); // PAUSED
    const seq = sim.ep.vehicle.missions.currentSeq;
    sim.run(20);
    expect(sim.ep.vehicle.missions.currentSeq).toBe(seq);
    expect((await sim.command(193, [1])).ok).toBe(true);
    sim.run(120);
    expect(sim.named('MISSION_ITEM_REACHED').map((m) => m.fields.seq)).toEqual([1, 2, 3, 4]);
  });

  it('DO_SET_MISSION_CURRENT answers once and jumps the running mission', async () => {
    const sim = await flying();
    await sim.command(300);
    sim.run(10);
    const acksBefore = sim.named('COMMAND_ACK').length;
    await sim.settle(sim.transfer.setCurrent(3)); // legacy MISSION_SET_CURRENT (no command engine given)
    expect(sim.ep.vehicle.missions.currentSeq).toBe(3);
    const r = await sim.command(224, [4]);
    expect(r.ok).toBe(true);
    expect(sim.named('COMMAND_ACK').filter((m) => m.fields.command === 224).length).toBe(1);
    expect(sim.named('COMMAND_ACK').length).toBe(acksBefore + 1);
    expect(sim.ep.vehicle.missions.currentSeq).toBe(4);
    expect((await sim.command(224, [9])).outcome).toBe('failed');
  });

  it('the legacy MISSION_SET_CURRENT is answered with MISSION_CURRENT', async () => {
    const sim = await flying();
    // Airborne first: armed on the ground, AUTO would refuse a mission resuming at a waypoint.
    expect((await sim.command(22, [0, 0, 0, 0, 0, 0, 10])).ok).toBe(true);
    sim.run(10);
    const before = sim.named('MISSION_CURRENT').length;
    sim.ep.receive({ name: 'MISSION_SET_CURRENT', sysid: 255, compid: 190, fields: { target_system: 1, target_component: 1, seq: 3 } } as unknown as Message);
    expect(sim.named('MISSION_CURRENT').slice(before).at(-1)?.fields).toMatchObject({ seq: 3, mission_state: 2 });
    await sim.command(300);
    sim.run(60);
    expect(sim.named('MISSION_ITEM_REACHED').map((m) => m.fields.seq)[0]).toBe(3);
  });
});
