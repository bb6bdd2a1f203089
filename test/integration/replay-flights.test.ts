// A flight flown on the simulator (its own process, real UDP) becomes a library flight: opened at
// arming, closed after disarm, measured and hashed from its own tlog, with the mission uploaded and
// the commands issued; it replays, and a changed byte in its tlog is reported.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyPlan, MAV_CMD, MAV_FRAME, planItem, type MissionItem } from '../../shared/plan';
import { legErrors, plannedWaypoints } from '../../electron/core/recording/planned-vs-flown';
import type { VehicleCommandResult } from '../../shared/contract/types';
import { systemClock } from '../../electron/core/protocol/port';
import { FlightLibrary } from '../../electron/core/recording/flight-library';
import { FlightTracker } from '../../electron/core/recording/flight-tracker';
import { openReplay } from '../../electron/core/recording/replay-session';
import { LinkRecorder } from '../../electron/core/recording/link-recorder';
import { frameBytes, indexTlog } from '../../electron/core/recording/tlog-index';
import { openStationDb } from '../../electron/core/recording/station-db';
import { LiveSession } from '../../electron/core/station-parts/live-session';
import { VehicleOperations } from '../../electron/core/station-parts/vehicle-operations';
import { ROOT } from '../support/gcs-cli';
import { waitFor } from '../support/wait';

