// `gcs monitor --link LINK [--json] [--duration S] [--sysid N] [--gcs-sysid N]`: live telemetry of
// every vehicle on one link, as JSON lines (for scripts and tests) or one readable line per vehicle
// per second. It behaves as a ground station on the link (HEARTBEAT, telemetry requests), so an
// ArduPilot that streams nothing until asked still shows up.
//
// Exit codes: 0 something was heard; 1 nothing was heard (said on stderr); 2 the command line or the
// link cannot work (bad link string, port in use, no such device) — one clear line, no stack trace.
import type { VehicleSnapshot } from '../../../shared/contract/types';
import { GCS_SYSID } from '../mavlink';
import type { Vehicle } from '../vehicle';
import { openLinkSession } from './vehicle-session';

export const MONITOR_USAGE = `Usage: gcs monitor --link LINK [--json] [--duration S] [--sysid N] [--gcs-sysid N]

  --link LINK      udp:0.0.0.0:14550 | udpout:host:port | tcp:host:port | serial:/dev/ttyUSB0:57600
  --json           one JSON object per line per vehicle update (at most ${1000 / 250} a second per vehicle)
  --duration S     stop after S seconds (default: until Ctrl-C)
  --sysid N        show only the vehicle with system id N
  --gcs-sysid N    our own MAVLink system id (default ${GCS_SYSID})
`;

const JSON_INTERVAL_MS = 250;
const TEXT_INTERVAL_MS = 1000;

interface MonitorArgs {
  link: string;
  json: boolean;
  durationS: number | null;
  sysid: number | undefined;
  gcsSysid: number;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): MonitorArgs | 'help' {
  const out: MonitorArgs = { link: '', json: false, durationS: null, sysid: undefined, gcsSysid: GCS_SYSID };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0 && arg.startsWith('--')) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
      return v;
    };
    const int = (v: string, min: number, max: number): number => {
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < min || n > max) throw new UsageError(`${name}: "${v}" must be a whole number from ${min} to ${max}`);
      return n;
    };
    switch (name) {
      case '--help':
      case '-h':
        return 'help';
      case '--link':
        out.link = value();
        break;
      case '--json':
        out.json = true;
        break;
      case '--duration': {
        const v = value();
        const n = Number(v);
        if (v.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 7 * 24 * 3600) throw new UsageError(`--duration: "${v}" must be a number of seconds above 0`);
        out.durationS = n;
        break;
      }
      case '--sysid':
        out.sysid = int(value(), 1, 255);
        break;
      case '--gcs-sysid':
        out.gcsSysid = int(value(), 1, 255);
        break;
      default:
        throw new UsageError(`unknown option "${arg}"`);
    }
  }
  if (!out.link) throw new UsageError('--link is required (for example --link udp:0.0.0.0:14550)');
  return out;
}

const round = (v: number | null, digits: number): number | null => (v === null || !Number.isFinite(v) ? null : Number(v.toFixed(digits)));

/** The JSON line for one vehicle: the snapshot's fields that matter on a console, units in the names. */
export function monitorRecord(s: VehicleSnapshot, t: number): Record<string, unknown> {
  return {
    t,
    sysid: s.sysid,
    compid: s.compid,
    autopilot: s.autopilot,
    type: s.type,
    mode: s.mode,
    armed: s.armed,
    lat: round(s.lat, 7),
    lon: round(s.lon, 7),
    altMslM: round(s.altMslM, 2),
    altRelM: round(s.altRelM, 2),
    headingDeg: round(s.headingDeg, 1),
    groundSpeedMps: round(s.groundSpeedMps, 2),
    airSpeedMps: round(s.airSpeedMps, 2),
    climbMps: round(s.climbMps, 2),
    rollDeg: round(s.rollDeg, 1),
    pitchDeg: round(s.pitchDeg, 1),
    batteryPct: s.batteryPct,
    batteryV: round(s.batteryV, 3),
    batteryA: round(s.batteryA, 2),
    gpsFix: s.gpsFix,
    satellites: s.satellites,
    hdop: s.hdop,
    home: s.home,
    missionCurrent: s.missionCurrent,
    linkQualityPct: s.linkQualityPct,
    linkLost: s.linkLost,
    lastStatusText: s.lastStatusText?.text ?? null,
  };
}

const FIX = ['no GPS', 'no fix', '2D', '3D', 'DGPS', 'RTK float', 'RTK fixed', 'static', 'PPP'];
const f = (v: number | null, digits: number, unit: string): string => (v === null || !Number.isFinite(v) ? '-' : `${v.toFixed(digits)}${unit}`);

