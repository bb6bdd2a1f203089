import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FT_TO_M, KT_TO_MPS, LineSplitter, parseSbsLine, readAdsbVehicle, SbsClient, TrafficStore, type TrafficUpdate } from '../../electron/core/traffic';
import type { Message } from '../../electron/core/mavlink';
import { waitFor } from '../support/wait';

const FIXTURE = join(__dirname, '../fixtures/sbs/sbsdump-readme.txt');

describe('SBS-1 lines', () => {
  it('reads a real dump1090 capture: position, velocity, callsign; feet and knots to SI', () => {
    const lines = readFileSync(FIXTURE, 'utf8').split('\n').filter(Boolean);
    const parsed = lines.map(parseSbsLine);
    expect(parsed.every((p) => p.ok)).toBe(true);
    const [pos, vel, , call] = parsed.map((p) => (p.ok ? p.update : null)) as TrafficUpdate[];
    expect(pos).toMatchObject({ icao: '4951CD', lat: 38.80811, lon: -9.23425 });
    expect(pos.altMslM).toBeCloseTo(6050 * FT_TO_M, 6);
    expect(pos.altMslM).toBeCloseTo(1844.04, 2);
    expect(vel.groundSpeedMps).toBeCloseTo(272 * KT_TO_MPS, 6);
    expect(vel.headingDeg).toBe(207);
    expect(vel.climbMps).toBeCloseTo((-704 * 0.3048) / 60, 6);
    expect(vel.lat).toBeUndefined();
    expect(call.callsign).toBe('TAP377');
  });

  it('rejects malformed lines with a reason and never throws', () => {
    const bad = [
      '',
      'garbage',
      'MSG,3,111,11111',
      'MSG,9,111,11111,4951CD,111111,d,t,d,t,,6050,,,38.8,-9.2,,,,,,0',
      'MSG,3,111,11111,XYZ,111111,d,t,d,t,,6050,,,38.8,-9.2,,,,,,0',
      'MSG,3,111,11111,4951CD,111111,d,t,d,t,,abc,,,38.8,-9.2,,,,,,0',
      'MSG,3,111,11111,4951CD,111111,d,t,d,t,,6050,,,98.8,-9.2,,,,,,0',
      'MSG,3,111,11111,4951CD,111111,d,t,d,t,,6050,,,38.8,,,,,,,0',
      'STA,,5,179,400AE7,10103,2008/11/28,14:58:51.263,2008/11/28,14:58:51.263,RM',
    ];
    for (const line of bad) {
      const r = parseSbsLine(line);
      expect(r.ok, line).toBe(false);
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
    }
  });

  it('treats 0,0 as "no position yet" and reads squawk and ground flag', () => {
    const r = parseSbsLine('MSG,6,111,11111,780A1B,111111,d,t,d,t,,,,,0,0,,7700,0,1,0,-1');
    expect(r.ok && r.update).toMatchObject({ icao: '780A1B', squawk: '7700', onGround: true });
    expect(r.ok && r.update.lat).toBeUndefined();
  });

  it('splits a stream into lines across chunks, bounding an endless line', () => {
    const s = new LineSplitter(50);
    expect(s.push('MSG,1\r\nMS')).toEqual(['MSG,1']);
    expect(s.push('G,2\n')).toEqual(['MSG,2']);
    expect(s.push('x'.repeat(100))).toEqual([]);
    expect(s.push('\nMSG,3\n')).toEqual(['MSG,3']);
  });
});

function adsb(fields: Record<string, number | string>): Message {
  return { msgid: 246, name: 'ADSB_VEHICLE', sysid: 1, compid: 1, seq: 0, fields };
}

