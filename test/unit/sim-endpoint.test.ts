// The simulated vehicle as a MAVLink peer, on fake time: commands and their ACKs, telemetry that
// streams only what is asked for, and the wire shapes a GCS relies on.
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeFrame, Encoder, Framer, type Fields, type Message } from '../../electron/core/mavlink';
import { ardupilotDialect } from '../../electron/core/mavlink';
import { SimEndpoint } from '../../electron/core/sim/endpoint';
import { CopterMode } from '../../electron/core/sim/modes';

const HOME = { lat: 46.0726, lon: 122.0933, altMslM: 280 };
const DT = 0.02;

interface Rx extends Message {
  atMs: number;
}

function makeSim(streamDefaultHz = 0, sysid = 1) {
  const rx: Rx[] = [];
  const framer = new Framer(ardupilotDialect());
  const ep: SimEndpoint = new SimEndpoint({
    sysid,
    start: HOME,
    streamDefaultHz,
    unixTimeMs: () => 1_700_000_000_000,
    send: (bytes) => framer.push(bytes, (f) => rx.push({ ...decodeFrame(f, ardupilotDialect())!, atMs: ep.timeBootMs })),
  });
  const gcs = new Encoder({ sysid: 255, compid: 190 }, ardupilotDialect());
  const gcsFramer = new Framer(ardupilotDialect());
  const sendMsg = (name: string, fields: Partial<Fields>) =>
    gcsFramer.push(gcs.encode(name, fields), (f) => ep.receive(decodeFrame(f, ardupilotDialect())!));
  const command = (command: number, params: number[] = [], target = { sysid, compid: 1 }) => {
    const [param1 = 0, param2 = 0, param3 = 0, param4 = 0, param5 = 0, param6 = 0, param7 = 0] = params;
    const from = rx.length;
    sendMsg('COMMAND_LONG', { target_system: target.sysid, target_component: target.compid, command, param1, param2, param3, param4, param5, param6, param7, confirmation: 0 });
    return rx.slice(from);
  };
  const run = (seconds: number) => {
    for (let i = Math.round(seconds / DT); i > 0; i--) ep.step(DT);
  };
  const named = (name: string, sinceMs = -1) => rx.filter((m) => m.name === name && m.atMs > sinceMs);
  return { ep, rx, sendMsg, command, run, named };
}

/** A window of N intervals holds N messages, or N+1 when one falls on each edge. */
function expectRate(count: number, perWindow: number, label?: string): void {
  expect(count, label).toBeGreaterThanOrEqual(perWindow);
  expect(count, label).toBeLessThanOrEqual(perWindow + 1);
}

