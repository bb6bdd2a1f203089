// GroundStation: the facade that implements the contract (shared/contract/api.ts) over the live
// session (links + vehicles), the simulator child process and the event publishers. It knows no
// host: the Electron host and the server host both construct one and attach connections to it.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Caller, CheckedParams, EventListener, Station } from '../../shared/contract/api';
import { ContractError, msg } from '../../shared/contract/errors';
import type { HelloInfo, HostKind, LinkInfo, PlanUploadResult, SerialPortInfo, SimulatorInfo, StatusTextEvent, VehicleCommandResult, VehicleSnapshot } from '../../shared/contract/types';
import type { Plan } from '../../shared/plan';
import { GCS_SYSID } from './mavlink';
import { linkError, listSerialPorts } from './links';
import { systemClock, type Clock } from './protocol/port';
import { openStationDb, type StationDb } from './recording/station-db';
import { AuditLog, type Refusal } from './security/audit-log';
import { scratchDataDir } from './station-parts/data-dir';
import { EventHub } from './station-parts/event-hub';
import { LiveSession } from './station-parts/live-session';
import { Publishers } from './station-parts/publishers';
import { appVersion } from './station-parts/repo-root';
import { spawnSimulator, type SimulatorChild } from './station-parts/simulator-process';
import { VehicleOperations } from './station-parts/vehicle-operations';
import type { ProtocolTimings } from './vehicle-protocol';
import type { AreaContext, StationArea } from './station-parts/area';
import { createPlanArea } from './station-parts/areas/plan';
import { createOpsArea, type OpsArea } from './station-parts/areas/ops';
import { createReplayArea, type ReplayArea, type ReplayAreaOptions } from './station-parts/areas/replay';
import { createMapsArea } from './station-parts/areas/maps';
import { createSecurityArea } from './station-parts/areas/security';
import type { Method, StationApi } from '../../shared/contract/api';

export interface GroundStationOptions {
  host: HostKind;
  /** Our MAVLink system id (default 255, what ground stations use). */
  sysid?: number;
  clock?: Clock;
  /** Replaces `node --import tsx electron/core/sim/main.ts`; `--udp 127.0.0.1:P --vehicles N` are appended. */
  simulatorCommand?: string[];
  /** Where the database, recordings and caches live (Electron: its user-data folder; server: --data-dir). Default: a fresh temporary folder. */
  dataDir?: string;
  /** Mission/command retry timing (default: QGC's). Tests on fast links shorten it. */
  protocolTimings?: ProtocolTimings;
  /** Seals signing keys at rest: the Electron host passes safeStorage; default a 0600 key file in dataDir. */
  secretBox?: AreaContext['secretBox'];
  /** Replay area: the notes store it reads (wired at merge), when flights start and end. */
  replay?: ReplayAreaOptions;
}

/** The calls the areas implement, exposed as the station's own methods (bound in the constructor). */
type AreaMethods = Exclude<Method, CoreMethod>;
type CoreMethod =
  | 'hello' | 'listLinks' | 'openLink' | 'closeLink' | 'listSerialPorts' | 'getVehicles' | 'getSimulator'
  | 'startSimulator' | 'stopSimulator' | 'uploadPlan' | 'downloadPlan' | 'clearPlan' | 'command';
// Declaration merging: the class below gets the areas' methods, installed at construction.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface GroundStation extends Pick<StationApi, AreaMethods> {}

