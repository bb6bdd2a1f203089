// The station's traffic picture and alerts end to end: a simulated drone (child process over UDP),
// an SBS-1 feed over real TCP with a helicopter closing on it, a radio report and altitude blocks.
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Events } from '../../shared/contract/api';
import type { OpsAlert, TrafficPicture } from '../../shared/contract/ops-types';
import { GroundStation } from '../../electron/core/station';
import { DEFAULT_SEPARATION, FT_TO_M } from '../../electron/core/traffic';
import { handleCall } from '../../shared/contract/dispatch';
import { waitFor } from '../support/wait';

const pilot = { role: 'pilot' as const, name: 'pilot' };
const commander = { role: 'commander' as const, name: 'cmdr' };
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const M_PER_DEG_LAT = 111_320;

function sbsPosition(icao: string, lat: number, lon: number, altM: number): string {
  const ft = Math.round(altM / FT_TO_M);
  return `MSG,3,111,11111,${icao},111111,2026/11/29,05:00:00.000,2026/11/29,05:00:00.000,,${ft},,,${lat.toFixed(5)},${lon.toFixed(5)},,,,,,0\r\n`;
}
function sbsVelocity(icao: string, knots: number, track: number): string {
  return `MSG,4,111,11111,${icao},111111,2026/11/29,05:00:00.000,2026/11/29,05:00:00.000,,,${knots},${track},,,0,,,,,0\r\n`;
}

describe('ops picture on the station', () => {
  it('a helicopter on an SBS feed closing on a drone: predicted, then violation alerts; radio report; altitude block', async () => {
    const station = new GroundStation({ host: 'server' });
    cleanup.push(() => station.close());
    await station.start();
    const alerts: OpsAlert[] = [];
    let traffic: TrafficPicture | null = null;
    let vehicles: Events['vehicles']['vehicles'] = [];
    station.subscribe((name, payload) => {
      if (name === 'alert') alerts.push(payload as OpsAlert);
      if (name === 'traffic') traffic = payload as TrafficPicture;
      if (name === 'vehicles') vehicles = (payload as Events['vehicles']).vehicles;
    });
    await station.startSimulator({ vehicles: 1 }, pilot);
    const drone = await waitFor('a drone with a position', () => vehicles.find((v) => v.lat !== null && v.altMslM !== null), 30_000);

    const sockets: Socket[] = [];
    const server: Server = createServer((s) => sockets.push(s));
    cleanup.push(() => new Promise((r) => server.close(r)));
    cleanup.push(() => sockets.forEach((s) => s.destroy()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;

    const feed = await station.openTrafficFeed({ host: '127.0.0.1', port, aircraftClass: 'helicopter' }, commander);
    expect(feed).toMatchObject({ id: 'sbs1', aircraftClass: 'helicopter' });
    await waitFor('the feed connected', () => sockets.length === 1);
    // 2 km north, level with the drone, coming south at 100 kt (51 m/s): inside 300 m in ~33 s.
    const alt = drone.altMslM! + 20;
    sockets[0].write(sbsVelocity('780A1B', 100, 180) + sbsPosition('780A1B', drone.lat! + 2000 / M_PER_DEG_LAT, drone.lon!, alt));
    await waitFor('predicted conflict alert', () => alerts.find((a) => a.kind === 'separationPredicted' && a.active), 10_000);
    expect(traffic!.tracks[0]).toMatchObject({ id: 'icao:780A1B', source: 'sbs', aircraftClass: 'helicopter' });
    expect(traffic!.feeds[0]).toMatchObject({ state: 'open', lines: 2 });
    expect(traffic!.conflicts[0]).toMatchObject({ vehicleKey: drone.key, level: 'predicted', encounter: 'headOn' });

    sockets[0].write(sbsPosition('780A1B', drone.lat! + 150 / M_PER_DEG_LAT, drone.lon!, alt));
    const violation = await waitFor('separation alert', () => alerts.find((a) => a.kind === 'separation' && a.active), 10_000);
    expect(violation.severity).toBe('critical');
    expect(violation.message.en).toMatch(/^Separation: 780A1B \d+ m, \d+ m vertically from UAV-1$/);
    expect(violation.message.zh).toMatch(/^间隔告警：780A1B 距 UAV-1 水平 \d+ 米，垂直 \d+ 米$/);

    // A radio report from a second helicopter; a block keeping manned aircraft 200 m above home.
    const track = await station.reportTraffic({ callsign: 'B-7106', lat: drone.lat! + 0.05, lon: drone.lon!, altMslM: alt, aircraftClass: 'helicopter', headingDeg: null, groundSpeedMps: null }, commander);
    expect(track).toMatchObject({ id: 'manual:B-7106', source: 'manual' });
    await station.setAltitudeBlocks({ blocks: [{ id: 'heli', appliesTo: 'manned', label: 'helicopters >= 200 m', minAltM: 200, maxAltM: null, datum: 'rel' }] }, commander);
    const block = await waitFor('altitude block alert', () => alerts.find((a) => a.kind === 'altitudeBlock' && a.subject === 'manual:B-7106'));
    expect(block.message.en).toMatch(/^B-7106 below altitude block helicopters >= 200 m: \d+ m$/);

    await station.closeTrafficFeed({ id: feed.id }, commander);
    await expect(Promise.resolve().then(() => station.closeTrafficFeed({ id: feed.id }, commander))).rejects.toMatchObject({ code: 'no_such_feed' });
    const pic = await station.getOpsPicture({}, commander);
    expect(pic.alerts.length).toBeGreaterThanOrEqual(3);

    // Configurable minima: applied to the next judgement; nonsense refused at the contract.
    const byClass = { ...DEFAULT_SEPARATION.byClass, helicopter: { horizontalM: 5000, verticalM: 500 } };
    expect((await station.setSeparation({ byClass, lookAheadS: 30 }, commander)).byClass.helicopter.horizontalM).toBe(5000);
    expect((await station.getOpsPicture({}, commander)).traffic.settings).toMatchObject({ lookAheadS: 30, staleAfterMs: 10_000 });
    await expect(handleCall(station, commander, 'setSeparation', { byClass, lookAheadS: 9999 })).rejects.toMatchObject({ code: 'bad_params' });
    await expect(handleCall(station, { role: 'observer', name: 'o' }, 'setSeparation', { byClass, lookAheadS: 30 })).rejects.toMatchObject({ code: 'forbidden' });
  }, 90_000);
});
