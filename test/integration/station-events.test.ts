// The station's own behaviour on the wire and towards the UI, on a fake clock with a real UDP socket
// as the vehicle: our HEARTBEAT, the telemetry requests, and coalesced 'vehicles' events.
import { createSocket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import type { Events } from '../../shared/contract/api';
import { decodeFrame, Encoder, Framer, type Message } from '../../electron/core/mavlink';
import { FakeClock } from '../../electron/core/protocol/fake-clock';
import { GroundStation } from '../../electron/core/station';

const pilot = { role: 'pilot' as const, name: 'test' };
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
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('GroundStation events and GCS behaviour (fake clock)', () => {
  it('heartbeat at 1 Hz, stream requests for a new ArduPilot, vehicles coalesced and only when changed', async () => {
    const clock = new FakeClock(1_700_000_000_000);
    const station = new GroundStation({ host: 'server', clock, sysid: 250 });
    cleanups.push(() => station.close());
    await station.start();
    const vehicleEvents: Events['vehicles'][] = [];
    station.subscribe((name, payload) => name === 'vehicles' && vehicleEvents.push(payload as Events['vehicles']));
    const link = await station.openLink({ spec: 'udp:127.0.0.1:0' }, pilot);
    const port = Number(link.spec.split(':')[2]);

    const vehicle = createSocket('udp4');
    cleanups.push(() => new Promise<void>((r) => vehicle.close(() => r())));
    const got: Message[] = [];
    const framer = new Framer();
    vehicle.on('message', (d) => framer.push(new Uint8Array(d), (f) => got.push(decodeFrame(f)!)));
    await new Promise<void>((r) => vehicle.bind(0, '127.0.0.1', () => r()));
    const enc1 = new Encoder({ sysid: 1, compid: 1 });
    const enc2 = new Encoder({ sysid: 2, compid: 1 });
    const send = (bytes: Uint8Array) => vehicle.send(bytes, port, '127.0.0.1');
    send(enc1.encode('HEARTBEAT', { type: 2, autopilot: 3, base_mode: 81, custom_mode: 4, system_status: 4, mavlink_version: 3 }));
    send(enc2.encode('HEARTBEAT', { type: 2, autopilot: 12, base_mode: 81, custom_mode: 0x03000000 | (4 << 16), system_status: 4, mavlink_version: 3 }));
    await waitFor(() => station.getVehicles().length === 2);

    // New vehicles were asked for telemetry on the link they were heard on.
    await waitFor(() => got.filter((m) => m.name === 'COMMAND_LONG').length === 3);
    const streams = got.filter((m) => m.name === 'REQUEST_DATA_STREAM');
    expect(streams.map((m) => [m.fields.target_system, m.fields.req_stream_id, m.fields.req_message_rate, m.fields.start_stop])).toEqual([
      [1, 2, 2, 1], [1, 6, 5, 1], [1, 10, 5, 1], [1, 11, 2, 1], [1, 12, 1, 1],
    ]);
    const cmds = got.filter((m) => m.name === 'COMMAND_LONG').map((m) => [m.fields.target_system, m.fields.command, m.fields.param1]);
    expect(cmds).toEqual([[1, 511, 147], [1, 512, 242], [2, 512, 242]]);
    expect(got.every((m) => m.sysid === 250 && m.compid === 190)).toBe(true);

    // Our HEARTBEAT: GCS, INVALID autopilot, ACTIVE, once a second.
    const beats = () => got.filter((m) => m.name === 'HEARTBEAT');
    const before = beats().length;
    clock.advance(1000);
    await waitFor(() => beats().length === before + 1);
    expect(beats().at(-1)!.fields).toMatchObject({ type: 6, autopilot: 8, base_mode: 0, system_status: 4 });

    // One coalesced event with both vehicles, then nothing while nothing changes.
    expect(vehicleEvents.length).toBeGreaterThanOrEqual(1);
    const first = vehicleEvents.at(-1)!.vehicles;
    expect(first.map((v) => [v.key, v.autopilot, v.mode]).sort()).toEqual([['1:1', 'ardupilot', 'GUIDED'], ['2:1', 'px4', 'AUTO_LOITER']]);
    const n = vehicleEvents.length;
    clock.advance(150);
    clock.advance(150);
    expect(vehicleEvents.length).toBe(n);

    // Three attitudes of vehicle 1 between two publications: one event, vehicle 1 only, the latest wins.
    for (const roll of [0.1, 0.2, 0.3]) send(enc1.encode('ATTITUDE', { time_boot_ms: 1000, roll }));
    await waitFor(() => Math.abs((station.getVehicles().find((v) => v.key === '1:1')!.rollDeg ?? 0) - 17.19) < 0.1);
    clock.advance(150);
    expect(vehicleEvents.length).toBe(n + 1);
    expect(vehicleEvents.at(-1)!.vehicles.map((v) => v.key)).toEqual(['1:1']);
    expect(vehicleEvents.at(-1)!.vehicles[0].rollDeg).toBeCloseTo(17.19, 1);

    // Silence for 3 s (fake time): both lost, published.
    clock.advance(3300);
    const lost = vehicleEvents.at(-1)!.vehicles;
    expect(lost.every((v) => v.linkLost)).toBe(true);
  });
});
