// Reducers fed real frames: built by our Encoder, framed and decoded as they would be off a link.
import { describe, expect, it } from 'vitest';
import { decodeFrame, Encoder, Framer, type Fields, type Message } from '../../electron/core/mavlink';
import { FakeClock } from '../../electron/core/protocol/fake-clock';
import { Fleet } from '../../electron/core/vehicle';

const copter = new Encoder({ sysid: 1, compid: 1 });
const framer = new Framer();

function wire(enc: Encoder, name: string, fields: Partial<Fields>): Message {
  const out: Message[] = [];
  framer.push(enc.encode(name, fields), (f) => out.push(decodeFrame(f)!));
  expect(out).toHaveLength(1);
  return out[0];
}

const HB_COPTER = { type: 2, autopilot: 3, base_mode: 81 | 128, custom_mode: 5, system_status: 4, mavlink_version: 3 };

function fleetWithCopter() {
  const clock = new FakeClock(1_000_000);
  const fleet = new Fleet({ ownSysid: 255, clock, qualityOf: () => 97 });
  fleet.handle(wire(copter, 'HEARTBEAT', HB_COPTER), 'link-1');
  const v = fleet.get('1:1')!;
  return { clock, fleet, v, feed: (name: string, fields: Partial<Fields>) => fleet.handle(wire(copter, name, fields), 'link-1') };
}