export function monitorLine(s: VehicleSnapshot): string {
  const pos = s.lat === null || s.lon === null ? 'no position' : `${s.lat.toFixed(6)},${s.lon.toFixed(6)}`;
  const gps = s.gpsFix === null ? 'GPS -' : `GPS ${FIX[s.gpsFix] ?? s.gpsFix} ${s.satellites ?? '-'} sats`;
  return [
    `[${s.key}]`,
    s.linkLost ? 'LINK LOST' : null,
    `${s.autopilot} ${s.type}`,
    s.mode || '-',
    s.armed ? 'ARMED' : 'disarmed',
    pos,
    `alt ${f(s.altMslM, 1, ' m')} MSL / ${f(s.altRelM, 1, ' m')} rel`,
    `hdg ${f(s.headingDeg, 0, '°')}`,
    `gs ${f(s.groundSpeedMps, 1, ' m/s')}`,
    `climb ${f(s.climbMps, 1, ' m/s')}`,
    `batt ${f(s.batteryV, 2, ' V')} ${s.batteryPct === null ? '-' : `${s.batteryPct}%`}`,
    gps,
    `link ${s.linkQualityPct === null ? '-' : `${s.linkQualityPct}%`}`,
  ]
    .filter(Boolean)
    .join('  ');
}

export async function runMonitor(argv: string[]): Promise<number> {
  let args: MonitorArgs;
  try {
    const parsed = parseArgs(argv);
    if (parsed === 'help') {
      process.stdout.write(MONITOR_USAGE);
      return 0;
    }
    args = parsed;
  } catch (err) {
    process.stderr.write(`gcs monitor: ${err instanceof Error ? err.message : String(err)}\n\n${MONITOR_USAGE}`);
    return 2;
  }

  const session = await openLinkSession('monitor', { link: args.link, gcsSysid: args.gcsSysid, onlySysid: args.sysid });
  if (!session) return 2;
  session.links.onLinkState((info, state, error) => {
    if (state !== 'open' && state !== 'closed') process.stderr.write(`gcs monitor: ${info.spec} ${state}${error ? `: ${error.en}` : ''}\n`);
    else if (state === 'open') process.stderr.write(`gcs monitor: ${info.spec} open\n`);
  });
  session.fleet.listen({
    vehicleAdded: (v) => !args.json && process.stdout.write(`[${v.key}] new vehicle\n`),
    linkLost: (v) => !args.json && process.stdout.write(`[${v.key}] LINK LOST: no heartbeat for 3 s\n`),
    linkRecovered: (v) => !args.json && process.stdout.write(`[${v.key}] link back\n`),
    statusText: (v, st) => !args.json && process.stdout.write(`[${v.key}] ${st.text} (severity ${st.severity})\n`),
  });
  session.start();
  if (!args.json) process.stderr.write(`gcs monitor: listening on ${session.links.list()[0]?.spec ?? args.link}\n`);

  const print = (vehicles: Vehicle[]) => {
    const now = Date.now();
    for (const v of vehicles) {
      if (args.json) {
        if (!v.dirty) continue;
        v.dirty = false;
        process.stdout.write(`${JSON.stringify(monitorRecord(v.snap, now))}\n`);
      } else {
        process.stdout.write(`${monitorLine(v.snap)}\n`);
      }
    }
  };
  const timer = setInterval(() => print(session.fleet.all()), args.json ? JSON_INTERVAL_MS : TEXT_INTERVAL_MS);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      clearTimeout(durationTimer);
      resolve();
    };
    const durationTimer = args.durationS === null ? undefined : setTimeout(stop, args.durationS * 1000);
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // `gcs monitor | head` closing the pipe is a normal way to stop.
    process.stdout.on('error', stop);
  });
  clearInterval(timer);
  const framesOk = session.links.list().reduce((n, l) => n + l.stats.framesOk, 0);
  const vehicles = session.fleet.size;
  await session.close();
  if (vehicles > 0) return 0;
  const spent = args.durationS === null ? '' : ` in ${args.durationS} s`;
  process.stderr.write(
    framesOk > 0
      ? `gcs monitor: heard ${framesOk} MAVLink frames on ${args.link}${spent} but no autopilot heartbeat (only ground stations or other components?)\n`
      : `gcs monitor: nothing heard on ${args.link}${spent}. Check that the vehicle or simulator sends to this address and port.\n`,
  );
  return 1;
}
