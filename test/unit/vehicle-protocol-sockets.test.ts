// The station's vehicle-protocol binding over real UDP sockets on 127.0.0.1, against the vehicle
// side of the mission protocol (sim/mission/vehicle-mission-protocol) on its own socket: the path
// the simulator will run, without the simulator. A seeded drop on the vehicle's socket stands in
// for a bad radio.
import { createSocket, type Socket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeFrame, Encoder, Framer, type Fields, type Message } from '../../electron/core/mavlink';
import { seededRandom } from '../../electron/core/protocol/lossy-link';
import { systemClock, type ProtocolPort } from '../../electron/core/protocol/port';
import { VehicleMissionProtocol } from '../../electron/core/sim/mission/vehicle-mission-protocol';
import { VehicleMissionStore } from '../../electron/core/sim/mission/vehicle-mission-store';
import { LiveSession } from '../../electron/core/station-parts/live-session';
import { VehicleOperations } from '../../electron/core/station-parts/vehicle-operations';
import type { MissionProgressEvent } from '../../shared/contract/types';
import { emptyPlan, MAV_CMD, MAV_FRAME, planItem, type Plan } from '../../shared/plan';

const HOME = { latDeg: 46.0726, lonDeg: 122.0933, altMslM: 280 };

/** A vehicle on its own UDP socket: heartbeats, the mission protocol, and an arm that is always refused with a reason. */
class SocketVehicle implements ProtocolPort {
  readonly socket: Socket = createSocket('udp4');
  private readonly encoder = new Encoder({ sysid: 1, compid: 1 });
  private readonly framer = new Framer();
  private readonly handlers = new Set<(m: Message) => void>();
  readonly store = new VehicleMissionStore({ home: HOME });
  protocol!: VehicleMissionProtocol;
  private beat?: ReturnType<typeof setInterval>;
  private readonly rand: () => number;

  constructor(
    private readonly gcsPort: number,
    private readonly loss = 0,
    seed = 1,
  ) {
    this.rand = seededRandom(seed);
  }

  async start(): Promise<void> {
    await new Promise<void>((r) => this.socket.bind(0, '127.0.0.1', () => r()));
    this.socket.on('message', (buf) => {
      if (this.rand() < this.loss) return;
      this.framer.push(new Uint8Array(buf), (frame) => {
        const m = decodeFrame(frame);
        if (m && m.sysid === 255) for (const h of [...this.handlers]) h(m);
      });
    });
    this.protocol = new VehicleMissionProtocol(this, systemClock, this.store, { reRequestMs: 60, uploadTimeoutMs: 3000 });
    this.onMessage((m) => {
      if (m.name === 'COMMAND_LONG' && m.fields.command === 400) {
        this.send('STATUSTEXT', { severity: 2, text: 'Arm: Mode not armable', id: 0, chunk_seq: 0 });
        this.send('COMMAND_ACK', { command: 400, result: 4, target_system: m.sysid, target_component: m.compid });
      }
    });
    const heartbeat = () => this.send('HEARTBEAT', { type: 2, autopilot: 3, base_mode: 81, custom_mode: 0, system_status: 3, mavlink_version: 3 });
    heartbeat();
    this.beat = setInterval(heartbeat, 200);
  }

  send(name: string, fields: Fields): void {
    if (name !== 'HEARTBEAT' && this.rand() < this.loss) return;
    this.socket.send(this.encoder.encode(name, fields), this.gcsPort, '127.0.0.1');
  }