const HOME = { lat: 46.0726, lon: 122.0933 };
const pilot = { role: 'pilot' as const, name: 'Zhang Wei' };
const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('flight sessions from a simulated flight', () => {
  it('records, measures, hashes and replays a flight; a changed byte is reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-flights-'));
    const db = openStationDb(join(dir, 'station.sqlite'));
    cleanups.push(() => db.close());
    const session = new LiveSession({ sysid: 255, clock: systemClock });
    const ops = new VehicleOperations({ session, clock: systemClock, timings: { mission: { ackTimeoutMs: 300, itemTimeoutMs: 60, maxRetries: 10 }, command: { timeoutMs: 500, maxTries: 3 } } });
    const library = new FlightLibrary(db);
    const tracker = new FlightTracker({ session, library, dir: join(dir, 'flights'), clock: systemClock, endGraceMs: 500 });
    ops.onOperation((op) => tracker.onOperation(op));
    // Beside it: a flight started on link (not arming), and the link's own continuous recording.
    const db2 = openStationDb(join(dir, 'on-link.sqlite'));
    const linkLibrary = new FlightLibrary(db2);
    const linkTracker = new FlightTracker({ session, library: linkLibrary, dir: join(dir, 'flights-on-link'), clock: systemClock, startOn: 'link' });
    const recorder = new LinkRecorder(session.links, join(dir, 'recordings'));
    const seen: Uint8Array[] = [];
    session.links.onRawFrame((_id, raw) => seen.push(raw.slice()));
    session.start();
    tracker.start();
    linkTracker.start();
    recorder.start();
    cleanups.push(async () => {
      linkTracker.close();
      recorder.close();
      db2.close();
      tracker.close();
      ops.close();
      await session.close();
    });
    const link = await session.links.open('udp:127.0.0.1:0');
    const port = Number(link.spec.slice(link.spec.lastIndexOf(':') + 1));
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/core/sim/main.ts'), '--udp', `127.0.0.1:${port}`, '--speedup', '5'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    cleanups.push(() => child.kill('SIGKILL'));
    const v = () => session.fleet.get('1:1')?.snap;
    await waitFor('a vehicle with a GPS fix', () => (v()?.gpsFix ?? 0) >= 3, 30_000);

    const plan = emptyPlan();
    const wp = (command: number, x: number, y: number, z: number) => planItem({ command, frame: MAV_FRAME.GLOBAL_RELATIVE_ALT, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x, y, z });
    plan.mission.items.push(wp(MAV_CMD.NAV_TAKEOFF, 0, 0, 20), wp(MAV_CMD.NAV_WAYPOINT, HOME.lat + 0.002, HOME.lon, 20), wp(MAV_CMD.NAV_WAYPOINT, HOME.lat + 0.002, HOME.lon + 0.002, 20));
    await ops.uploadPlan({ key: '1:1', plan, types: ['mission'], verify: true }, pilot);
    const command = async (p: Record<string, unknown>) => {
      const r = (await ops.command({ key: '1:1', ...(p as { action: 'arm' }) }, pilot)) as VehicleCommandResult;
      expect(r.ok, `${String(p.action)}: ${r.message.en}`).toBe(true);
    };
    await command({ action: 'setMode', mode: 'GUIDED' });
    await command({ action: 'arm' });
    await waitFor('a flight to open', () => tracker.activeFlight('1:1'), 10_000);
    await command({ action: 'takeoff', altM: 20 });
    await waitFor('climb', () => (v()?.altRelM ?? 0) > 15, 30_000);
    await command({ action: 'missionStart' });
    await waitFor('heading for the last waypoint (seq 0 is home)', () => (v()?.missionCurrent ?? 0) >= 3, 90_000);
    await new Promise((r) => setTimeout(r, 3000)); // some of the last leg flown
    await command({ action: 'land' });
    await waitFor('landed and disarmed', () => v()?.armed === false, 60_000);
    const flight = await waitFor('the flight to close', () => library.search().find((f) => f.status === 'closed'), 10_000);

    expect(flight).toMatchObject({ vehicleKey: '1:1', pilot: 'Zhang Wei', status: 'closed' });
    expect(flight.durationS!).toBeGreaterThan(3);
    expect(flight.maxAltRelM!).toBeGreaterThan(15);
    expect(flight.distanceM).toBeGreaterThan(150); // 222 m north, then east, at least in part
    expect(flight.bbox!.minLat).toBeLessThanOrEqual(HOME.lat + 0.0005);
    expect(flight.bbox!.maxLat).toBeGreaterThan(HOME.lat + 0.0015);
    const opsKept = library.operations(flight.id);
    expect(opsKept[0]).toMatchObject({ kind: 'upload', caller: 'Zhang Wei', ok: true });
    expect(opsKept.map((o) => o.summary)).toEqual(expect.arrayContaining(['arm', 'takeoff 20', 'missionStart', 'land']));

    // Search and logbook.
    expect(library.search({ pilot: 'zhang' })).toHaveLength(1);
    expect(library.search({ pilot: 'li' })).toHaveLength(0);
    expect(library.search({ near: HOME })).toHaveLength(1);
    expect(library.search({ near: { lat: 39.9, lon: 116.4 } })).toHaveLength(0);
    expect(library.search({ fromMs: flight.endMs! + 60_000 })).toHaveLength(0);
    library.setRegistration('1:1', 'B-7001');
    expect(library.search({ aircraft: 'B-70' })).toHaveLength(0); // registration set after: this flight keeps none
    const book = library.logbook();
    expect(book.total.flights).toBe(1);
    expect(book.perPilot[0]).toMatchObject({ name: 'Zhang Wei', flights: 1 });
    expect(book.perPilot[0]!.hours).toBeCloseTo(flight.durationS! / 3600, 6);

    // Replays: armed and in AUTO in the middle; the planned mission is beside it.
    const replay = openReplay(flight.tlogPath, flight, [], {});
    expect(replay.info.hashOk).toBe(true);
    expect(replay.info.marks.map((m) => m.kind)).toEqual(expect.arrayContaining(['mode', 'waypoint', 'disarm']));
    const auto = replay.info.marks.find((m) => m.kind === 'mode' && m.label === 'AUTO')!;
    replay.player.seek(auto.tMs + 500);
    expect(replay.player.vehicles()[0]).toMatchObject({ key: '1:1', armed: true, mode: 'AUTO' });
    replay.player.close();

    // Planned against flown: the uploaded mission's two waypoints make one leg, flown close to the line.
    const items = (opsKept[0]!.detail as { plan: { mission: { items: MissionItem[] } } }).plan.mission.items;
    const waypoints = plannedWaypoints(items, 1);
    expect(waypoints.map((w) => w.seq)).toEqual([2, 3]);
    const legs = legErrors(waypoints, replay.scan.vehicles.get('1:1')!.track);
    expect(legs).toHaveLength(1);
    expect(legs[0]!.samples).toBeGreaterThan(0);
    expect(legs[0]!.maxM).toBeLessThan(25);

    // Started on link: open from the first message, closed when the station stops.
    const onLink = linkLibrary.search()[0]!;
    expect(onLink.status).toBe('open');
    expect(onLink.startMs).toBeLessThan(flight.startMs);
    linkTracker.close();
    expect(linkLibrary.get(onLink.id)!.status).toBe('closed');
    // The link's recording reads back frame for frame: everything received and sent, in order.
    recorder.close();
    const recorded = indexTlog(new Uint8Array(readFileSync(recorder.files()[0] ?? join(dir, 'recordings', readdirSync(join(dir, 'recordings'))[0]!))));
    expect(recorded.count).toBe(seen.length);
    for (let k = 0; k < seen.length; k += 97) expect(frameBytes(recorded, k)).toEqual(seen[k]);

    // A changed byte is reported.
    const bytes = readFileSync(flight.tlogPath);
    bytes[bytes.length >> 1] ^= 0x01;
    writeFileSync(flight.tlogPath, bytes);
    expect(openReplay(flight.tlogPath, flight, [], {}).info.hashOk).toBe(false);
  }, 180_000);
});
