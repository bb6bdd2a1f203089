// When flights end, on the station's fake clock with a real UDP socket as the vehicle: after disarm
// plus the grace period, and for a vehicle lost while armed, after five silent minutes.
import { createSocket } from 'node:dgram';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Encoder } from '../../electron/core/mavlink';
import { FakeClock } from '../../electron/core/protocol/fake-clock';
import { FlightLibrary } from '../../electron/core/recording/flight-library';
import { FlightTracker } from '../../electron/core/recording/flight-tracker';
import { openStationDb } from '../../electron/core/recording/station-db';
import { LiveSession } from '../../electron/core/station-parts/live-session';
import { waitFor } from '../support/wait';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'replay-end-'));
  const clock = new FakeClock(Date.UTC(2026, 10, 29, 6));
  const db = openStationDb(join(dir, 'station.sqlite'));
  const session = new LiveSession({ sysid: 255, clock, passive: true });
  const library = new FlightLibrary(db);
  const tracker = new FlightTracker({ session, library, dir, clock, endGraceMs: 10_000 });
  session.start();
  tracker.start();
  const link = await session.links.open('udp:127.0.0.1:0');
  const port = Number(link.spec.slice(link.spec.lastIndexOf(':') + 1));
  const sock = createSocket('udp4');
  cleanups.push(async () => {
    sock.close();
    tracker.close();
    await session.close();
    db.close();
  });
  const enc = new Encoder({ sysid: 1, compid: 1 });
  const heartbeat = async (armed: boolean) => {
    sock.send(enc.encode('HEARTBEAT', { type: 2, autopilot: 3, base_mode: armed ? 0x80 | 0x01 : 0x01, custom_mode: 4, system_status: 4, mavlink_version: 3 }), port, '127.0.0.1');
    // Each call changes the armed state (or brings the vehicle), so the change shows it arrived.
    await waitFor('the heartbeat', () => session.fleet.get('1:1')?.snap.armed === armed);
  };
  return { clock, library, tracker, heartbeat };
}

describe('flight end', () => {
  it('closes a grace period after disarm, not before; a re-arm inside it keeps the same flight', async () => {
    const { clock, library, tracker, heartbeat } = await setup();
    await heartbeat(false);
    expect(tracker.activeFlight('1:1')).toBeUndefined();
    await heartbeat(true);
    const id = tracker.activeFlight('1:1')!.id;
    clock.advance(1000);
    await heartbeat(false);
    clock.advance(5000);
    await heartbeat(true); // a bounce: same flight
    expect(tracker.activeFlight('1:1')!.id).toBe(id);
    clock.advance(1000);
    await heartbeat(false);
    clock.advance(9000);
    expect(library.get(id)!.status).toBe('open');
    clock.advance(1500);
    expect(library.get(id)!.status).toBe('closed');
    expect(library.search()).toHaveLength(1);
  });

  it('closes an armed flight whose vehicle has been silent for five minutes', async () => {
    const { clock, library, tracker, heartbeat } = await setup();
    await heartbeat(true);
    const id = tracker.activeFlight('1:1')!.id;
    clock.advance(4 * 60_000);
    expect(library.get(id)!.status).toBe('open');
    clock.advance(61_000);
    expect(library.get(id)!.status).toBe('closed');
  });
});