const NO_SIM: SimulatorInfo = { running: false, vehicles: 0, helicopter: false, link: null, pid: null };

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class GroundStation implements Station {
  private readonly areas: Array<StationArea<Method>> = [];
  private readonly hub = new EventHub();
  private readonly session: LiveSession;
  private readonly publishers: Publishers;
  private readonly operations: VehicleOperations;
  private readonly sysid: number;
  private readonly version = appVersion();
  private sim: { child: SimulatorChild; info: SimulatorInfo; linkId: string } | null = null;
  private simBusy: Promise<unknown> = Promise.resolve();
  private started = false;
  /** The station's folder and its SQLite database (open from construction to close). */
  readonly dataDir: string;
  readonly db: StationDb;
  private refusalLog: AuditLog | null = null;
  /** True when the folder is our own temporary one, removed again on close. */
  private readonly scratch: boolean;

  constructor(private readonly opts: GroundStationOptions) {
    this.sysid = opts.sysid ?? GCS_SYSID;
    this.scratch = opts.dataDir === undefined;
    this.dataDir = opts.dataDir ?? scratchDataDir();
    this.db = openStationDb(join(this.dataDir, 'station.sqlite'));
    const clock = opts.clock ?? systemClock;
    this.session = new LiveSession({ sysid: this.sysid, clock });
    this.publishers = new Publishers(this.hub, this.session.fleet, this.session.links, clock);
    this.operations = new VehicleOperations({
      session: this.session,
      clock,
      timings: opts.protocolTimings,
      onProgress: (e) => this.hub.emit('missionProgress', e),
    });
    this.session.fleet.listen({
      statusText: (v, text) => {
        const ev: StatusTextEvent = { ...text, key: v.key, sysid: v.sysid, compid: v.compid };
        this.hub.emit('statustext', ev);
      },
    });
    const ctx: AreaContext = {
      host: opts.host,
      hub: this.hub,
      session: this.session,
      operations: this.operations,
      db: this.db,
      dataDir: this.dataDir,
      clock,
      sysid: this.sysid,
      secretBox: opts.secretBox,
    };
    // Replay reads the ops area's notes store; notes entered during a flight carry replay's flight id.
    let ops = null as OpsArea | null;
    const replay = (c: AreaContext) => createReplayArea(c, { ...opts.replay, notes: opts.replay?.notes ?? ops?.notes });
    for (const create of [createPlanArea, (c: AreaContext) => (ops = createOpsArea(c)), replay, createMapsArea, createSecurityArea]) {
      const area = create(ctx) as StationArea<Method>;
      if ('currentFlightId' in area) ops?.setFlightIdSource((area as ReplayArea).currentFlightId);
      this.areas.push(area);
      for (const [name, fn] of Object.entries(area.api)) {
        (this as unknown as Record<string, unknown>)[name] = (fn as (...a: unknown[]) => unknown).bind(area.api);
      }
    }
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.session.start();
    this.publishers.start();
    for (const area of this.areas) await area.start?.();
  }

  /**
   * A host's refusal (the server's wrong token or forbidden call, the desktop's IPC from a foreign
   * frame) into the audit log beside the vehicle operations. Hosts call it; it is no contract call,
   * so no connection can reach it.
   */
  recordRefusal(r: Refusal): void {
    if (!this.db.open) return;
    (this.refusalLog ??= new AuditLog(this.db)).refusal(r);
  }

  /** Stops the simulator, closes every link, stops every timer. Safe to call twice. */
  async close(): Promise<void> {
    this.started = false;
    this.publishers.stop();
    for (const area of [...this.areas].reverse()) await Promise.resolve(area.close?.()).catch(() => undefined);
    await this.simBusy.catch(() => undefined);
    await this.stopSim();
    this.operations.close();
    await this.session.close();
    this.hub.clear();
    if (this.db.open) this.db.close();
    if (this.scratch) rmSync(this.dataDir, { recursive: true, force: true });
  }

  subscribe(listener: EventListener): () => void {
    return this.hub.subscribe(listener);
  }

  /** For tests and the CLI: the session underneath (links and fleet). */
  get live(): LiveSession {
    return this.session;
  }

  hello(_p: CheckedParams<'hello'>, caller: Caller): HelloInfo {
    return { host: this.opts.host, role: caller.role, version: this.version, sysid: this.sysid };
  }

  listLinks(_p?: CheckedParams<'listLinks'>, _caller?: Caller): LinkInfo[] {
    return this.session.links.list();
  }

  async openLink(p: CheckedParams<'openLink'>, _caller?: Caller): Promise<LinkInfo> {
    return await this.session.links.open(p.spec);
  }

  async closeLink(p: CheckedParams<'closeLink'>, _caller?: Caller): Promise<null> {
    if (this.sim && this.sim.linkId === p.id) {
      await this.stopSimulator({});
      return null;
    }
    await this.session.links.close(p.id);
    return null;
  }

  async listSerialPorts(_p?: CheckedParams<'listSerialPorts'>, _caller?: Caller): Promise<SerialPortInfo[]> {
    try {
      return await listSerialPorts();
    } catch (err) {
      throw linkError(err, 'serial ports');
    }
  }

  getVehicles(_p?: CheckedParams<'getVehicles'>, _caller?: Caller): VehicleSnapshot[] {
    return this.session.fleet.all().map((v) => v.snapshot());
  }

  uploadPlan(p: CheckedParams<'uploadPlan'>, caller?: Caller): Promise<PlanUploadResult> {
    return this.operations.uploadPlan(p, caller);
  }

  downloadPlan(p: CheckedParams<'downloadPlan'>, caller?: Caller): Promise<Plan> {
    return this.operations.downloadPlan(p, caller);
  }

  clearPlan(p: CheckedParams<'clearPlan'>, caller?: Caller): Promise<null> {
    return this.operations.clearPlan(p, caller);
  }

  command(p: CheckedParams<'command'>, caller?: Caller): Promise<VehicleCommandResult> {
    return this.operations.command(p, caller);
  }

  getSimulator(_p?: CheckedParams<'getSimulator'>, _caller?: Caller): SimulatorInfo {
    return this.sim ? { ...this.sim.info } : { ...NO_SIM };
  }

  /** Starting again while running restarts with the new vehicle count (and helicopter or not). Calls are serialised. */
  startSimulator(p: CheckedParams<'startSimulator'>, _caller?: Caller): Promise<SimulatorInfo> {
    const run = this.simBusy.catch(() => undefined).then(async () => {
      await this.stopSim();
      return await this.startSim(p.vehicles, p.helicopter ?? false);
    });
    this.simBusy = run;
    return run;
  }

  stopSimulator(_p?: CheckedParams<'stopSimulator'>, _caller?: Caller): Promise<SimulatorInfo> {
    const run = this.simBusy.catch(() => undefined).then(async () => {
      await this.stopSim();
      return this.getSimulator();
    });
    this.simBusy = run;
    return run;
  }

  private async startSim(vehicles: number, helicopter: boolean): Promise<SimulatorInfo> {
    const link = await this.session.links.open('udp:127.0.0.1:0', { restorable: false });
    const port = Number(link.spec.slice(link.spec.lastIndexOf(':') + 1));
    let child: SimulatorChild;
    try {
      child = await spawnSimulator({
        command: this.opts.simulatorCommand,
        udpPort: port,
        vehicles,
        helicopter,
        onExit: () => void this.simulatorExited(child),
      });
    } catch (err) {
      await this.session.links.close(link.id).catch(() => undefined);
      throw err instanceof ContractError ? err : new ContractError('simulator_failed', msg(String(err), String(err)));
    }
    const info: SimulatorInfo = { running: true, vehicles, helicopter, link: link.spec, pid: child.pid };
    this.sim = { child, info, linkId: link.id };
    this.hub.emit('simulator', { ...info });
    return { ...info };
  }

  private async stopSim(): Promise<void> {
    const sim = this.sim;
    if (!sim) return;
    this.sim = null;
    await sim.child.stop();
    if (this.session.links.get(sim.linkId)) await this.session.links.close(sim.linkId).catch(() => undefined);
    this.hub.emit('simulator', { ...NO_SIM });
  }

  /** The simulator died on its own (crash, killed): say so and drop its link. */
  private async simulatorExited(child: SimulatorChild): Promise<void> {
    if (!this.sim || this.sim.child !== child) return;
    const linkId = this.sim.linkId;
    this.sim = null;
    if (this.session.links.get(linkId)) await this.session.links.close(linkId).catch(() => undefined);
    this.hub.emit('simulator', { ...NO_SIM });
  }
}
