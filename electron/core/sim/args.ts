// `gcs sim` options. Every value is checked here so the process fails with one clear line, not a
// stack trace from deep inside a socket.
import type { GeoPoint } from './geo';
import { NO_FAULTS, type FaultOptions } from './link-faults';
import { parseSigningKeyHex } from './signing';

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
  /** Items each vehicle can store per list: mission, fence, rally (more: MAV_MISSION_NO_SPACE). */
  capacity: { mission: number; fence: number; rally: number };
  /** Faults on every vehicle's link, both directions (see link-faults.ts). */
  faults: FaultOptions;
  /** Seed of the fault PRNG: the same seed gives the same faults. */
  seed: number;
  /** A simulated police helicopter (ADSB_VEHICLE on the drones' links; SBS-1 on sbsPort if set). */
  helicopter: boolean;
  /** Height the helicopter flies above home, m. */
  helicopterAltM: number;
  /** SBS-1 (BaseStation) feed port on 127.0.0.1 (0 = any free port, printed at start). */
  sbsPort: number | null;
  /** Ask the GCS for terrain like ArduPilot (TERRAIN_REQUEST), grid spacing in metres; absent: off. */
  terrainSpacingM?: number;
  help: boolean;
  /** MAVLink 2 signing key of every vehicle (--signing-key HEX); absent: unsigned until SETUP_SIGNING. */
  signingKey?: Uint8Array;
  /** Vehicle 1 reboots this many real seconds after start (--reboot-after S). */
  rebootAfterS?: number;
  /** Vehicle 1 comes back as another system id after some real seconds (--change-sysid-after S:N). */
  changeSysid?: { afterS: number; sysid: number };
}

/**
 * About what a small ArduPilot board holds (its mission space depends on the board's storage); 100
 * fence vertices and 20 rally points are typical limits too. Small enough that NO_SPACE is testable.
 */
export const DEFAULT_CAPACITY = { mission: 724, fence: 100, rally: 20 } as const;
const MAX_CAPACITY = 65535; // MISSION_COUNT is a uint16

