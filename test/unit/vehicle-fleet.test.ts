import { describe, expect, it } from 'vitest';
import { decodeFrame, Encoder, Framer, type Fields, type Message } from '../../electron/core/mavlink';
import { FakeClock } from '../../electron/core/protocol/fake-clock';
import { Fleet, telemetryRequests } from '../../electron/core/vehicle';

const framer = new Framer();
function wire(enc: Encoder, name: string, fields: Partial<Fields>): Message {
  let msg: Message | undefined;
  framer.push(enc.encode(name, fields), (f) => (msg = decodeFrame(f)));
  return msg!;
}
const hb = (type: number, autopilot: number, custom_mode = 0) => ({ type, autopilot, base_mode: 81, custom_mode, system_status: 4, mavlink_version: 3 });

describe('fleet', () => {
  it('creates vehicles only from autopilot heartbeats, never from GCSs, INVALID components or our own id', () => {
    const fleet = new Fleet({ ownSysid: 255, clock: new FakeClock() });
    fleet.handle(wire(new Encoder({ sysid: 1, compid: 1 }), 'ATTITUDE', { roll: 1 }), 'l'); // before any heartbeat
    fleet.handle(wire(new Encoder({ sysid: 200, compid: 190 }), 'HEARTBEAT', hb(6, 8)), 'l'); // another GCS
    fleet.handle(wire(new Encoder({ sysid: 1, compid: 100 }), 'HEARTBEAT', hb(30, 8)), 'l'); // a camera
    fleet.handle(wire(new Encoder({ sysid: 255, compid: 1 }), 'HEARTBEAT', hb(2, 3)), 'l'); // our own id
    expect(fleet.size).toBe(0);
    fleet.handle(wire(new Encoder({ sysid: 1, compid: 1 }), 'HEARTBEAT', hb(2, 3)), 'l');
    fleet.handle(wire(new Encoder({ sysid: 7, compid: 1 }), 'HEARTBEAT', hb(1, 12, 0x04040000)), 'l');
    expect(fleet.all().map((v) => v.key)).toEqual(['1:1', '7:1']);
    expect(fleet.get('7:1')!.snap).toMatchObject({ autopilot: 'px4', type: 'fixedwing', mode: 'AUTO_MISSION' });
  });

  it('link lost after 3 s without a heartbeat (fake clock), recovered on the next one', () => {
    const clock = new FakeClock(0);
    const fleet = new Fleet({ ownSysid: 255, clock });
    const events: string[] = [];
    fleet.listen({ linkLost: (v) => events.push(`lost ${v.key}`), linkRecovered: (v) => events.push(`back ${v.key}`) });
    fleet.start();
    const enc = new Encoder({ sysid: 3, compid: 1 });
    fleet.handle(wire(enc, 'HEARTBEAT', hb(2, 3)), 'l');
    const v = fleet.get('3:1')!;
    clock.advance(2000);
    fleet.handle(wire(enc, 'ATTITUDE', {}), 'l'); // other messages do not count as a heartbeat
    clock.advance(900);
    expect(v.snap.linkLost).toBe(false);
    clock.advance(400);
    expect(v.snap.linkLost).toBe(true);
    expect(events).toEqual(['lost 3:1']);
    v.dirty = false;
    clock.advance(10_000);
    expect(events).toEqual(['lost 3:1']);
    fleet.handle(wire(enc, 'HEARTBEAT', hb(2, 3)), 'l');
    expect(v.snap.linkLost).toBe(false);
    expect(v.dirty).toBe(true);
    expect(events).toEqual(['lost 3:1', 'back 3:1']);
    fleet.stop();
    expect(clock.pending).toBe(0);
  });

  it('tracks the links a vehicle is heard on, most recent first', () => {
    const fleet = new Fleet({ ownSysid: 255, clock: new FakeClock() });
    const enc = new Encoder({ sysid: 1, compid: 1 });
    fleet.handle(wire(enc, 'HEARTBEAT', hb(2, 3)), 'radio');
    fleet.handle(wire(enc, 'HEARTBEAT', hb(2, 3)), 'lte');
    expect(fleet.get('1:1')!.snap.linkIds).toEqual(['lte', 'radio']);
    fleet.handle(wire(enc, 'HEARTBEAT', hb(2, 3)), 'radio');
    expect(fleet.get('1:1')!.snap.linkIds).toEqual(['radio', 'lte']);
  });

  it('asks ArduPilot for its streams and battery and home; PX4 only for home', () => {
    const ardu = telemetryRequests('ardupilot', 1, 1);
    const streams = ardu.filter((m) => m.name === 'REQUEST_DATA_STREAM').map((m) => [m.fields.req_stream_id, m.fields.req_message_rate]);
    expect(streams).toEqual([[2, 2], [6, 5], [10, 5], [11, 2], [12, 1]]);
    const cmds = ardu.filter((m) => m.name === 'COMMAND_LONG').map((m) => [m.fields.command, m.fields.param1, m.fields.param2]);
    expect(cmds).toEqual([[511, 147, 1_000_000], [512, 242, undefined]]);
    expect(ardu.every((m) => m.fields.target_system === 1 && m.fields.target_component === 1)).toBe(true);
    const px4 = telemetryRequests('px4', 2, 1);
    expect(px4.map((m) => [m.name, m.fields.command, m.fields.param1])).toEqual([['COMMAND_LONG', 512, 242]]);
  });
});
