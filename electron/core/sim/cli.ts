// `gcs sim`: N simulated ArduCopters on UDP and/or TCP, in real time or sped up, until SIGINT/SIGTERM.
import { parseSimArgs, SimArgError, SIM_USAGE, type SimOptions } from './args';
import { DemoPilot } from './demo';
import { SimEndpoint } from './endpoint';
import type { Message } from '../mavlink';
import { systemClock } from '../protocol/port';
import { vehicleStart } from './fleet-layout';
import { describeFaults, hasFaults, LinkFaults } from './link-faults';
import { SimSigning } from './signing';
import { TcpTransport, UdpTransport, type InboundFilter } from './transport';
import { startHelicopter, type RunningHelicopter } from './helicopter-run';

const LOOP_INTERVAL_MS = 20; // 50 Hz, like ArduCopter's main loop rate for the GCS-visible parts
const MAX_SUBSTEP_S = 0.02;
const MAX_CATCHUP_S = 1; // after a stall (laptop asleep) skip ahead rather than replaying minutes at once

export interface RunningSim {
  endpoints: SimEndpoint[];
  /** The TCP port actually listened on (useful with --tcp-listen 0 in tests), or null. */
  tcpPort: number | null;
  description: string;
  close(): Promise<void>;
}

/** Open the sockets and start the clock. Throws SimArgError for problems the user can fix. */
export async function startSim(opts: SimOptions): Promise<RunningSim> {
  let udp: UdpTransport | null = null;
  let tcp: TcpTransport | null = null;
  // Delayed frames (--delay, --reorder) may still be due after close: they must not touch closed sockets.
  let closed = false;
  const endpoints: SimEndpoint[] = [];
  let heli: RunningHelicopter | null = null;
  // One fault generator per direction and socket, each on its own stream derived from --seed.
  let stream = 0;
  const faults = (): LinkFaults | null =>
    hasFaults(opts.faults) ? LinkFaults.seeded(opts.faults, (opts.seed + Math.imul(++stream, 0x9e3779b9)) >>> 0, globalThis) : null;
  const asFilter = (f: LinkFaults | null): InboundFilter | undefined => (f ? (bytes, push) => f.pass(bytes, push) : undefined);
  const capacity = { 0: opts.capacity.mission, 1: opts.capacity.fence, 2: opts.capacity.rally };
  // Signing per UDP socket (one vehicle each); TCP clients see every vehicle, so one shared state there.
  const signings = Array.from({ length: opts.vehicles }, (_, i) => new SimSigning(opts.signingKey ?? null, new Set([i + 1])));
  const tcpSigning = new SimSigning(opts.signingKey ?? null, new Set(signings.map((_, i) => i + 1)));
  const then = (first: InboundFilter | undefined, second: InboundFilter): InboundFilter =>
    first ? (bytes, push) => first(bytes, (b) => second(b, push)) : second;
  for (let i = 0; i < opts.vehicles; i++) {
    const out = faults();
    const transmit = (bytes: Uint8Array) => {
      if (closed) return;
      udp?.sendFrom(i, bytes);
      tcp?.send(bytes);
    };
    // Signed before the link faults, as a radio corrupts what the autopilot signed.
    // The same bytes go to UDP and TCP: signed with whichever side's key was set last (SETUP_SIGNING).
    const sign = (bytes: Uint8Array) => (signings[i].keyedOrder >= tcpSigning.keyedOrder ? signings[i] : tcpSigning).outbound(bytes);
    endpoints.push(
      new SimEndpoint({
        sysid: i + 1,
        start: vehicleStart(opts.home, i),
        streamDefaultHz: opts.streamDefaultHz,
        missionCapacity: capacity,
        terrainSpacingM: opts.terrainSpacingM,
        // A GCS gets its 8 s to answer an upload request in real seconds, at any speedup.
        linkClock: systemClock,
        send: out ? (bytes) => out.pass(sign(bytes), transmit) : (bytes) => transmit(sign(bytes)),
      }),
    );
  }
  try {
    const deliverToAll = (msg: Message) => {
      if (!closed) endpoints.forEach((ep) => ep.receive(msg));
    };
    if (opts.tcpListen) tcp = await TcpTransport.open(opts.tcpListen, deliverToAll, then(asFilter(faults()), tcpSigning.inbound));
    if (opts.udp) {
      const inbound = endpoints.map((_, i) => then(asFilter(faults()), signings[i].inbound));
      const sinks = endpoints.map((ep) => (msg: Message) => {
        if (!closed) ep.receive(msg);
      });
      udp = await UdpTransport.open(opts.udp, sinks, inbound);
    }
    if (opts.helicopter) heli = await startHelicopter(opts, endpoints);
  } catch (err) {
    closed = true;
    for (const ep of endpoints) ep.close();
    await tcp?.close();
    await udp?.close();
    throw err;
  }

  // Vehicle faults on the wall clock: they are about what the GCS sees, not about simulated time.
  const faultTimers: NodeJS.Timeout[] = [];
  const first = endpoints[0];
  if (opts.rebootAfterS !== undefined) faultTimers.push(setTimeout(() => first.reboot(), opts.rebootAfterS * 1000));
  if (opts.changeSysid) {
    const { afterS, sysid } = opts.changeSysid;
    faultTimers.push(setTimeout(() => first.changeSysid(sysid), afterS * 1000));
  }

  const demos = opts.demo ? endpoints.map((ep, i) => new DemoPilot(ep.vehicle, i, opts.home)) : [];

  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const simDtS = Math.min(MAX_CATCHUP_S, (now - last) / 1000) * opts.speedup;
    last = now;
    // Fixed-size substeps keep the physics and the stream cadence the same at any speedup.
    const steps = Math.max(1, Math.ceil(simDtS / MAX_SUBSTEP_S - 1e-9));
    for (let k = 0; k < steps; k++) {
      for (const demo of demos) demo.step(simDtS / steps);
      heli?.step(simDtS / steps);
      for (const ep of endpoints) ep.step(simDtS / steps);
    }
  }, LOOP_INTERVAL_MS);

  const where = [opts.udp && `udp ${opts.udp.host}:${opts.udp.port}`, tcp && `tcp listen ${opts.tcpListen!.host}:${tcp.port}`].filter(Boolean).join(' and ');
  const ids = opts.vehicles === 1 ? 'sysid 1' : `sysid 1-${opts.vehicles}`;
  const description =
    `gcs sim: ${opts.vehicles} simulated ArduCopter quad${opts.vehicles === 1 ? '' : 's'} (${ids}, compid 1) at ` +
    `${opts.home.lat},${opts.home.lon} ${opts.home.altMslM} m MSL, MAVLink 2 -> ${where}` +
    `${opts.speedup !== 1 ? `, speedup x${opts.speedup}` : ''}, default streams ${opts.streamDefaultHz} Hz` +
    `${opts.demo ? ', demo patrol flight' : ''}` +
    `, capacity mission ${opts.capacity.mission}/fence ${opts.capacity.fence}/rally ${opts.capacity.rally}` +
    `, link faults: ${describeFaults(opts.faults, opts.seed)}` +
    `${opts.signingKey ? ', MAVLink 2 signing on' : ''}` +
    (heli ? `; ${heli.description}` : '');

  return {
    endpoints,
    tcpPort: tcp?.port ?? null,
    description,
    async close() {
      closed = true;
      clearInterval(timer);
      for (const t of faultTimers) clearTimeout(t);
      await heli?.close();
      for (const ep of endpoints) ep.close();
      await tcp?.close();
      await udp?.close();
    },
  };
}

/** The `gcs sim` command. Bad arguments: one line on stderr and exit code 2. Signals: exit 0. */
export async function runSim(argv: string[]): Promise<void> {
  let sim: RunningSim;
  try {
    const opts = parseSimArgs(argv);
    if (opts.help) {
      process.stdout.write(SIM_USAGE);
      return;
    }
    sim = await startSim(opts);
  } catch (err) {
    if (err instanceof SimArgError) {
      process.stderr.write(`gcs sim: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  process.stdout.write(`${sim.description}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void sim.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.exitCode = 0;
}
