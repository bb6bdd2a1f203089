// The replay area's commands: tlog info/export, replay a tlog to a ground station over UDP, record a
// link to a tlog, and list the flight library. Exit 2 for a bad command line or unreadable input (one
// line on stderr), 0 when done.
import { createSocket } from 'node:dgram';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContractError } from '../../../shared/contract/errors';
import { LinkManager } from '../links';
import { FlightLibrary } from '../recording/flight-library';
import { exportTrack, type ExportFormat } from '../recording/flight-export';
import { scanTlog } from '../recording/flight-scan';
import { readTlogFile } from '../recording/replay-session';
import { openStationDb } from '../recording/station-db';
import { frameBytes, indexTlog, recordAt } from '../recording/tlog-index';
import { summarizeTlog } from '../recording/tlog-summary';
import { TlogWriter } from '../recording/tlog-writer';
import { defaultServerDataDir } from '../station-parts/data-dir';
import { parseOptions, UsageError } from './options';

export const REPLAY_USAGE = `  gcs tlog info FILE [--json]                           duration, systems, messages, what was skipped
  gcs tlog export FILE --format kml|kmz|gpx|csv [--out F]  the flown track (CSV: telemetry at 1 Hz)
  gcs replay FILE --udp host:port [--speed N]           re-send a tlog, timed, as a live vehicle
  gcs record --link LINK --out FILE.tlog [--duration S] record a link to a tlog
  gcs flights [--data-dir DIR] [--pilot P] [--aircraft A] [--json]  the flight library
`;

function fail(err: unknown): number {
  const text = err instanceof ContractError ? err.userMessage.en : err instanceof Error ? err.message : String(err);
  process.stderr.write(`gcs: ${text}\n`);
  return 2;
}

function oneFile(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`${what} needs exactly one FILE`);
  return positionals[0]!;
}

export async function tlogCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    if (sub === 'info') {
      const o = parseOptions(rest, { '--json': 'flag' });
      if (o === 'help') return help();
      const index = indexTlog(readTlogFile(oneFile(o.positionals, 'tlog info')));
      const s = summarizeTlog(index);
      if (o.values['--json']) {
        process.stdout.write(`${JSON.stringify(s)}\n`);
        return 0;
      }
      const st = s.stats;
      const when = (us: number) => (us > 946684800e6 ? new Date(us / 1000).toISOString() : `${(us / 1e6).toFixed(3)} s`);
      process.stdout.write(
        [
          `frames      ${st.frames} (MAVLink 1: ${st.framesV1}, MAVLink 2: ${st.framesV2})`,
          `start       ${when(s.startUs)}`,
          `end         ${when(s.endUs)}`,
          `duration    ${s.durationS.toFixed(1)} s`,
          `systems     ${s.systems.map((x) => `${x.sysid}:${x.compid} (${x.frames})`).join(', ')}`,
          `skipped     ${st.crcErrors} bad CRC, ${st.unknownIds} unknown messages, ${st.bytesSkipped} bytes (${st.truncatedBytes} cut off at the end, ${st.zeroPaddingBytes} zero padding)`,
          `timestamps  ${st.timestampsOutOfOrder} out of order, ${st.timestampsLittleEndian} little-endian`,
          'messages',
          ...s.messages.map((m) => `  ${m.name.padEnd(32)} ${m.count}`),
        ].join('\n') + '\n',
      );
      return 0;
    }
    if (sub === 'export') {
      const o = parseOptions(rest, { '--format': 'string', '--out': 'string' });
      if (o === 'help') return help();
      const file = oneFile(o.positionals, 'tlog export');
      const format = o.values['--format'];
      if (format !== 'kml' && format !== 'kmz' && format !== 'gpx' && format !== 'csv') throw new UsageError('--format must be kml, kmz, gpx or csv');
      const scan = scanTlog(indexTlog(readTlogFile(file)));
      const vehicles = [...scan.vehicles.values()].filter((v) => v.track.length > 0);
      const out = (o.values['--out'] as string | undefined) ?? file.replace(/\.tlog$/i, '') + `.${format}`;
      writeFileSync(out, exportTrack(format as ExportFormat, file.split(/[\\/]/).pop()!, vehicles));
      process.stdout.write(`${out}: ${vehicles.reduce((n, v) => n + v.track.length, 0)} points, ${vehicles.length} vehicle(s)\n`);
      return 0;
    }
    throw new UsageError(`tlog needs "info" or "export"`);
  } catch (err) {
    return fail(err);
  }
}

function help(): number {
  process.stdout.write(REPLAY_USAGE);
  return 0;
}

