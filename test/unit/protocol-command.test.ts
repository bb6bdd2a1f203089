// CommandEngine and VehicleCommands on fake time against a scripted vehicle.
import { describe, expect, it } from 'vitest';
import type { Fields, Message } from '../../electron/core/mavlink';
import { CommandEngine, FakeClock, runUntilSettled, VehicleCommands, type ProtocolPort } from '../../electron/core/protocol';

const IDS = { targetSystem: 1, targetComponent: 1, ownSystem: 255, ownComponent: 190 };

class Vehicle implements ProtocolPort {
  readonly sent: Array<{ name: string; fields: Fields; t: number }> = [];
  private readonly handlers = new Set<(m: Message) => void>();
  script: (name: string, f: Fields, nth: number) => void = () => undefined;
  constructor(readonly clock: FakeClock) {}
  send(name: string, fields: Fields): void {
    this.sent.push({ name, fields, t: this.clock.now() });
    this.script(name, fields, this.sent.length);
  }
  onMessage(h: (m: Message) => void): () => void {
    this.handlers.add(h);
    return () => this.handlers.delete(h);
  }
  ack(command: number, result: number, extra: Fields = {}, delayMs = 10): void {
    this.clock.setTimeout(() => {
      const m: Message = { msgid: 77, name: 'COMMAND_ACK', sysid: 1, compid: 1, seq: 0, fields: { command, result, progress: 0, result_param2: 0, target_system: 255, target_component: 190, ...extra } };
      for (const h of [...this.handlers]) h(m);
    }, delayMs);
  }
}

function setup() {
  const clock = new FakeClock();
  const vehicle = new Vehicle(clock);
  const engine = new CommandEngine(vehicle, clock, IDS);
  return { clock, vehicle, engine, cmds: new VehicleCommands(engine) };
}

describe('CommandEngine', () => {
  it.each([
    [0, 'accepted', true],
    [1, 'temporarily_rejected', false],
    [2, 'denied', false],
    [3, 'unsupported', false],
    [4, 'failed', false],
    [6, 'cancelled', false],
    [8, 'unsupported', false],
  ] as const)('MAV_RESULT %i -> %s', async (mavResult, outcome, ok) => {
    const { clock, vehicle, cmds } = setup();
    vehicle.script = (name, f) => name === 'COMMAND_LONG' && vehicle.ack(f.command as number, mavResult);
    const r = await runUntilSettled(clock, cmds.arm());
    expect(r).toMatchObject({ outcome, ok, mavResult, command: 400, tries: 1, code: `command_${outcome}` });
    expect(r.message.en).toMatch(/^COMPONENT_ARM_DISARM \(400\): .+\.$/);
    expect(r.message.zh).toMatch(/^COMPONENT_ARM_DISARM \(400\)：.+。$/);
  });

  it('retries COMMAND_LONG every 1500 ms with confirmation 0, 1, 2, then times out', async () => {
    const { clock, vehicle, cmds } = setup();
    const r = await runUntilSettled(clock, cmds.returnToLaunch());
    expect(r).toMatchObject({ outcome: 'timed_out', ok: false, tries: 3, command: 20 });
    expect(r.message.en).toContain('no answer from the vehicle after 3 tries');
    expect(vehicle.sent.map((s) => [s.t, s.fields.confirmation])).toEqual([[0, 0], [1500, 1], [3000, 2]]);
    expect(clock.now()).toBe(4500);
  });

  it('an ACK to the second try succeeds with tries = 2', async () => {
    const { clock, vehicle, cmds } = setup();
    vehicle.script = (name, f, nth) => nth === 2 && vehicle.ack(f.command as number, 0);
    expect(await runUntilSettled(clock, cmds.land())).toMatchObject({ ok: true, tries: 2 });
  });

  it('IN_PROGRESS: keeps waiting without re-sending, reports progress, then the final result', async () => {
    const { clock, vehicle, engine } = setup();
    const progress: Array<number | undefined> = [];
    vehicle.script = (name, f) => {
      if (name !== 'COMMAND_LONG') return;
      vehicle.ack(f.command as number, 5, { progress: 10 }, 10);
      vehicle.ack(f.command as number, 5, { progress: 255 }, 3000);
      vehicle.ack(f.command as number, 5, { progress: 60 }, 6000);
      vehicle.ack(f.command as number, 0, {}, 9000);
    };
    const r = await runUntilSettled(clock, engine.sendLong(241, [1], { onProgress: (p) => progress.push(p) }));
    expect(r).toMatchObject({ ok: true, outcome: 'accepted', tries: 1, progressPct: 60 });
    expect(progress).toEqual([10, undefined, 60]);
    expect(vehicle.sent).toHaveLength(1);
  });

  it('IN_PROGRESS followed by silence times out as "started but stopped reporting"', async () => {
    const { clock, vehicle, engine } = setup();
    vehicle.script = (name, f) => name === 'COMMAND_LONG' && vehicle.ack(f.command as number, 5, { progress: 30 });
    const r = await runUntilSettled(clock, engine.sendLong(241, [1]));
    expect(r).toMatchObject({ outcome: 'timed_out', progressPct: 30, tries: 1 });
    expect(r.message.en).toContain('stopped reporting progress');
    expect(clock.now()).toBe(10 + 10_000);
  });

  it('matches ACKs by command id and ignores ACKs addressed to another ground station', async () => {
    const { clock, vehicle, cmds } = setup();
    vehicle.script = (name, f) => {
      if (name !== 'COMMAND_LONG') return;
      vehicle.ack(178, 2); // an ACK for a different command
      vehicle.ack(f.command as number, 2, { target_system: 200 }, 20); // for another GCS
      vehicle.ack(f.command as number, 0, {}, 30);
    };
    expect(await runUntilSettled(clock, cmds.pause())).toMatchObject({ ok: true, command: 193 });
  });

  it('two commands with the same id run one after the other', async () => {
    const { clock, vehicle, cmds } = setup();
    vehicle.script = (name, f) => name === 'COMMAND_LONG' && vehicle.ack(f.command as number, f.param1 === 1 ? 0 : 2);
    const both = Promise.all([cmds.arm(), cmds.disarm()]);
    const [a, b] = await runUntilSettled(clock, both);
    expect([a.outcome, b.outcome]).toEqual(['accepted', 'denied']);
    expect(vehicle.sent.map((s) => s.fields.param1)).toEqual([1, 0]);
  });

  it('COMMAND_INT retries without a confirmation field and encodes degE7', async () => {
    const { clock, vehicle, cmds } = setup();
    vehicle.script = (name, f, nth) => nth === 2 && vehicle.ack(f.command as number, 0);
    const r = await runUntilSettled(clock, cmds.goTo(22.3123456, 114.1712345, 60));
    expect(r).toMatchObject({ ok: true, tries: 2, command: 192 });
    expect(vehicle.sent[0]).toMatchObject({ name: 'COMMAND_INT' });
    expect(vehicle.sent[0].fields).toMatchObject({ frame: 3, x: 223123456, y: 1141712345, z: 60, param1: -1, param2: 1, target_system: 1, target_component: 1 });
    expect(vehicle.sent[0].fields.confirmation).toBeUndefined();
  });

  it('dispose() resolves pending commands as cancelled', async () => {
    const { clock, engine, cmds } = setup();
    const p = cmds.arm();
    await Promise.resolve();
    engine.dispose();
    expect(await runUntilSettled(clock, p)).toMatchObject({ outcome: 'cancelled', ok: false });
  });
});