describe('sim endpoint: telemetry streams', () => {
  it('sends nothing but HEARTBEAT (1 Hz) and STATUSTEXT before a GCS asks', () => {
    const { rx, run, named } = makeSim(0);
    run(5);
    expect(new Set(rx.map((m) => m.name))).toEqual(new Set(['HEARTBEAT', 'STATUSTEXT']));
    expect(named('HEARTBEAT').length).toBe(5);
    const hb = named('HEARTBEAT')[0].fields;
    expect(hb).toMatchObject({ type: 2, autopilot: 3, base_mode: 81, custom_mode: 0, system_status: 3, mavlink_version: 3 });
  });

  it('streams the standard set at --stream-default until asked otherwise', () => {
    const { run, named } = makeSim(4);
    run(5);
    for (const name of ['SYS_STATUS', 'GPS_RAW_INT', 'GLOBAL_POSITION_INT', 'ATTITUDE', 'VFR_HUD', 'BATTERY_STATUS', 'MISSION_CURRENT', 'SYSTEM_TIME']) {
      expect(named(name).length, name).toBe(20);
    }
  });

  it('REQUEST_DATA_STREAM sets a stream\'s rate; start_stop 0 stops it; ALL covers every stream', () => {
    const { sendMsg, run, named, ep } = makeSim(0);
    run(1);
    sendMsg('REQUEST_DATA_STREAM', { target_system: 1, target_component: 1, req_stream_id: 6, req_message_rate: 10, start_stop: 1 });
    let t0 = ep.timeBootMs;
    run(2);
    expectRate(named('GLOBAL_POSITION_INT', t0).length, 20);
    expectRate(named('LOCAL_POSITION_NED', t0).length, 20);
    expect(named('ATTITUDE').length).toBe(0);
    sendMsg('REQUEST_DATA_STREAM', { target_system: 1, target_component: 1, req_stream_id: 6, req_message_rate: 10, start_stop: 0 });
    t0 = ep.timeBootMs;
    run(2);
    expect(named('GLOBAL_POSITION_INT', t0).length).toBe(0);
    sendMsg('REQUEST_DATA_STREAM', { target_system: 0, target_component: 0, req_stream_id: 0, req_message_rate: 2, start_stop: 1 });
    t0 = ep.timeBootMs;
    run(2);
    for (const name of ['SYS_STATUS', 'GLOBAL_POSITION_INT', 'ATTITUDE', 'VFR_HUD', 'BATTERY_STATUS', 'RC_CHANNELS', 'RAW_IMU']) {
      expectRate(named(name, t0).length, 4, name);
    }
  });

  it('SET_MESSAGE_INTERVAL sets one message; -1 disables it; 0 returns it to its stream', () => {
    const { command, run, named, ep } = makeSim(2);
    const ack = command(511, [30, 50_000]); // ATTITUDE at 20 Hz
    expect(ack.find((m) => m.name === 'COMMAND_ACK')?.fields).toMatchObject({ command: 511, result: 0 });
    let t0 = ep.timeBootMs;
    run(2);
    expectRate(named('ATTITUDE', t0).length, 40);
    expectRate(named('VFR_HUD', t0).length, 4); // its stream is untouched
    command(511, [30, -1]);
    t0 = ep.timeBootMs;
    run(2);
    expect(named('ATTITUDE', t0).length).toBe(0);
    command(511, [30, 0]);
    t0 = ep.timeBootMs;
    run(2);
    expectRate(named('ATTITUDE', t0).length, 4);
    // An id we cannot produce fails, like ArduPilot.
    expect(command(511, [9999, 100_000]).find((m) => m.name === 'COMMAND_ACK')?.fields.result).toBe(4);
  });
});

