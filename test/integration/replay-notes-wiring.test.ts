// The station as shipped: a crew note written during a flight carries the flight's id (replay's
// current flight), is counted with the flight, and shows in the flight's replay.
import { createSocket } from 'node:dgram';
import { afterAll, describe, expect, it } from 'vitest';
import { handleCall } from '../../shared/contract/dispatch';
import type { FlightRecord, ReplayInfo } from '../../shared/contract/flight-types';
import type { Note } from '../../shared/contract/notes';
import { Encoder } from '../../electron/core/mavlink';
import { FakeClock } from '../../electron/core/protocol/fake-clock';
import { GroundStation } from '../../electron/core/station';
import { waitFor } from '../support/wait';

const commander = { role: 'commander' as const, name: 'Li Na' };
const clock = new FakeClock(Date.now());
const station = new GroundStation({ host: 'server', clock });
const sock = createSocket('udp4');
afterAll(async () => {
  sock.close();
  await station.close();
});

describe('notes and flights wired together', () => {
  it('a crew note in flight belongs to the flight and replays with it', async () => {
    await station.start();
    const link = await station.openLink({ spec: 'udp:127.0.0.1:0' }, { role: 'pilot', name: 'p' });
    const port = Number(link.spec.slice(link.spec.lastIndexOf(':') + 1));
    const enc = new Encoder({ sysid: 1, compid: 1 });
    const heartbeat = async (armed: boolean) => {
      sock.send(enc.encode('HEARTBEAT', { type: 2, autopilot: 3, base_mode: armed ? 0x81 : 0x01, custom_mode: 4, system_status: 4, mavlink_version: 3 }), port, '127.0.0.1');
      await waitFor('the heartbeat', () => station.live.fleet.get('1:1')?.snap.armed === armed);
    };
    await heartbeat(true);
    const open = (await handleCall(station, commander, 'listFlights', {})) as FlightRecord[];
    expect(open).toHaveLength(1);
    clock.advance(2000);
    const note = (await handleCall(station, commander, 'addNote', { category: 'tasking', text: 'Hold over the east gate', vehicleKey: '1:1' })) as Note;
    expect(note.flightId).toBe(open[0]!.id);
    clock.advance(1000);
    await heartbeat(false);
    clock.advance(11_000);
    const [flight] = (await handleCall(station, commander, 'listFlights', {})) as FlightRecord[];
    expect(flight).toMatchObject({ id: open[0]!.id, status: 'closed', noteCount: 1 });
    const info = (await handleCall(station, commander, 'openFlight', { id: flight!.id })) as ReplayInfo;
    expect(info.marks.filter((m) => m.kind === 'note').map((m) => m.label)).toEqual(['Hold over the east gate']);
    expect(((await handleCall(station, commander, 'replayNotes', {})) as Note[]).map((n) => n.text)).toEqual(['Hold over the east gate']);
  });
});