describe('ADSB_VEHICLE', () => {
  it('converts degE7, mm, cdeg, cm/s and the emitter type; only valid-flagged fields', () => {
    const r = readAdsbVehicle(adsb({ ICAO_address: 0x780a1b, lat: 460726000, lon: 1220933000, altitude: 450_000, heading: 27_000, hor_velocity: 4500, ver_velocity: -150, callsign: 'B7105', emitter_type: 7, flags: 1 | 2 | 4 | 8 | 16 | 32, squawk: 1200 }));
    expect(r?.aircraftClass).toBe('helicopter');
    expect(r?.update).toMatchObject({ icao: '780A1B', lat: 46.0726, lon: 122.0933, altMslM: 450, headingDeg: 270, groundSpeedMps: 45, climbMps: -1.5, callsign: 'B7105', squawk: '1200' });
    const none = readAdsbVehicle(adsb({ ICAO_address: 0x780a1b, lat: 0, lon: 0, flags: 0, emitter_type: 14 }));
    expect(none?.update.lat).toBeUndefined();
    expect(none?.aircraftClass).toBe('drone');
    expect(readAdsbVehicle(adsb({ ICAO_address: 0, flags: 1 }))).toBeNull();
  });
});

describe('TrafficStore', () => {
  const opts = { staleAfterMs: 10_000, dropAfterMs: 60_000 };
  it('merges partial SBS messages, shows a track once it has a position, ages it stale then drops it', () => {
    const store = new TrafficStore(opts);
    store.update({ icao: 'ABC123', callsign: 'POL1' }, 'sbs', 'helicopter', 1000);
    expect(store.list(1000)).toEqual([]);
    store.update({ icao: 'ABC123', lat: 46, lon: 122, altMslM: 500 }, 'sbs', 'unknown', 2000);
    const [t] = store.list(2000);
    expect(t).toMatchObject({ id: 'icao:ABC123', callsign: 'POL1', aircraftClass: 'helicopter', altMslM: 500, stale: false });
    expect(store.list(12_001)[0].stale).toBe(true);
    expect(store.expire(30_000)).toBe(false);
    expect(store.expire(62_001)).toBe(true);
    expect(store.list(62_001)).toEqual([]);
  });

  it('keeps manual radio reports by callsign, replaced by the next report', () => {
    const store = new TrafficStore(opts);
    store.report({ callsign: 'police 2', lat: 46.1, lon: 122.1, altMslM: 600, aircraftClass: 'helicopter', tMs: 500 });
    store.report({ callsign: 'POLICE 2', lat: 46.2, lon: 122.2, altMslM: 650, aircraftClass: 'helicopter', tMs: 900 });
    expect(store.list(1000)).toHaveLength(1);
    expect(store.list(1000)[0]).toMatchObject({ id: 'manual:POLICE 2', source: 'manual', lat: 46.2, lastSeenMs: 900 });
  });

  it('bounds the number of tracks, evicting the longest silent', () => {
    const store = new TrafficStore({ ...opts, maxTracks: 3 });
    for (let i = 0; i < 5; i++) store.update({ icao: `00000${i}`, lat: 1, lon: 1 }, 'sbs', 'unknown', i);
    expect(store.size).toBe(3);
    expect(store.list(10).map((t) => t.icao)).toEqual(['000002', '000003', '000004']);
  });
});

describe('SbsClient over real TCP', () => {
  let server: Server | null = null;
  let client: SbsClient | null = null;
  afterEach(async () => {
    client?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });

  it('reads lines, counts rejects, and reconnects after the feed drops', async () => {
    const sockets: Socket[] = [];
    server = createServer((s) => {
      sockets.push(s);
      s.write('MSG,3,111,11111,4951CD,111111,d,t,d,t,,6050,,,38.80811,-9.23425,,,,,,0\r\nnot sbs\n');
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const updates: TrafficUpdate[] = [];
    client = new SbsClient({ host: '127.0.0.1', port, onUpdate: (u) => updates.push(u) });
    client.start();
    await waitFor('first line and a reject', () => updates.length === 1 && client!.stats.rejected === 1);
    sockets[0].destroy();
    await waitFor('a line after reconnecting', () => updates.length === 2, 15_000);
    expect(client.stats.reconnects).toBe(1);
    expect(client.state).toBe('open');
  });
});