describe('sim endpoint: commands', () => {
  let sim: ReturnType<typeof makeSim>;
  beforeEach(() => {
    sim = makeSim(0);
    sim.run(1);
  });
  const ackOf = (msgs: Message[]) => msgs.find((m) => m.name === 'COMMAND_ACK')?.fields;

  it('answers every command with COMMAND_ACK addressed to the sender; unknown -> UNSUPPORTED', () => {
    expect(ackOf(sim.command(31000))).toEqual({ command: 31000, result: 3, progress: 0, result_param2: 0, target_system: 255, target_component: 190 });
  });

  it('ignores commands addressed to another vehicle or component, honours broadcast', () => {
    expect(sim.command(400, [1], { sysid: 2, compid: 1 })).toEqual([]);
    expect(sim.command(400, [1], { sysid: 1, compid: 50 })).toEqual([]);
    expect(ackOf(sim.command(400, [1], { sysid: 0, compid: 0 }))?.result).toBe(0);
  });

  it('arm refused in RTL with FAILED and a STATUSTEXT reason; GUIDED arm, takeoff, heartbeat flags', () => {
    expect(ackOf(sim.command(176, [1, CopterMode.RTL]))?.result).toBe(0);
    const refused = sim.command(400, [1]);
    expect(ackOf(refused)?.result).toBe(4);
    expect(refused.find((m) => m.name === 'STATUSTEXT')?.fields).toMatchObject({ severity: 2, text: 'Arm: Mode not armable' });

    expect(ackOf(sim.command(22, [0, 0, 0, 0, 0, 0, 20]))?.result).toBe(4); // not GUIDED
    expect(ackOf(sim.command(176, [1, CopterMode.GUIDED]))?.result).toBe(0);
    expect(ackOf(sim.command(22, [0, 0, 0, 0, 0, 0, 20]))?.result).toBe(4); // not armed
    const armed = sim.command(400, [1]);
    expect(ackOf(armed)?.result).toBe(0);
    expect(armed.map((m) => m.name)).toEqual(['STATUSTEXT', 'COMMAND_ACK', 'HOME_POSITION']);
    expect(ackOf(sim.command(22, [0, 0, 0, 0, 0, 0, 20]))?.result).toBe(0);
    sim.run(3);
    const hb = sim.named('HEARTBEAT').at(-1)!.fields;
    expect(hb).toMatchObject({ base_mode: 1 | 8 | 16 | 64 | 128, custom_mode: 4, system_status: 4 });
    expect(ackOf(sim.command(400, [0]))?.result).toBe(4); // disarm in flight refused
    expect(sim.ep.vehicle.state.armed).toBe(true);
  });

  it('SET_MODE is acknowledged with COMMAND_ACK.command = 11, as ArduPilot does', () => {
    const from = sim.rx.length;
    sim.sendMsg('SET_MODE', { target_system: 1, base_mode: 1, custom_mode: CopterMode.LOITER });
    expect(sim.rx.slice(from).find((m) => m.name === 'COMMAND_ACK')?.fields).toMatchObject({ command: 11, result: 0 });
    expect(sim.ep.vehicle.state.mode).toBe(CopterMode.LOITER);
  });

  it('guided go-to by DO_REPOSITION (COMMAND_INT), SET_POSITION_TARGET_GLOBAL_INT and MISSION_ITEM_INT current=2', () => {
    sim.command(176, [1, CopterMode.GUIDED]);
    sim.command(400, [1]);
    sim.command(22, [0, 0, 0, 0, 0, 0, 10]);
    sim.run(6);
    const s = sim.ep.vehicle.state;
    let from = sim.rx.length;
    sim.sendMsg('COMMAND_INT', { target_system: 1, target_component: 1, command: 192, param1: -1, param2: 0, param3: 0, param4: NaN, x: 460730000, y: 1220933000, z: 25, frame: 6 });
    expect(ackOf(sim.rx.slice(from))).toMatchObject({ command: 192, result: 0 });
    sim.run(15);
    expect(s.position.lat).toBeCloseTo(46.073, 5);
    expect(s.position.altMslM - s.home.altMslM).toBeCloseTo(25, 0);

    sim.sendMsg('SET_POSITION_TARGET_GLOBAL_INT', { target_system: 1, target_component: 1, coordinate_frame: 6, type_mask: 0xff8, lat_int: 460726000, lon_int: 1220940000, alt: 15 });
    sim.run(15);
    expect(s.position.lon).toBeCloseTo(122.094, 5);

    from = sim.rx.length;
    sim.sendMsg('MISSION_ITEM_INT', { target_system: 1, target_component: 1, seq: 0, frame: 6, command: 16, current: 2, autocontinue: 0, x: 460726000, y: 1220933000, z: 12 });
    expect(sim.rx.slice(from).find((m) => m.name === 'MISSION_ACK')?.fields).toMatchObject({ type: 0, target_system: 255, target_component: 190 });
    sim.run(15);
    expect(s.position.lon).toBeCloseTo(122.0933, 5);
    expect(s.position.altMslM - s.home.altMslM).toBeCloseTo(12, 0);

    // Invalid coordinates are denied, not flown.
    from = sim.rx.length;
    sim.sendMsg('COMMAND_INT', { target_system: 1, target_component: 1, command: 192, x: 950000000, y: 0, z: 10, frame: 6 });
    expect(ackOf(sim.rx.slice(from))?.result).toBe(2);
  });

  it('RTL and LAND commands switch mode; MISSION_START without a mission fails on the ground', () => {
    sim.command(176, [1, CopterMode.GUIDED]);
    sim.command(400, [1]);
    const start = sim.command(300);
    expect(ackOf(start)?.result).toBe(4);
    // ModeAuto::init refuses an empty mission; Copter::set_mode says so.
    expect(start.find((m) => m.name === 'STATUSTEXT')?.fields.text).toBe('Mode change to AUTO failed: init failed');
    sim.command(22, [0, 0, 0, 0, 0, 0, 10]);
    sim.run(5);
    expect(ackOf(sim.command(21))?.result).toBe(0);
    expect(sim.ep.vehicle.state.mode).toBe(CopterMode.LAND);
    expect(ackOf(sim.command(20))?.result).toBe(0);
    expect(sim.ep.vehicle.state.mode).toBe(CopterMode.RTL);
    sim.run(60);
    expect(sim.ep.vehicle.state.armed).toBe(false);
    expect(sim.named('STATUSTEXT').at(-1)?.fields.text).toBe('Disarming motors');
  });

  it('REQUEST_MESSAGE / GET_HOME_POSITION / capabilities: ACK first, then the message', () => {
    let got = sim.command(512, [242]);
    expect(got.map((m) => m.name)).toEqual(['COMMAND_ACK', 'HOME_POSITION']);
    expect(got[1].fields).toMatchObject({ latitude: 460726000, longitude: 1220933000, altitude: 280000 });
    got = sim.command(410);
    expect(got.map((m) => m.name)).toEqual(['COMMAND_ACK', 'HOME_POSITION']);
    got = sim.command(512, [148]);
    expect(got.map((m) => m.name)).toEqual(['COMMAND_ACK', 'AUTOPILOT_VERSION']);
    const caps = got[1].fields.capabilities as number;
    for (const flag of [4 /* MISSION_INT */, 8 /* COMMAND_INT */, 256 /* SET_POSITION_TARGET_GLOBAL_INT */, 8192 /* MAVLINK2 */]) {
      expect(caps & flag, `capability ${flag}`).toBe(flag);
    }
    got = sim.command(520, [1]);
    expect(got.map((m) => m.name)).toEqual(['COMMAND_ACK', 'AUTOPILOT_VERSION']);
    got = sim.command(512, [2]);
    expect(got[1].fields.time_unix_usec).toBe(1_700_000_000_000_000);
    expect(ackOf(sim.command(512, [12345]))?.result).toBe(4);
    got = sim.command(510, [33]);
    expect(got[1]).toMatchObject({ name: 'MESSAGE_INTERVAL', fields: { message_id: 33, interval_us: -1 } });
  });

  it('reports telemetry in MAVLink wire units', () => {
    sim.command(176, [1, CopterMode.GUIDED]);
    sim.command(400, [1]);
    sim.command(22, [0, 0, 0, 0, 0, 0, 20]);
    sim.run(3);
    const got = ['GLOBAL_POSITION_INT', 'VFR_HUD', 'SYS_STATUS', 'GPS_RAW_INT', 'BATTERY_STATUS', 'ATTITUDE'].map((n) => sim.command(512, [ardupilotDialect().byName(n)!.id])[1].fields);
    const [gpi, hud, sys, gps, bat, att] = got;
    expect(gpi.lat).toBe(460726000);
    expect(gpi.relative_alt as number).toBeGreaterThan(4000);
    expect((gpi.alt as number) - (gpi.relative_alt as number)).toBe(280000);
    expect(gpi.vz as number).toBeCloseTo(-250, -1); // climbing: NED down velocity is negative
    expect(hud.climb as number).toBeCloseTo(2.5, 1);
    expect(hud.alt as number).toBeGreaterThan(284);
    expect(hud.throttle as number).toBeGreaterThan(30);
    expect(sys.voltage_battery as number).toBeGreaterThan(15500);
    expect(sys.current_battery as number).toBeGreaterThan(1500);
    expect(sys.battery_remaining).toBe(100);
    expect(gps).toMatchObject({ fix_type: 3, eph: 80 });
    expect(gps.satellites_visible as number).toBeGreaterThanOrEqual(14);
    expect((bat.voltages as number[])[0]).toBe(sys.voltage_battery);
    expect((bat.voltages as number[])[1]).toBe(65535);
    expect(Math.abs(att.roll as number)).toBeLessThan(0.05);
  });
});