describe('VehicleCommands parameters', () => {
  async function sentBy(call: (c: VehicleCommands) => Promise<unknown>) {
    const { clock, vehicle, cmds } = setup();
    vehicle.script = (name, f) => vehicle.ack(f.command as number, 0);
    await runUntilSettled(clock, call(cmds));
    return vehicle.sent[0];
  }

  it('arm / disarm / forced disarm', async () => {
    expect((await sentBy((c) => c.arm())).fields).toMatchObject({ command: 400, param1: 1, param2: 0 });
    expect((await sentBy((c) => c.disarm())).fields).toMatchObject({ command: 400, param1: 0, param2: 0 });
    expect((await sentBy((c) => c.forceDisarm())).fields).toMatchObject({ command: 400, param1: 0, param2: 21196 });
  });

  it('takeoff, mission start, pause/continue, RTL, land, change speed', async () => {
    expect((await sentBy((c) => c.takeoff(30))).fields).toMatchObject({ command: 22, param7: 30 });
    expect((await sentBy((c) => c.missionStart())).fields).toMatchObject({ command: 300, param1: 0, param2: 0 });
    expect((await sentBy((c) => c.resume())).fields).toMatchObject({ command: 193, param1: 1 });
    expect((await sentBy((c) => c.returnToLaunch())).fields).toMatchObject({ command: 20 });
    expect((await sentBy((c) => c.land())).fields).toMatchObject({ command: 21 });
    expect((await sentBy((c) => c.changeSpeed(7.5))).fields).toMatchObject({ command: 178, param1: 1, param2: 7.5, param3: -1 });
  });

  it('set ROI as COMMAND_INT', async () => {
    const s = await sentBy((c) => c.setRoi(22.3, 114.2, 0));
    expect(s).toMatchObject({ name: 'COMMAND_INT', fields: { command: 195, frame: 3, x: 223000000, y: 1142000000 } });
  });

  it('set mode through the injected mode table; an unknown name is refused before sending', async () => {
    const table: Record<string, { baseMode: number; customMode: number }> = { GUIDED: { baseMode: 0, customMode: 4 } };
    const s = await sentBy((c) => c.setMode('GUIDED', (n) => table[n]));
    expect(s.fields).toMatchObject({ command: 176, param1: 1, param2: 4, param3: 0 });
    const { vehicle, cmds } = setup();
    const r = await cmds.setMode('WARP', (n) => table[n]);
    expect(r).toMatchObject({ ok: false, code: 'command_invalid_argument', tries: 0 });
    expect(r.message.en).toContain('WARP');
    expect(vehicle.sent).toHaveLength(0);
  });

  it('refuses nonsense arguments without sending', async () => {
    const { vehicle, cmds } = setup();
    expect((await cmds.takeoff(-5)).ok).toBe(false);
    expect((await cmds.goTo(95, 0, 10)).ok).toBe(false);
    expect((await cmds.changeSpeed(Number.NaN)).ok).toBe(false);
    expect(vehicle.sent).toHaveLength(0);
  });
});
