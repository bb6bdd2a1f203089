// What every `gcs` command that talks to a vehicle does first: open the link as a ground station
// (HEARTBEAT, telemetry requests), wait for an autopilot's heartbeat, pick the vehicle (--sysid, or
// the only one heard), and hand back the session with the plan/command operations bound to it.
// `gcs monitor` shares the link-opening half.
import type { MissionProgressEvent } from '../../../shared/contract/types';
import { GCS_SYSID } from '../mavlink';
import { systemClock } from '../protocol/port';
import { LiveSession } from '../station-parts/live-session';
import { VehicleOperations } from '../station-parts/vehicle-operations';
import type { Vehicle } from '../vehicle';
import type { ProtocolTimings } from '../vehicle-protocol';
import { errorText, UsageError, type OptionKind } from './options';

export const LINK_HELP = 'udp:0.0.0.0:14550 | udpout:host:port | tcp:host:port | serial:/dev/ttyUSB0:57600';

export interface VehicleArgs {
  link: string;
  sysid?: number;
  gcsSysid?: number;
  waitS?: number;
  ackTimeoutMs?: number;
}

/** The common options out of parsed values; --link is required. */
export function vehicleArgs(values: Record<string, string | number | boolean | undefined>): VehicleArgs {
  const link = values['--link'];
  if (typeof link !== 'string') throw new UsageError(`--link is required (for example --link udp:0.0.0.0:14550)`);
  return {
    link,
    sysid: values['--sysid'] as number | undefined,
    gcsSysid: values['--gcs-sysid'] as number | undefined,
    waitS: values['--wait'] as number | undefined,
    ackTimeoutMs: values['--ack-timeout'] as number | undefined,
  };
}

/** Options every vehicle command takes. */
export const VEHICLE_OPTIONS: Record<string, OptionKind> = {
  '--link': 'string',
  '--sysid': { int: [1, 255] },
  '--gcs-sysid': { int: [1, 255] },
  '--wait': { number: [0.1, 600] },
  '--ack-timeout': { int: [50, 60_000] },
};

export const VEHICLE_OPTIONS_HELP = `  --link LINK         ${LINK_HELP}
  --sysid N           the vehicle's system id (needed when several vehicles share the link)
  --gcs-sysid N       our own MAVLink system id (default ${GCS_SYSID})
  --wait S            seconds to wait for the vehicle's heartbeat (default 10)
  --ack-timeout MS    mission-protocol wait before a re-send (default 1500, QGC's); lower on fast links
`;

/** Open a link as a ground station, or say why not on stderr and return null (exit 2: the link cannot work). */
export async function openLinkSession(command: string, opts: { link: string; gcsSysid: number; onlySysid?: number; passive?: boolean }): Promise<LiveSession | null> {
  const session = new LiveSession({ sysid: opts.gcsSysid, clock: systemClock, onlySysid: opts.onlySysid, passive: opts.passive });
  try {
    await session.links.open(opts.link);
  } catch (err) {
    await session.close();
    process.stderr.write(`gcs ${command}: ${errorText(err)}\n`);
    return null;
  }
  return session;
}

export interface VehicleSession {
  session: LiveSession;
  ops: VehicleOperations;
  vehicle: Vehicle;
  close(): Promise<void>;
}

/** After the first vehicle is heard, listen this long for others (heartbeats are 1 Hz) before picking. */
const OTHERS_GRACE_MS = 1300;

/**
 * Open, wait, pick. On failure, says why on stderr and returns the exit code: 2 for a link that
 * cannot open or several vehicles without --sysid, 1 for no (matching) vehicle heard in time.
 */
export async function openVehicleSession(
  command: string,
  opts: { link: string; sysid?: number; gcsSysid?: number; waitS?: number; ackTimeoutMs?: number; onProgress?: (e: MissionProgressEvent) => void },
): Promise<VehicleSession | number> {
  const session = await openLinkSession(command, { link: opts.link, gcsSysid: opts.gcsSysid ?? GCS_SYSID });
  if (!session) return 2;
  session.start();
  const timings: ProtocolTimings | undefined = opts.ackTimeoutMs
    ? { mission: { ackTimeoutMs: opts.ackTimeoutMs, itemTimeoutMs: Math.max(20, Math.min(250, Math.round(opts.ackTimeoutMs / 6))) } }
    : undefined;
  const ops = new VehicleOperations({ session, clock: systemClock, timings, onProgress: opts.onProgress });
  const close = async () => {
    ops.close();
    await session.close();
  };
  const waitMs = (opts.waitS ?? 10) * 1000;
  const picked = await pickVehicle(session, opts.sysid, waitMs);
  if (typeof picked === 'string') {
    await close();
    process.stderr.write(`gcs ${command}: ${picked.slice(2)}\n`);
    return picked.startsWith('2') ? 2 : 1;
  }
  return { session, ops, vehicle: picked, close };
}

/** The vehicle, or an error line prefixed with its exit code ("1:" / "2:"). */
async function pickVehicle(session: LiveSession, sysid: number | undefined, waitMs: number): Promise<Vehicle | string> {
  const start = Date.now();
  let firstHeardMs: number | null = null;
  for (;;) {
    const all = session.fleet.all();
    if (sysid !== undefined) {
      const v = all.find((x) => x.sysid === sysid);
      if (v) return v;
    } else if (all.length > 0) {
      firstHeardMs ??= Date.now();
      if (Date.now() - firstHeardMs >= OTHERS_GRACE_MS || Date.now() - start >= waitMs) {
        if (all.length === 1) return all[0];
        const ids = [...new Set(all.map((v) => v.sysid))].sort((a, b) => a - b);
        if (ids.length === 1) return all.sort((a, b) => a.compid - b.compid)[0];
        return `2:several vehicles on ${session.links.list()[0]?.spec}: system ids ${ids.join(', ')}. Choose one with --sysid N.`;
      }
    }
    if (Date.now() - start >= waitMs) {
      const spec = session.links.list()[0]?.spec ?? 'the link';
      if (sysid !== undefined && all.length > 0) {
        return `1:no vehicle with system id ${sysid} heard on ${spec} in ${waitMs / 1000} s (heard: ${[...new Set(all.map((v) => v.sysid))].join(', ')}).`;
      }
      return `1:no vehicle heartbeat on ${spec} in ${waitMs / 1000} s. Check that the vehicle or simulator sends to this address and port.`;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