export async function replayCommand(argv: string[]): Promise<number> {
  let host: string;
  let port: number;
  let speed: number;
  let file: string;
  try {
    const o = parseOptions(argv, { '--udp': 'string', '--speed': { number: [0.1, 100] } });
    if (o === 'help') return help();
    file = oneFile(o.positionals, 'replay');
    const m = /^(.+):(\d{1,5})$/.exec(String(o.values['--udp'] ?? ''));
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) throw new UsageError('--udp host:port is needed, e.g. --udp 127.0.0.1:14550');
    host = m[1]!;
    port = Number(m[2]);
    speed = (o.values['--speed'] as number | undefined) ?? 1;
  } catch (err) {
    return fail(err);
  }
  let index;
  try {
    index = indexTlog(readTlogFile(file));
  } catch (err) {
    return fail(err);
  }
  if (index.count === 0) return fail(new Error(`${file} holds no MAVLink frames we can read`));
  const sock = createSocket(host.includes(':') ? 'udp6' : 'udp4');
  const wall0 = performance.now();
  const log0 = index.timeUs[0]!;
  let k = 0;
  await new Promise<void>((resolve) => {
    const pump = () => {
      const dueUs = log0 + (performance.now() - wall0) * 1000 * speed;
      const until = Math.max(recordAt(index, dueUs + 1), k);
      for (; k < until; k++) sock.send(frameBytes(index, k), port, host);
      if (k >= index.count) resolve();
      else setTimeout(pump, 10);
    };
    pump();
  });
  await new Promise<void>((r) => sock.close(() => r()));
  process.stdout.write(`sent ${index.count} frames (${((index.endUs - index.startUs) / 1e6).toFixed(1)} s of log at ${speed}x) to ${host}:${port}\n`);
  return 0;
}

export async function recordCommand(argv: string[]): Promise<number> {
  const links = new LinkManager();
  let writer: TlogWriter | null = null;
  try {
    const o = parseOptions(argv, { '--link': 'string', '--out': 'string', '--duration': { number: [0.1, 7 * 86400] } });
    if (o === 'help') return help();
    const out = o.values['--out'] as string | undefined;
    if (!o.values['--link'] || !out) throw new UsageError('record needs --link LINK and --out FILE.tlog');
    if (existsSync(out)) throw new UsageError(`${out} exists; choose a new file`);
    await links.open(String(o.values['--link']));
    const w = new TlogWriter(out);
    writer = w;
    links.onRawFrame((_id, raw) => w.write(raw));
    const durationS = o.values['--duration'] as number | undefined;
    await new Promise<void>((resolve) => {
      if (durationS !== undefined) setTimeout(resolve, durationS * 1000);
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    w.close();
    await links.closeAll();
    process.stdout.write(`${out}: ${w.frames} frames, ${w.bytesWritten} bytes\n`);
    return 0;
  } catch (err) {
    writer?.close();
    await links.closeAll().catch(() => undefined);
    return fail(err);
  }
}

export async function flightsCommand(argv: string[]): Promise<number> {
  try {
    const o = parseOptions(argv, { '--data-dir': 'string', '--pilot': 'string', '--aircraft': 'string', '--json': 'flag' });
    if (o === 'help') return help();
    const dir = (o.values['--data-dir'] as string | undefined) ?? defaultServerDataDir();
    const file = join(dir, 'station.sqlite');
    if (!existsSync(file)) throw new UsageError(`no station database in ${dir}`);
    const db = openStationDb(file);
    try {
      const library = new FlightLibrary(db);
      const filter = { pilot: o.values['--pilot'] as string | undefined, aircraft: o.values['--aircraft'] as string | undefined };
      const flights = library.search(filter);
      if (o.values['--json']) {
        for (const f of flights) process.stdout.write(`${JSON.stringify(f)}\n`);
        return 0;
      }
      for (const f of flights) {
        const dur = f.durationS === null ? 'open' : `${(f.durationS / 60).toFixed(1)} min`;
        process.stdout.write(
          `${new Date(f.startMs).toISOString()}  ${(f.registration ?? f.vehicleKey).padEnd(10)} ${(f.pilot ?? '-').padEnd(16)} ${dur.padStart(10)}  ${(f.distanceM / 1000).toFixed(2)} km  ${f.status}  ${f.id}\n`,
        );
      }
      const book = library.logbook(filter);
      process.stdout.write(`${book.total.flights} flights, ${book.total.hours.toFixed(2)} h\n`);
      return 0;
    } finally {
      db.close();
    }
  } catch (err) {
    return fail(err);
  }
}