  onMessage(handler: (m: Message) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  close(): void {
    clearInterval(this.beat);
    this.protocol.dispose();
    this.socket.close();
  }
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(opts: { loss?: number; seed?: number } = {}) {
  const session = new LiveSession({ sysid: 255, clock: systemClock });
  const link = await session.links.open('udp:127.0.0.1:0');
  const port = Number(link.spec.slice(link.spec.lastIndexOf(':') + 1));
  session.start();
  const progress: MissionProgressEvent[] = [];
  // Short retry timers: the fake vehicle re-requests after 60 ms, so a lost item costs little.
  const ops = new VehicleOperations({
    session,
    clock: systemClock,
    onProgress: (e) => progress.push(e),
    timings: { mission: { ackTimeoutMs: 150, itemTimeoutMs: 40, maxRetries: 20 }, command: { timeoutMs: 300 } },
  });
  const vehicle = new SocketVehicle(port, opts.loss ?? 0, opts.seed ?? 1);
  await vehicle.start();
  cleanups.push(async () => {
    ops.close();
    vehicle.close();
    await session.close();
  });
  const end = Date.now() + 5000;
  while (!session.fleet.get('1:1')) {
    if (Date.now() > end) throw new Error('vehicle never heard');
    await new Promise((r) => setTimeout(r, 20));
  }
  return { session, ops, vehicle, progress };
}

function waypoints(n: number): Plan {
  const plan = emptyPlan();
  plan.mission.plannedHome = { lat: HOME.latDeg, lon: HOME.lonDeg, altMslM: HOME.altMslM };
  plan.mission.items.push(planItem({ command: MAV_CMD.NAV_TAKEOFF, frame: MAV_FRAME.GLOBAL_RELATIVE_ALT, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: NaN, x: NaN, y: NaN, z: 30 }));
  for (let i = 1; i < n; i++) {
    plan.mission.items.push(
      planItem({ command: MAV_CMD.NAV_WAYPOINT, frame: MAV_FRAME.GLOBAL_RELATIVE_ALT, current: 0, autocontinue: 1, param1: i % 3, param2: 0, param3: 0, param4: NaN, x: 46.07 + i * 1e-5, y: 122.09 + (i % 50) * 1e-5, z: 30 + (i % 7) }),
    );
  }
  return plan;
}

describe('vehicle protocol over UDP sockets', () => {
  it('uploads a 300-item mission, a fence and rally points, verifies them, and downloads the same plan', async () => {
    const { ops, vehicle, progress } = await setup();
    const plan = waypoints(300);
    plan.fence.polygons.push({ inclusion: true, vertices: Array.from({ length: 40 }, (_, i) => ({ lat: 46.07 + 0.01 * Math.cos(i / 6.4), lon: 122.09 + 0.01 * Math.sin(i / 6.4) })) });
    plan.fence.circles.push({ inclusion: false, center: { lat: 46.071, lon: 122.091 }, radiusM: 50 });
    plan.rally.points.push({ lat: 46.072, lon: 122.092, altM: 40 }, { lat: 46.073, lon: 122.094, altM: 45 });

    const result = await ops.uploadPlan({ key: '1:1', plan, types: ['mission', 'fence', 'rally'], verify: true });
    expect(result).toEqual({ verified: true, counts: { mission: 301, fence: 41, rally: 2 } });
    expect(vehicle.store.count(0)).toBe(301);
    expect(progress.some((p) => p.type === 'mission' && p.direction === 'upload' && p.done === 301 && p.total === 301)).toBe(true);
    expect(progress.some((p) => p.type === 'mission' && p.direction === 'download' && p.done === 301)).toBe(true);

    const back = await ops.downloadPlan({ key: '1:1', types: ['mission', 'fence', 'rally'] });
    expect(back.mission.items.length).toBe(300);
    expect(back.mission.plannedHome).toEqual({ lat: HOME.latDeg, lon: HOME.lonDeg, altMslM: HOME.altMslM });
    back.mission.items.forEach((it, i) => {
      const sent = plan.mission.items[i];
      expect(it.command).toBe(sent.command);
      expect(it.x).toBeCloseTo(Number.isNaN(sent.x) ? 0 : sent.x, 7);
      expect(it.y).toBeCloseTo(Number.isNaN(sent.y) ? 0 : sent.y, 7);
      expect(it.z).toBeCloseTo(sent.z, 4);
    });
    expect(back.fence.polygons[0].vertices.length).toBe(40);
    expect(back.fence.circles).toEqual([{ inclusion: false, center: { lat: expect.closeTo(46.071, 7), lon: expect.closeTo(122.091, 7) }, radiusM: 50 }]);
    expect(back.rally.points.map((p) => p.altM)).toEqual([40, 45]);

    await ops.clearPlan({ key: '1:1', types: ['fence', 'rally'] });
    expect(vehicle.store.count(1)).toBe(0);
    expect(vehicle.store.count(2)).toBe(0);
    expect(vehicle.store.count(0)).toBe(301);
  }, 30_000);

  it('refuses a second transfer while one runs, with a typed mission_busy error', async () => {
    const { ops } = await setup();
    const first = ops.uploadPlan({ key: '1:1', plan: waypoints(200), types: ['mission'], verify: true });
    await expect(ops.downloadPlan({ key: '1:1', types: ['fence'] })).rejects.toMatchObject({ code: 'mission_busy' });
    await expect(first).resolves.toMatchObject({ verified: true });
  }, 20_000);

  it('ends exactly verified or with a typed failure when 15 % of datagrams are dropped each way', async () => {
    const { ops, vehicle } = await setup({ loss: 0.15, seed: 7 });
    const plan = waypoints(120);
    try {
      const r = await ops.uploadPlan({ key: '1:1', plan, types: ['mission'], verify: true });
      expect(r.verified).toBe(true);
      expect(vehicle.store.count(0)).toBe(121);
    } catch (err) {
      // A failure must be typed and must not be a silent partial: the store was replaced whole or not at all.
      expect((err as { code?: string }).code).toMatch(/^mission_/);
      expect([0, 121]).toContain(vehicle.store.count(0));
    }
  }, 30_000);

  it('a refused command carries the vehicle STATUSTEXT reason; unknown vehicles are a clear error', async () => {
    const { ops } = await setup();
    const r = await ops.command({ key: '1:1', action: 'arm' });
    expect(r).toMatchObject({ ok: false, outcome: 'failed', command: 400, mavResult: 4, vehicleText: 'Arm: Mode not armable' });
    expect(r.message.en).toContain('Arm: Mode not armable');
    expect(r.message.zh).toContain('Arm: Mode not armable');
    const bad = await ops.command({ key: '1:1', action: 'setMode', mode: 'NO_SUCH_MODE' });
    expect(bad).toMatchObject({ ok: false, code: 'command_invalid_argument', tries: 0 });
    await expect(ops.command({ key: '9:1', action: 'rtl' })).rejects.toThrow(/No vehicle 9:1/);
  }, 20_000);
});
