// The station end to end with the simulator as a real child process speaking MAVLink over UDP.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { EventName, Events } from '../../shared/contract/api';
import type { VehicleSnapshot } from '../../shared/contract/types';
import { GroundStation } from '../../electron/core/station';

const ROOT = join(__dirname, '..', '..');
const pilot = { role: 'pilot' as const, name: 'test' };
const stations: GroundStation[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const s of stations.splice(0)) await s.close();
});
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

async function waitFor<T>(fn: () => T | undefined | false | null, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function record(station: GroundStation) {
  const events: Array<{ name: EventName; payload: Events[EventName] }> = [];
  const latest = new Map<string, VehicleSnapshot>();
  station.subscribe((name, payload) => {
    events.push({ name, payload });
    if (name === 'vehicles') for (const v of (payload as Events['vehicles']).vehicles) latest.set(v.key, v);
  });
  return { events, latest };
}

describe('GroundStation with the simulator', () => {
  it('starts the simulator child, sees its vehicles, follows a mode change, stops it cleanly', async () => {
    const station = new GroundStation({ host: 'server' });
    stations.push(station);
    await station.start();
    const { events, latest } = record(station);
    expect(station.hello({}, pilot)).toMatchObject({ host: 'server', role: 'pilot', sysid: 255 });

    const sim = await station.startSimulator({ vehicles: 2 }, pilot);
    expect(sim).toMatchObject({ running: true, vehicles: 2 });
    expect(sim.link).toMatch(/^udp:127\.0\.0\.1:\d+$/);
    expect(alive(sim.pid!)).toBe(true);
    expect(events.some((e) => e.name === 'simulator')).toBe(true);

    const v1 = await waitFor(() => latest.get('1:1')?.home && latest.get('1:1'), 15_000, 'vehicle 1 with home');
    await waitFor(() => latest.get('2:1'), 5000, 'vehicle 2');
    expect(v1).toMatchObject({ autopilot: 'ardupilot', type: 'multirotor', mavType: 2, mode: 'STABILIZE', armed: false, linkLost: false });
    expect(v1.lat!).toBeCloseTo(46.0726, 3);
    expect(v1.lon!).toBeCloseTo(122.0933, 3);
    expect(v1.altMslM!).toBeCloseTo(280, 0);
    expect(v1.altRelM!).toBeCloseTo(0, 0);
    expect(v1.batteryV!).toBeGreaterThan(10);
    expect(v1.gpsFix).toBeGreaterThanOrEqual(3);
    expect(v1.linkQualityPct).toBeGreaterThan(50);
    expect(station.getVehicles().map((v) => v.key).sort()).toEqual(['1:1', '2:1']);

    // Vehicle events are coalesced: a few per second, not one per MAVLink message.
    const since = events.length;
    await new Promise((r) => setTimeout(r, 1000));
    const vehicleEvents = events.slice(since).filter((e) => e.name === 'vehicles').length;
    expect(vehicleEvents).toBeGreaterThanOrEqual(4);
    expect(vehicleEvents).toBeLessThanOrEqual(11);

    // A mode change on the vehicle shows in the snapshot under its ArduCopter name.
    const link = station.listLinks().find((l) => l.spec === sim.link)!;
    expect(link.stats.framesOk).toBeGreaterThan(10);
    station.live.links.send(link.id, 'SET_MODE', { target_system: 2, base_mode: 1, custom_mode: 4 });
    await waitFor(() => latest.get('2:1')?.mode === 'GUIDED', 5000, 'GUIDED on vehicle 2');
    expect(latest.get('1:1')!.mode).toBe('STABILIZE');

    const stopped = await station.stopSimulator({}, pilot);
    expect(stopped).toEqual({ running: false, vehicles: 0, helicopter: false, link: null, pid: null });
    expect(alive(sim.pid!)).toBe(false);
    expect(station.listLinks()).toEqual([]);
  }, 40_000);

  it('ArduPilot that streams nothing until asked gets its streams, battery and home; link loss and recovery', async () => {
    const station = new GroundStation({ host: 'electron' });
    stations.push(station);
    await station.start();
    const { latest } = record(station);
    const link = await station.openLink({ spec: 'udp:127.0.0.1:0' }, pilot);
    const port = link.spec.split(':')[2];
    let positions = 0;
    station.live.links.onMessage((m) => m.name === 'GLOBAL_POSITION_INT' && positions++);
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/core/sim/main.ts'), '--udp', `127.0.0.1:${port}`, '--stream-default', '0'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    children.push(child);

    // With --stream-default 0 the simulator sends only heartbeats unless our requests work.
    const v = await waitFor(() => {
      const s = latest.get('1:1');
      return s && s.lat !== null && s.batteryV !== null && s.home !== null && s.rollDeg !== null && s.airSpeedMps !== null && s;
    }, 20_000, 'streamed telemetry');
    expect(v.lat!).toBeCloseTo(46.0726, 3);
    // POSITION was asked for at 5 Hz.
    const before = positions;
    await new Promise((r) => setTimeout(r, 2000));
    const rate = (positions - before) / 2;
    expect(rate).toBeGreaterThan(3.5);
    expect(rate).toBeLessThan(7);

    // Freeze the simulator: no more heartbeats. After 3 s the link is lost; thaw: it is back.
    child.kill('SIGSTOP');
    await waitFor(() => latest.get('1:1')?.linkLost, 6000, 'link lost');
    child.kill('SIGCONT');
    await waitFor(() => latest.get('1:1')?.linkLost === false, 6000, 'link recovered');
    child.kill('SIGTERM');
  }, 45_000);

  it('starts with the simulated helicopter when asked: its ADS-B track reaches the station', async () => {
    const station = new GroundStation({ host: 'server' });
    stations.push(station);
    await station.start();
    let tracks: Array<{ id: string; callsign: string | null; aircraftClass: string; source: string }> = [];
    station.subscribe((name, payload) => {
      if (name === 'traffic') tracks = (payload as Events['traffic']).tracks;
    });
    const sim = await station.startSimulator({ vehicles: 1, helicopter: true }, pilot);
    expect(sim).toMatchObject({ running: true, vehicles: 1, helicopter: true });
    expect(station.getSimulator()).toMatchObject({ helicopter: true });
    const heli = await waitFor(() => tracks.find((t) => t.id === 'icao:780A1B'), 20_000, 'the helicopter track');
    expect(heli).toMatchObject({ callsign: 'POLICE1', aircraftClass: 'helicopter' });
    // Restarted without it: no helicopter in the simulator any more.
    expect(await station.startSimulator({ vehicles: 1 }, pilot)).toMatchObject({ helicopter: false });
  }, 40_000);

  it('close() stops the simulator too: no orphan process', async () => {
    const station = new GroundStation({ host: 'server' });
    await station.start();
    const sim = await station.startSimulator({ vehicles: 1 }, pilot);
    expect(alive(sim.pid!)).toBe(true);
    await station.close();
    expect(alive(sim.pid!)).toBe(false);
    await station.close(); // twice is fine
  }, 30_000);

  it('bad links are refused with the contract error', async () => {
    const station = new GroundStation({ host: 'server' });
    stations.push(station);
    await expect(station.openLink({ spec: 'ftp:1.2.3.4:21' }, pilot)).rejects.toMatchObject({ code: 'bad_link_spec' });
    await expect(station.closeLink({ id: 'link-99' }, pilot)).rejects.toMatchObject({ code: 'no_such_link' });
  });
});
