// `gcs serve [--port P] [--host H] [--lan]`: the station plus the server host, until Ctrl+C.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Station } from '../../shared/contract/api';
import type { Refusal } from '../core/security/audit-log';
import { defaultServerDataDir } from '../core/station-parts/data-dir';
import { tileRouteFor } from '../core/maps/tile-service';
import { flightStartFromEnv, type FlightStart } from '../core/recording/flight-tracker';
import { DEFAULT_PORT, isLoopbackHost, startServer } from './server';

export const TOKEN_MIN = 16;

export const SERVE_USAGE = `Usage: gcs serve [--port P] [--host 127.0.0.1] [--lan] [--data-dir DIR] [--token-file FILE] [--flight-start arm|link]
  --port P   TCP port (default ${DEFAULT_PORT}; 0 = any free port)
  --host H   interface to listen on (default 127.0.0.1)
  --lan      allow other computers (they connect as observers); listens on 0.0.0.0 unless --host is given
  --data-dir DIR  where flights, notes and map caches are kept (default ${defaultServerDataDir()})
  --token-file FILE  use the access token in FILE (owner-only, chmod 600; at least ${TOKEN_MIN} characters)
                 instead of a new one each start, so bookmarks survive a restart
  --flight-start arm|link  a flight in the library opens when the vehicle arms (default), or as soon as
                 its link is up (hover tests and ground runs recorded as flights too)
`;

export interface ServeArgs {
  port: number;
  host: string;
  allowLan: boolean;
  help: boolean;
  dataDir: string;
  /** A configured token (--token-file); absent: a new one per start. */
  token?: string;
  /** When a flight opens in the library: at arming, or when the vehicle's link comes up. */
  flightStart: FlightStart;
}

export type ParsedServeArgs = { ok: true; args: ServeArgs } | { ok: false; error: string };

export function parseServeArgs(argv: string[]): ParsedServeArgs {
  let port = DEFAULT_PORT;
  let host: string | null = null;
  let allowLan = false;
  let help = false;
  let dataDir = defaultServerDataDir();
  let token: string | undefined;
  let flightStart: FlightStart = flightStartFromEnv();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--port': {
        const v = value();
        if (v === undefined || !/^\d{1,5}$/.test(v) || Number(v) > 65535) return { ok: false, error: `--port needs a number from 0 to 65535, got "${v ?? ''}".` };
        port = Number(v);
        break;
      }
      case '--host': {
        const v = value();
        if (!v || v.length > 255 || /[\s/]/.test(v)) return { ok: false, error: `--host needs an interface address such as 127.0.0.1, got "${v ?? ''}".` };
        host = v;
        break;
      }
      case '--data-dir': {
        const v = value();
        if (!v || v.startsWith('--')) return { ok: false, error: '--data-dir needs a folder.' };
        dataDir = v;
        break;
      }
      case '--token-file': {
        const v = value();
        if (!v || v.startsWith('--')) return { ok: false, error: '--token-file needs a file.' };
        const read = readTokenFile(v);
        if (!read.ok) return read;
        token = read.token;
        break;
      }
      case '--flight-start': {
        const v = value();
        if (v !== 'arm' && v !== 'link') return { ok: false, error: `--flight-start is arm or link, got "${v ?? ''}".` };
        flightStart = v;
        break;
      }
      case '--lan':
        allowLan = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        return { ok: false, error: `Unknown option "${a}".` };
    }
  }
  const chosenHost = host ?? (allowLan ? '0.0.0.0' : '127.0.0.1');
  if (!allowLan && !isLoopbackHost(chosenHost)) {
    return { ok: false, error: `--host ${chosenHost} would expose the station to the network; add --lan if that is intended.` };
  }
  return { ok: true, args: { port, host: chosenHost, allowLan, help, dataDir, flightStart, ...(token !== undefined ? { token } : {}) } };
}


/** A configured token is a password: readable by its owner only, long, and printable (it goes in a URL). */
export function readTokenFile(path: string): { ok: true; token: string } | { ok: false; error: string } {
  let text: string;
  try {
    const mode = statSync(path).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      return { ok: false, error: `--token-file ${path} can be read by other users (mode ${mode.toString(8)}); run chmod 600 ${path}.` };
    }
    text = readFileSync(path, 'utf8').trim();
  } catch (e) {
    return { ok: false, error: `--token-file ${path} cannot be read: ${(e as NodeJS.ErrnoException).code ?? String(e)}.` };
  }
  if (text.length < TOKEN_MIN || text.length > 256 || !/^[A-Za-z0-9._~-]+$/.test(text)) {
    return { ok: false, error: `--token-file ${path} must hold one token of ${TOKEN_MIN}-256 letters, digits or . _ ~ -.` };
  }
  return { ok: true, token: text };
}

