// `gcs sim` options. Every value is checked here so the process fails with one clear line, not a
// stack trace from deep inside a socket.
import type { GeoPoint } from './geo';

export interface HostPort {
  host: string;
  port: number;
}

export interface SimOptions {
  vehicles: number;
  udp: HostPort | null;
  tcpListen: HostPort | null;
  home: GeoPoint;
  speedup: number;
  streamDefaultHz: number;
  /** Fly a patrol loop on their own until a GCS changes the mode (see demo.ts). */
  demo: boolean;
  help: boolean;
}

export const SIM_USAGE = `Usage: gcs sim [--vehicles N] [--udp host:port] [--tcp-listen [host:]port] [--home lat,lon,alt]
               [--speedup X] [--stream-default HZ] [--demo]

Simulated ArduCopter quadcopters speaking MAVLink 2 (system ids 1..N, component 1).
  --vehicles N         how many vehicles (1-100, default 1)
  --udp host:port      send to a GCS over UDP, one socket per vehicle (default 127.0.0.1:14550)
  --tcp-listen port    accept GCS connections over TCP (host defaults to 127.0.0.1; port 0 picks a
                       free port, printed at start); every client gets every vehicle. Without
                       --udp, TCP only.
  --home lat,lon,alt   start point, alt in m above mean sea level (default 46.0726,122.0933,280)
  --speedup X          run simulated time X times faster (0.1-100, default 1)
  --stream-default HZ  stream all telemetry at HZ until a GCS requests its own rates (default 4;
                       0 = silent until asked, like ArduPilot with SRn_* at 0)
  --demo               each drone takes off and flies a patrol loop around home on its own, returns
                       at 25 % battery; it hands over as soon as a GCS changes its flight mode
`;

export class SimArgError extends Error {}

export const DEFAULT_HOME: GeoPoint = { lat: 46.0726, lon: 122.0933, altMslM: 280 };

/** Port 0 (any free port) only makes sense for listening; the chosen port is printed at start. */
function parsePort(text: string, what: string, allowZero: boolean): number {
  const port = Number(text);
  const min = allowZero ? 0 : 1;
  if (!/^\d+$/.test(text) || port < min || port > 65535) throw new SimArgError(`${what}: "${text}" is not a port number (${min}-65535)`);
  return port;
}

export function parseHostPort(text: string, what: string, defaultHost?: string): HostPort {
  const allowZero = defaultHost !== undefined; // only listening addresses have a default host
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(text);
  if (m) {
    const host = m[1] ?? m[2];
    if (!host) throw new SimArgError(`${what}: "${text}" has no host (expected host:port)`);
    return { host, port: parsePort(m[3], what, allowZero) };
  }
  if (defaultHost && /^\d+$/.test(text)) return { host: defaultHost, port: parsePort(text, what, allowZero) };
  throw new SimArgError(`${what}: "${text}" is not host:port`);
}

function parseNumber(text: string, what: string, min: number, max: number, integer = false): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new SimArgError(`${what}: "${text}" must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
  }
  return n;
}

function parseHome(text: string): GeoPoint {
  const parts = text.split(',');
  if (parts.length < 2 || parts.length > 3) throw new SimArgError(`--home: "${text}" is not lat,lon[,alt]`);
  return {
    lat: parseNumber(parts[0], '--home latitude', -89, 89),
    lon: parseNumber(parts[1], '--home longitude', -180, 180),
    altMslM: parts[2] === undefined ? DEFAULT_HOME.altMslM : parseNumber(parts[2], '--home altitude', -500, 9000),
  };
}

export function parseSimArgs(argv: readonly string[]): SimOptions {
  const opts: SimOptions = { vehicles: 1, udp: null, tcpListen: null, home: DEFAULT_HOME, speedup: 1, streamDefaultHz: 4, demo: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      opts.help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new SimArgError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--vehicles':
        opts.vehicles = parseNumber(takeValue(), '--vehicles', 1, 100, true);
        break;
      case '--udp':
        opts.udp = parseHostPort(takeValue(), '--udp');
        break;
      case '--tcp-listen':
        opts.tcpListen = parseHostPort(takeValue(), '--tcp-listen', '127.0.0.1');
        break;
      case '--home':
        opts.home = parseHome(takeValue());
        break;
      case '--demo':
        opts.demo = true;
        break;
      case '--speedup':
        opts.speedup = parseNumber(takeValue(), '--speedup', 0.1, 100);
        break;
      case '--stream-default':
        opts.streamDefaultHz = parseNumber(takeValue(), '--stream-default', 0, 50);
        break;
      default:
        throw new SimArgError(`unknown option "${arg}" (see gcs sim --help)`);
    }
  }
  if (!opts.udp && !opts.tcpListen) opts.udp = { host: '127.0.0.1', port: 14550 };
  return opts;
}
