// The replay area's commands as a user runs them: tlog info and export on a real log, replay of a
// tlog over real UDP to a listening link (frame for frame), record a link, and the flight library.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { createSocket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { Encoder } from '../../electron/core/mavlink';
import { LinkManager } from '../../electron/core/links';
import { FlightLibrary } from '../../electron/core/recording/flight-library';
import { openStationDb } from '../../electron/core/recording/station-db';
import { frameBytes, indexTlog } from '../../electron/core/recording/tlog-index';
import { ROOT, runGcs } from '../support/gcs-cli';
import { waitFor } from '../support/wait';

const VTOL = join(ROOT, 'test/fixtures/tlog/uavlogviewer-vtol.tlog');
const FLOCKED = join(ROOT, 'test/fixtures/tlog/flocked-tlog_data_0.tlog');

describe('gcs tlog / replay / record / flights', () => {
  it('tlog info --json gives the figures; a folder or missing file is a clear exit 2', async () => {
    const r = await runGcs(['tlog', 'info', VTOL, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.stats.frames).toBe(23894);
    expect(s.durationS).toBeCloseTo(207.6, 1);
    const dir = await runGcs(['tlog', 'info', tmpdir()]);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toMatch(/is not a file/);
  });

  it('exports KMZ (a zipped 3D KML) and CSV at 1 Hz', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-cli-'));
    expect((await runGcs(['tlog', 'export', VTOL, '--format', 'kmz', '--out', join(dir, 'a.kmz')])).code).toBe(0);
    const kml = strFromU8(unzipSync(new Uint8Array(readFileSync(join(dir, 'a.kmz'))))['doc.kml']!);
    expect(kml).toContain('<altitudeMode>absolute</altitudeMode>');
    expect(kml.match(/149\.16\d+,-35\.36\d+,\d+\.\d/g)!.length).toBeGreaterThan(100);
    expect((await runGcs(['tlog', 'export', VTOL, '--format', 'csv', '--out', join(dir, 'a.csv')])).code).toBe(0);
    const lines = readFileSync(join(dir, 'a.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^time_utc,vehicle,lat,lon/);
    expect(lines.length - 1).toBeGreaterThan(140);
    expect((await runGcs(['tlog', 'export', VTOL, '--format', 'shp'])).code).toBe(2);
  });

  it('replay sends the log, timed, frame for frame to a ground station on UDP', async () => {
    const links = new LinkManager();
    const got: Uint8Array[] = [];
    links.onRawFrame((_id, raw, dir) => dir === 'in' && got.push(raw.slice()));
    const info = await links.open('udp:127.0.0.1:0');
    const port = (links.get(info.id)!.link as unknown as { localPort: number }).localPort;
    try {
      const t0 = Date.now();
      const r = await runGcs(['replay', FLOCKED, '--udp', `127.0.0.1:${port}`, '--speed', '4'], 60_000);
      expect(r.code, r.stderr).toBe(0);
      // 11.5 s of log at 4x: about 3 s, not all at once.
      expect(Date.now() - t0).toBeGreaterThan(2500);
      const index = indexTlog(new Uint8Array(readFileSync(FLOCKED)));
      await waitFor('every frame', () => got.length >= index.count, 5000);
      for (let k = 0; k < index.count; k++) expect(got[k]).toEqual(frameBytes(index, k));
    } finally {
      await links.closeAll();
    }
  }, 90_000);

  it('record writes a link to a tlog that reads back what was sent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-cli-rec-'));
    const out = join(dir, 'rec.tlog');
    // A free port: bind, note it, let go (the recorder binds it next).
    const probe = createSocket('udp4');
    const port = await new Promise<number>((r) => probe.bind(0, '127.0.0.1', () => r(probe.address().port)));
    await new Promise<void>((r) => probe.close(() => r()));
    const run = runGcs(['record', '--link', `udp:127.0.0.1:${port}`, '--out', out, '--duration', '4'], 30_000);
    const sender = createSocket('udp4');
    const enc = new Encoder({ sysid: 9, compid: 1 });
    const sent: Uint8Array[] = [];
    await waitFor('the recorder to open its file', () => existsSync(out), 20_000); // created once the link is open
    for (let k = 0; k < 50; k++) {
      const f = enc.encode('ATTITUDE', { time_boot_ms: k });
      sent.push(f);
      sender.send(f, port, '127.0.0.1');
      await new Promise((r) => setTimeout(r, 5));
    }
    const r = await run;
    sender.close();
    expect(r.code, r.stderr).toBe(0);
    const index = indexTlog(new Uint8Array(readFileSync(out)));
    expect(index.count).toBe(50);
    for (let k = 0; k < 50; k++) expect(frameBytes(index, k)).toEqual(sent[k]);
    expect((await runGcs(['record', '--link', `udp:127.0.0.1:${port}`, '--out', out])).code).toBe(2); // never overwrites
  }, 60_000);

  it('flights lists the library of a data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-cli-lib-'));
    const db = openStationDb(join(dir, 'station.sqlite'));
    const lib = new FlightLibrary(db);
    lib.create({ id: 'f1', vehicleKey: '1:1', pilot: 'Zhang Wei', startMs: Date.UTC(2026, 0, 2, 3), tlogPath: '/x.tlog', missionName: null });
    lib.finish('f1', { endMs: Date.UTC(2026, 0, 2, 3, 30), maxAltRelM: 80, distanceM: 4200, bbox: null, noteCount: 0, alertCount: 0, sha256: 'ab' }, 'closed');
    db.close();
    const r = await runGcs(['flights', '--data-dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Zhang Wei');
    expect(r.stdout).toContain('30.0 min');
    expect(r.stdout).toContain('1 flights, 0.50 h');
  });
});
