// A small stand-in for GroundStation: answers every call of the contract plausibly and, once started,
// emits one fake vehicle flying a circle over Ulanhot every 200 ms. Host tests and UI tests use it
// so they do not depend on the MAVLink core.
import type { Caller, CheckedParams, EventListener, EventName, Events, Station } from '../../shared/contract/api';
import { ContractError, msg } from '../../shared/contract/errors';
import type {
  HelloInfo,
  HostKind,
  LinkInfo,
  PlanUploadResult,
  SerialPortInfo,
  SimulatorInfo,
  VehicleCommandResult,
  VehicleSnapshot,
} from '../../shared/contract/types';
import { emptyPlan, type Plan } from '../../shared/plan';
import type { Method, StationApi } from '../../shared/contract/api';
import type { FakeAreaContext } from './fake-areas/context';
import { fakePlanArea } from './fake-areas/plan';
import { fakeOpsArea } from './fake-areas/ops';
import { fakeReplayArea } from './fake-areas/replay';
import { fakeMapsArea } from './fake-areas/maps';
import { fakeSecurityArea } from './fake-areas/security';

const HOME = { lat: 46.0726, lon: 122.0933, altMslM: 280 };
const CIRCLE_RADIUS_DEG = 0.002;

export interface FakeStationOptions {
  host?: HostKind;
  sysid?: number;
  /** Period of the fake 'vehicles' event; 200 ms like the real station's coalescing. */
  tickMs?: number;
}

type CoreMethod =
  | 'hello' | 'listLinks' | 'openLink' | 'closeLink' | 'listSerialPorts' | 'getVehicles' | 'getSimulator'
  | 'startSimulator' | 'stopSimulator' | 'uploadPlan' | 'downloadPlan' | 'clearPlan' | 'command';