export const SIM_USAGE = `Usage: gcs sim [--vehicles N] [--udp host:port] [--tcp-listen [host:]port] [--home lat,lon,alt]
               [--speedup X] [--stream-default HZ] [--demo]
               [--mission-capacity N] [--fence-capacity N] [--rally-capacity N]
               [--loss P] [--dup P] [--reorder P] [--corrupt P] [--delay MS] [--jitter MS] [--seed N]
               [--signing-key HEX] [--reboot-after S] [--change-sysid-after S:N]
               [--helicopter] [--helicopter-alt M] [--sbs-port P]
               [--terrain] [--terrain-spacing M]

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
  --mission-capacity N mission items each vehicle can store, home included (default 724); a longer
                       upload is refused with MAV_MISSION_NO_SPACE. --fence-capacity (default 100)
                       and --rally-capacity (default 20) do the same for fence vertices and rally points
  --terrain            ask the GCS for terrain under the vehicle like ArduPilot (TERRAIN_REQUEST, once a
                       second, TERRAIN_REPORT with progress; a STATUSTEXT when the block is loaded)
  --terrain-spacing M  terrain grid spacing in metres (5-1000, default 100 like TERRAIN_SPACING)
Link faults, on every vehicle's link in both directions, to reproduce a bad radio:
  --loss P             drop a frame with probability P (0-1)
  --dup P              deliver a frame twice with probability P
  --reorder P          hold a frame back and send it after the next one, with probability P
  --corrupt P          flip a random byte of a frame with probability P
  --delay MS           add MS milliseconds of latency (0-10000); --jitter MS adds 0..MS more
  --seed N             seed of the fault generator (default 1): the same seed, the same faults
Security:
  --signing-key HEX    MAVLink 2 signing with this 32-byte key (64 hex digits): frames sent are signed,
                       frames received must be signed with it (as ArduPilot with a key). Without it a
                       vehicle takes a key from SETUP_SIGNING.
Vehicle faults (vehicle 1, real seconds after start):
  --reboot-after S     reboots (uptime back to 0, disarmed, STABILIZE), as after a brown-out
  --change-sysid-after S:N  comes back as system id N (1-254), as after SYSID_THISMAV was changed
Manned traffic:
  --helicopter         a police helicopter (ICAO 780A1B, POLICE1) flies a loop over home at 40 m/s,
                       reported as ADSB_VEHICLE on every drone's link
  --helicopter-alt M   its height above home (default 90 m)
  --sbs-port P         also report it on an SBS-1 (BaseStation, like dump1090's 30003) TCP feed on
                       127.0.0.1:P (0 = any free port, printed at start); implies --helicopter
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
  const opts: SimOptions = {
    vehicles: 1, udp: null, tcpListen: null, home: DEFAULT_HOME, speedup: 1, streamDefaultHz: 4, demo: false,
    capacity: { ...DEFAULT_CAPACITY }, faults: { ...NO_FAULTS }, seed: 1,
    helicopter: false, helicopterAltM: 90, sbsPort: null, help: false,
  };
  const probability = (what: string, text: string) => parseNumber(text, what, 0, 1);
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
      case '--mission-capacity':
        // Item 0 is home, so a mission needs room for at least one item more.
        opts.capacity.mission = parseNumber(takeValue(), '--mission-capacity', 2, MAX_CAPACITY, true);
        break;
      case '--fence-capacity':
        opts.capacity.fence = parseNumber(takeValue(), '--fence-capacity', 0, MAX_CAPACITY, true);
        break;
      case '--rally-capacity':
        opts.capacity.rally = parseNumber(takeValue(), '--rally-capacity', 0, MAX_CAPACITY, true);
        break;
      case '--loss':
        opts.faults.loss = probability('--loss', takeValue());
        break;
      case '--dup':
        opts.faults.dup = probability('--dup', takeValue());
        break;
      case '--reorder':
        opts.faults.reorder = probability('--reorder', takeValue());
        break;
      case '--corrupt':
        opts.faults.corrupt = probability('--corrupt', takeValue());
        break;
      case '--delay':
        opts.faults.delayMs = parseNumber(takeValue(), '--delay', 0, 10_000);
        break;
      case '--jitter':
        opts.faults.jitterMs = parseNumber(takeValue(), '--jitter', 0, 10_000);
        break;
      case '--seed':
        opts.seed = parseNumber(takeValue(), '--seed', 0, 2 ** 32 - 1, true);
        break;
      case '--reboot-after':
        opts.rebootAfterS = parseNumber(takeValue(), '--reboot-after', 0, 86_400);
        break;
      case '--change-sysid-after': {
        const v = takeValue();
        const m = /^(\d+(?:\.\d+)?):(\d{1,3})$/.exec(v);
        if (!m || Number(m[2]) < 1 || Number(m[2]) > 254) throw new SimArgError(`--change-sysid-after needs S:N (seconds, new system id 1-254), got "${v}"`);
        opts.changeSysid = { afterS: Number(m[1]), sysid: Number(m[2]) };
        break;
      }
      case '--signing-key': {
        const key = parseSigningKeyHex(takeValue());
        if (!key) throw new SimArgError('--signing-key needs 64 hex digits (a 32-byte key)');
        opts.signingKey = key;
        break;
      }
      case '--helicopter':
        opts.helicopter = true;
        break;
      case '--helicopter-alt':
        opts.helicopterAltM = parseNumber(takeValue(), '--helicopter-alt', 0, 3000);
        break;
      case '--sbs-port':
        opts.sbsPort = parsePort(takeValue(), '--sbs-port', true);
        opts.helicopter = true;
        break;
      case '--terrain':
        opts.terrainSpacingM ??= 100;
        break;
      case '--terrain-spacing':
        opts.terrainSpacingM = parseNumber(takeValue(), '--terrain-spacing', 5, 1000, true);
        break;
      default:
        throw new SimArgError(`unknown option "${arg}" (see gcs sim --help)`);
    }
  }
  if (!opts.udp && !opts.tcpListen) opts.udp = { host: '127.0.0.1', port: 14550 };
  if (opts.faults.loss === 1) throw new SimArgError('--loss 1 would drop every frame: nothing could talk to the simulator');
  return opts;
}