export function defaultStaticDir(): string {
  return fileURLToPath(new URL('../../dist/renderer', import.meta.url));
}

export interface ServeDeps {
  createStation: (dataDir: string, opts: { flightStart: FlightStart }) => Station & { start(): Promise<void>; close(): Promise<void> };
  staticDir?: string;
  /** Resolves when the service should stop (default: SIGINT or SIGTERM). */
  untilShutdown?: () => Promise<void>;
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** Every refusal (wrong token, foreign origin, forbidden call), for the audit log. */
  onRefusal?: (r: Refusal) => void;
}

/** Runs the service; resolves with the process exit code. */
export async function serve(argv: string[], deps: ServeDeps): Promise<number> {
  const out = deps.out ?? ((l: string) => process.stdout.write(l + '\n'));
  const err = deps.err ?? ((l: string) => process.stderr.write(l + '\n'));
  const parsed = parseServeArgs(argv);
  if (!parsed.ok) {
    err(`gcs serve: ${parsed.error}\n\n${SERVE_USAGE}`);
    return 2;
  }
  const { args } = parsed;
  if (args.help) {
    out(SERVE_USAGE);
    return 0;
  }
  const staticDir = deps.staticDir ?? defaultStaticDir();
  if (!existsSync(join(staticDir, 'index.html'))) {
    err(`gcs serve: the user interface is not built (${join(staticDir, 'index.html')} is missing). Run \`npm run build:renderer\` first.`);
    return 1;
  }

  const station = deps.createStation(parsed.args.dataDir, { flightStart: parsed.args.flightStart });
  try {
    await station.start();
  } catch (e) {
    err(`gcs serve: the ground station could not start: ${e instanceof Error ? e.message : String(e)}`);
    await station.close().catch(() => undefined);
    return 1;
  }

  let server;
  try {
    server = await startServer({ station, host: args.host, port: args.port, staticDir, allowLan: args.allowLan, token: args.token, onRefusal: deps.onRefusal, tiles: tileRouteFor(args.dataDir) });
  } catch (e) {
    await station.close().catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      err(`gcs serve: port ${args.port} on ${args.host} is already in use (is Police GCS already running?). Stop the other program or choose another port with --port.`);
      return 2;
    }
    if (code === 'EADDRNOTAVAIL') {
      err(`gcs serve: ${args.host} is not an address of this computer. Choose another --host.`);
      return 2;
    }
    if (code === 'EACCES') {
      err(`gcs serve: not allowed to listen on port ${args.port}. Choose a port above 1023 with --port.`);
      return 2;
    }
    err(`gcs serve: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }

  out(`Police GCS is running. Open this address in a browser: ${server.url}`);
  out(`警用无人机地面站已启动。请在浏览器中打开：${server.url}`);
  if (args.allowLan) {
    const others = lanAddresses().map((a) => `http://${a}:${server.port}/?token=${server.token}`);
    out(`Other computers on the network may connect as observers (watch only)${others.length ? ':' : '.'}`);
    for (const u of others) out(`  ${u}`);
  } else {
    out('It serves this computer only (loopback). Use --lan to let commanders watch from other computers.');
  }
  out('The address carries an access token: share it only with people who may see the flights. Press Ctrl+C to stop.');

  await (deps.untilShutdown ?? untilSignal)();
  out('Stopping Police GCS...');
  await server.close();
  await station.close().catch((e: unknown) => err(`gcs serve: while closing the station: ${e instanceof Error ? e.message : String(e)}`));
  return 0;
}

function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) {
      if (!info.internal && info.family === 'IPv4') out.push(info.address);
    }
  }
  return out;
}

/** First SIGINT/SIGTERM stops cleanly; a second one means "now", for a close that hangs. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = () => {
      if (stopping) process.exit(130);
      stopping = true;
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** The `gcs serve` command over the real GroundStation. */
export async function runServe(argv: string[]): Promise<void> {
  const { GroundStation } = await import('../core/station');
  let station: InstanceType<typeof GroundStation> | null = null;
  const code = await serve(argv, {
    createStation: (dataDir, opts) => (station = new GroundStation({ host: 'server', dataDir, replay: { startOn: opts.flightStart } })),
    onRefusal: (r) => {
      try {
        station?.recordRefusal(r);
      } catch (e) {
        process.emitWarning(`audit log: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  });
  // `gcs` turns a normal return into exit code 0, so other codes must end the process here.
  if (code !== 0) process.exit(code);
}