// The areas' fake calls become FakeStation's own methods (installed in the constructor).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface FakeStation extends Pick<StationApi, Exclude<Method, CoreMethod>> {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeStation implements Station {
  readonly host: HostKind;
  readonly sysid: number;
  /** Every call that reached the station, for tests that check what got through the host. */
  readonly calls: Array<{ method: string; caller: Caller }> = [];
  private readonly listeners = new Set<EventListener>();
  private readonly links = new Map<string, LinkInfo>();
  private nextLinkId = 1;
  private sim: SimulatorInfo = { running: false, vehicles: 0, helicopter: false, link: null, pid: null };
  private timer: ReturnType<typeof setInterval> | null = null;
  private tick = 0;
  private readonly tickMs: number;

  constructor(opts: FakeStationOptions = {}) {
    this.host = opts.host ?? 'server';
    this.sysid = opts.sysid ?? 255;
    this.tickMs = opts.tickMs ?? 200;
    const ctx: FakeAreaContext = { emit: (n, p) => this.emit(n, p), record: (m, c) => this.record(m, c) };
    for (const area of [fakePlanArea(ctx), fakeOpsArea(ctx), fakeReplayArea(ctx), fakeMapsArea(ctx), fakeSecurityArea(ctx)]) {
      for (const [name, fn] of Object.entries(area)) (this as unknown as Record<string, unknown>)[name] = fn;
    }
  }

  async start(): Promise<void> {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.tick++;
      this.emit('vehicles', { vehicles: [this.vehicleAt(this.tick)] });
    }, this.tickMs);
    this.timer.unref?.();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Tests may push any event to every subscriber. */
  emit<E extends EventName>(name: E, payload: Events[E]): void {
    for (const l of [...this.listeners]) l(name, payload);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private record(method: string, caller: Caller): void {
    this.calls.push({ method, caller });
  }

  hello(_p: CheckedParams<'hello'>, caller: Caller): HelloInfo {
    this.record('hello', caller);
    return { host: this.host, role: caller.role, version: '0.0.0-fake', sysid: this.sysid };
  }

  listLinks(_p: CheckedParams<'listLinks'>, caller: Caller): LinkInfo[] {
    this.record('listLinks', caller);
    return [...this.links.values()];
  }

  openLink(p: CheckedParams<'openLink'>, caller: Caller): LinkInfo {
    this.record('openLink', caller);
    const kind = p.spec.split(':')[0];
    if (kind !== 'udp' && kind !== 'udpout' && kind !== 'tcp' && kind !== 'serial') {
      throw new ContractError('bad_link_spec', msg(`Unknown link type in "${p.spec}".`, `无法识别的链路类型：“${p.spec}”。`));
    }
    const link: LinkInfo = {
      id: `link-${this.nextLinkId++}`,
      spec: p.spec,
      kind,
      state: 'open',
      error: null,
      stats: { bytesIn: 0, bytesOut: 0, framesOk: 0, crcErrors: 0, unknownIds: 0, bytesSkipped: 0, seqGaps: 0, qualityPct: null },
    };
    this.links.set(link.id, link);
    this.emit('links', { links: [...this.links.values()] });
    return link;
  }

  closeLink(p: CheckedParams<'closeLink'>, caller: Caller): null {
    this.record('closeLink', caller);
    if (!this.links.delete(p.id)) throw new ContractError('no_such_link', msg(`No link "${p.id}".`, `没有链路“${p.id}”。`));
    this.emit('links', { links: [...this.links.values()] });
    return null;
  }

  listSerialPorts(_p: CheckedParams<'listSerialPorts'>, caller: Caller): SerialPortInfo[] {
    this.record('listSerialPorts', caller);
    return [{ path: '/dev/ttyFAKE0', manufacturer: 'Fake' }];
  }

  getVehicles(_p: CheckedParams<'getVehicles'>, caller: Caller): VehicleSnapshot[] {
    this.record('getVehicles', caller);
    return [this.vehicleAt(this.tick)];
  }

  getSimulator(_p: CheckedParams<'getSimulator'>, caller: Caller): SimulatorInfo {
    this.record('getSimulator', caller);
    return { ...this.sim };
  }

  startSimulator(p: CheckedParams<'startSimulator'>, caller: Caller): SimulatorInfo {
    this.record('startSimulator', caller);
    this.sim = { running: true, vehicles: p.vehicles, helicopter: p.helicopter ?? false, link: 'udp:127.0.0.1:14550', pid: 4242 };
    this.emit('simulator', { ...this.sim });
    return { ...this.sim };
  }

  stopSimulator(_p: CheckedParams<'stopSimulator'>, caller: Caller): SimulatorInfo {
    this.record('stopSimulator', caller);
    this.sim = { running: false, vehicles: 0, helicopter: false, link: null, pid: null };
    this.emit('simulator', { ...this.sim });
    return { ...this.sim };
  }

  /** One drone circling home once a minute (at 200 ms ticks), 50 m above it. */
  uploadPlan(_p: CheckedParams<'uploadPlan'>, caller: Caller): PlanUploadResult {
    this.record('uploadPlan', caller);
    return { verified: true, counts: {} };
  }

  downloadPlan(_p: CheckedParams<'downloadPlan'>, caller: Caller): Plan {
    this.record('downloadPlan', caller);
    return emptyPlan();
  }

  clearPlan(_p: CheckedParams<'clearPlan'>, caller: Caller): null {
    this.record('clearPlan', caller);
    return null;
  }

  command(_p: CheckedParams<'command'>, caller: Caller): VehicleCommandResult {
    this.record('command', caller);
    return {
      ok: true,
      outcome: 'accepted',
      command: 0,
      mavResult: 0,
      tries: 1,
      code: 'command_accepted',
      message: { en: 'accepted', zh: '已接受' },
      vehicleText: null,
    };
  }

  private vehicleAt(tick: number): VehicleSnapshot {
    const angle = (tick / 300) * 2 * Math.PI;
    const now = Date.now();
    return {
      key: '1:1',
      sysid: 1,
      compid: 1,
      autopilot: 'ardupilot',
      type: 'multirotor',
      mavType: 2,
      mode: 'AUTO',
      customMode: 3,
      baseMode: 217,
      armed: true,
      systemStatus: 4,
      lat: HOME.lat + CIRCLE_RADIUS_DEG * Math.sin(angle),
      lon: HOME.lon + CIRCLE_RADIUS_DEG * Math.cos(angle),
      altMslM: HOME.altMslM + 50,
      altRelM: 50,
      headingDeg: (((-angle * 180) / Math.PI) % 360 + 360) % 360,
      rollDeg: 2,
      pitchDeg: -1,
      groundSpeedMps: 5,
      airSpeedMps: 5,
      climbMps: 0,
      throttlePct: 45,
      batteryV: 15.8,
      batteryA: 12,
      batteryPct: Math.max(0, 100 - Math.floor(tick / 50)),
      gpsFix: 3,
      satellites: 14,
      hdop: 0.8,
      home: { ...HOME },
      missionCurrent: 1,
      missionCount: 4,
      lastStatusText: null,
      linkQualityPct: 100,
      linkLost: false,
      lastHeartbeatMs: now,
      linkIds: ['link-sim'],
      updatedMs: now,
    };
  }
}