describe('telemetry reducers', () => {
  it('HEARTBEAT: identity, mode name, armed', () => {
    const { v } = fleetWithCopter();
    expect(v.snap).toMatchObject({ key: '1:1', autopilot: 'ardupilot', type: 'multirotor', mavType: 2, mode: 'LOITER', customMode: 5, armed: true, systemStatus: 4, linkQualityPct: 97, linkIds: ['link-1'] });
  });

  it('GLOBAL_POSITION_INT: degE7 -> deg, mm -> m, cm/s -> m/s, cdeg -> deg', () => {
    const { v, feed } = fleetWithCopter();
    feed('GLOBAL_POSITION_INT', { time_boot_ms: 1000, lat: 460726123, lon: 1220933456, alt: 312_345, relative_alt: 32_345, vx: 300, vy: -400, vz: -150, hdg: 27_050 });
    expect(v.snap.lat).toBeCloseTo(46.0726123, 7);
    expect(v.snap.lon).toBeCloseTo(122.0933456, 7);
    expect(v.snap.altMslM).toBeCloseTo(312.345, 6);
    expect(v.snap.altRelM).toBeCloseTo(32.345, 6);
    expect(v.snap.groundSpeedMps).toBeCloseTo(5, 6);
    expect(v.snap.climbMps).toBeCloseTo(1.5, 6);
    expect(v.snap.headingDeg).toBeCloseTo(270.5, 6);
  });

  it('GLOBAL_POSITION_INT with 0,0 is no position; unknown hdg leaves heading to ATTITUDE', () => {
    const { v, feed } = fleetWithCopter();
    feed('GLOBAL_POSITION_INT', { time_boot_ms: 1000, lat: 0, lon: 0, alt: 0, relative_alt: 0, hdg: 65535 });
    expect(v.snap.lat).toBeNull();
    expect(v.snap.lon).toBeNull();
    feed('ATTITUDE', { time_boot_ms: 1100, roll: 0.1, pitch: -0.2, yaw: -Math.PI / 2 });
    expect(v.snap.headingDeg).toBeCloseTo(270, 4);
    expect(v.snap.rollDeg).toBeCloseTo(5.7296, 3);
    expect(v.snap.pitchDeg).toBeCloseTo(-11.4592, 3);
    // Once the position gives a heading, yaw no longer overrides it.
    feed('GLOBAL_POSITION_INT', { time_boot_ms: 1200, lat: 1, lon: 1, hdg: 9000 });
    feed('ATTITUDE', { time_boot_ms: 1300, yaw: 0 });
    expect(v.snap.headingDeg).toBeCloseTo(90, 6);
  });

  it('GPS_RAW_INT: fix, satellites, HDOP x100', () => {
    const { v, feed } = fleetWithCopter();
    feed('GPS_RAW_INT', { fix_type: 3, satellites_visible: 14, eph: 87 });
    expect(v.snap).toMatchObject({ gpsFix: 3, satellites: 14 });
    expect(v.snap.hdop).toBeCloseTo(0.87, 6);
    feed('GPS_RAW_INT', { fix_type: 1, satellites_visible: 255, eph: 65535 });
    expect(v.snap).toMatchObject({ gpsFix: 1, satellites: null, hdop: null });
  });

  it('VFR_HUD: speeds, climb, throttle', () => {
    const { v, feed } = fleetWithCopter();
    feed('VFR_HUD', { airspeed: 12.5, groundspeed: 11.25, heading: 90, throttle: 47, alt: 300, climb: -1.5 });
    expect(v.snap).toMatchObject({ airSpeedMps: 12.5, groundSpeedMps: 11.25, throttlePct: 47, climbMps: -1.5 });
  });

  it('SYS_STATUS and BATTERY_STATUS: mV -> V, cA -> A, unknowns ignored', () => {
    const { v, feed } = fleetWithCopter();
    feed('SYS_STATUS', { voltage_battery: 15_842, current_battery: 1_234, battery_remaining: 76 });
    expect(v.snap.batteryV).toBeCloseTo(15.842, 6);
    expect(v.snap.batteryA).toBeCloseTo(12.34, 6);
    expect(v.snap.batteryPct).toBe(76);
    feed('SYS_STATUS', { voltage_battery: 65535, current_battery: -1, battery_remaining: -1 });
    expect(v.snap.batteryV).toBeCloseTo(15.842, 6);
    expect(v.snap.batteryPct).toBe(76);
    const cells = [3950, 3960, 3970, 3980, 65535, 65535, 65535, 65535, 65535, 65535];
    feed('BATTERY_STATUS', { id: 0, voltages: cells, current_battery: 2_050, battery_remaining: 70 });
    expect(v.snap.batteryV).toBeCloseTo(15.86, 6);
    expect(v.snap.batteryA).toBeCloseTo(20.5, 6);
    expect(v.snap.batteryPct).toBe(70);
    feed('BATTERY_STATUS', { id: 1, voltages: [1000, 65535, 65535, 65535, 65535, 65535, 65535, 65535, 65535, 65535], battery_remaining: 5 });
    expect(v.snap.batteryPct).toBe(70);
  });

  it('HOME_POSITION and MISSION_CURRENT', () => {
    const { v, feed } = fleetWithCopter();
    feed('HOME_POSITION', { latitude: 460726000, longitude: 1220933000, altitude: 280_500 });
    expect(v.snap.home!.lat).toBeCloseTo(46.0726, 7);
    expect(v.snap.home!.lon).toBeCloseTo(122.0933, 7);
    expect(v.snap.home!.altMslM).toBeCloseTo(280.5, 6);
    feed('MISSION_CURRENT', { seq: 3, total: 12 });
    expect(v.snap).toMatchObject({ missionCurrent: 3, missionCount: 12 });
    feed('MISSION_CURRENT', { seq: 4, total: 65535 });
    expect(v.snap).toMatchObject({ missionCurrent: 4, missionCount: 12 });
  });

  it('STATUSTEXT: single and chunked texts, reported once each', () => {
    const { fleet, v, feed } = fleetWithCopter();
    const texts: string[] = [];
    fleet.listen({ statusText: (_v, st) => texts.push(`${st.severity}:${st.text}`) });
    feed('STATUSTEXT', { severity: 4, text: 'PreArm: Throttle below failsafe', id: 0, chunk_seq: 0 });
    const long = 'A'.repeat(50) + 'B'.repeat(50) + 'tail';
    feed('STATUSTEXT', { severity: 2, text: long.slice(0, 50), id: 7, chunk_seq: 0 });
    feed('STATUSTEXT', { severity: 2, text: long.slice(50, 100), id: 7, chunk_seq: 1 });
    expect(texts).toHaveLength(1);
    feed('STATUSTEXT', { severity: 2, text: long.slice(100), id: 7, chunk_seq: 2 });
    expect(texts).toEqual(['4:PreArm: Throttle below failsafe', `2:${long}`]);
    expect(v.snap.lastStatusText).toMatchObject({ severity: 2, text: long });
  });

  it('time_boot_ms going backwards is a reboot', () => {
    const { fleet, feed } = fleetWithCopter();
    let reboots = 0;
    fleet.listen({ rebooted: () => reboots++ });
    feed('ATTITUDE', { time_boot_ms: 600_000 });
    feed('ATTITUDE', { time_boot_ms: 600_200 });
    expect(reboots).toBe(0);
    feed('ATTITUDE', { time_boot_ms: 1_500 });
    expect(reboots).toBe(1);
  });
});
