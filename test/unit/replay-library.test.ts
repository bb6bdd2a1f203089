// The flight library's queries on a real SQLite file: filters, logbook totals, registration.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlightLibrary } from '../../electron/core/recording/flight-library';
import { openStationDb } from '../../electron/core/recording/station-db';

const H = 3_600_000;
const DAY = 24 * H;
const T0 = Date.UTC(2026, 10, 1);

function library() {
  const db = openStationDb(join(mkdtempSync(join(tmpdir(), 'replay-lib-')), 'station.sqlite'));
  const lib = new FlightLibrary(db);
  const add = (id: string, key: string, pilot: string | null, startMs: number, hours: number, bbox: [number, number, number, number] | null) => {
    lib.create({ id, vehicleKey: key, pilot, startMs, tlogPath: `/x/${id}.tlog`, missionName: null });
    const b = bbox && { minLat: bbox[0], minLon: bbox[1], maxLat: bbox[2], maxLon: bbox[3] };
    lib.finish(id, { endMs: startMs + hours * H, maxAltRelM: 50, distanceM: 1000, bbox: b, noteCount: 0, alertCount: 0, sha256: 'x' }, 'closed');
  };
  return { db, lib, add };
}

describe('flight library', () => {
  it('filters by date, aircraft, pilot and place; totals per pilot and aircraft', () => {
    const { lib, add } = library();
    lib.setRegistration('1:1', 'B-7001');
    add('a', '1:1', 'Zhang Wei', T0, 1, [46.06, 122.08, 46.08, 122.1]);
    add('b', '1:1', 'Li Na', T0 + DAY, 0.5, [46.06, 122.08, 46.08, 122.1]);
    add('c', '2:1', 'Zhang Wei', T0 + 2 * DAY, 2, [39.9, 116.3, 40.0, 116.4]);
    add('d', '3:1', '100%_pilot', T0 + 3 * DAY, 0.25, null);
    expect(lib.search().map((f) => f.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(lib.search({ fromMs: T0 + DAY, toMs: T0 + 2 * DAY + H }).map((f) => f.id)).toEqual(['c', 'b']);
    expect(lib.search({ aircraft: 'B-70' }).map((f) => f.id)).toEqual(['b', 'a']);
    expect(lib.search({ aircraft: '2:1' }).map((f) => f.id)).toEqual(['c']);
    expect(lib.search({ pilot: 'zhang' }).map((f) => f.id)).toEqual(['c', 'a']);
    // LIKE wildcards in what a person typed are literal.
    expect(lib.search({ pilot: '%' }).map((f) => f.id)).toEqual(['d']);
    expect(lib.search({ pilot: '_' }).map((f) => f.id)).toEqual(['d']);
    expect(lib.search({ near: { lat: 46.07, lon: 122.09 } }).map((f) => f.id)).toEqual(['b', 'a']);
    expect(lib.search({ near: { lat: 39.95, lon: 116.35 } }).map((f) => f.id)).toEqual(['c']);
    const book = lib.logbook();
    expect(book.total).toEqual({ flights: 4, hours: 3.75 });
    expect(book.perPilot).toEqual([
      { name: 'Zhang Wei', flights: 2, hours: 3 },
      { name: 'Li Na', flights: 1, hours: 0.5 },
      { name: '100%_pilot', flights: 1, hours: 0.25 },
    ]);
    expect(book.perAircraft[0]).toEqual({ name: '2:1', flights: 1, hours: 2 });
    expect(book.perAircraft[1]).toEqual({ name: 'B-7001', flights: 2, hours: 1.5 });
    expect(lib.logbook({ pilot: 'Li' }).total).toEqual({ flights: 1, hours: 0.5 });
  });

  it('an open flight counts with no hours; details are corrected and cleared by hand', () => {
    const { lib } = library();
    lib.create({ id: 'o', vehicleKey: '1:1', pilot: null, startMs: T0, tlogPath: '/o.tlog', missionName: null });
    expect(lib.openFlights().map((f) => f.id)).toEqual(['o']);
    expect(lib.logbook().total).toEqual({ flights: 1, hours: 0 });
    lib.setPilotIfUnknown('o', 'Zhang Wei');
    lib.setPilotIfUnknown('o', 'Someone Else');
    expect(lib.get('o')!.pilot).toBe('Zhang Wei');
    lib.setRegistration('1:1', 'B-7002'); // reaches the open flight
    expect(lib.get('o')!.registration).toBe('B-7002');
    lib.setDetails('o', { missionName: 'Patrol east', registration: '' });
    expect(lib.get('o')).toMatchObject({ missionName: 'Patrol east', registration: null, status: 'open', endMs: null, durationS: null });
  });
});
