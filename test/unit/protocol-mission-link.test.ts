// The GCS mission engine against the simulated ArduCopter mission protocol, over a lossy link that
// really encodes, damages and re-frames MAVLink bytes, all on fake time with seeded randomness.
import { describe, expect, it } from 'vitest';
import {
  FakeClock,
  LossyLink,
  MissionTransfer,
  MissionTransferError,
  runUntilSettled,
  seededRandom,
  verifyMission,
  type LinkImpairments,
  type ProtocolMissionItem,
} from '../../electron/core/protocol';
import { VehicleMissionProtocol, type VehicleMissionProtocolOptions } from '../../electron/core/sim/mission/vehicle-mission-protocol';
import { VehicleMissionStore } from '../../electron/core/sim/mission/vehicle-mission-store';

const IDS = { targetSystem: 1, targetComponent: 1, ownSystem: 255, ownComponent: 190 };
const HOME = { latDeg: 22.3, lonDeg: 114.17, altMslM: 12 };

function rig(seed: number, imp: Partial<LinkImpairments> = {}, vehicleOpts: VehicleMissionProtocolOptions = {}, capacity?: Partial<Record<0 | 1 | 2, number>>) {
  const clock = new FakeClock();
  const link = new LossyLink(clock, seededRandom(seed), { latencyMs: 30, jitterMs: 20, ...imp });
  const store = new VehicleMissionStore({ home: HOME, capacity });
  const vehicle = new VehicleMissionProtocol(link.vehiclePort, clock, store, vehicleOpts);
  const transfer = new MissionTransfer({ port: link.gcsPort, clock, ids: IDS, autopilot: 'ardupilot' });
  return { clock, link, store, vehicle, transfer };
}

/** A patrol with the item kinds ArduPilot normalises: home, takeoff, waypoints, loiter, RTL. */
function patrol(n: number): ProtocolMissionItem[] {
  const base = { autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: Number.NaN };
  const out: ProtocolMissionItem[] = [{ ...base, command: 16, frame: 0, param4: 0, param5: HOME.latDeg, param6: HOME.lonDeg, param7: 0 }];
  out.push({ ...base, command: 22, frame: 3, param5: 0, param6: 0, param7: 40 });
  for (let i = out.length; i < n - 1; i++) {
    const loiter = i % 50 === 0;
    out.push({
      ...base,
      command: loiter ? 19 : 16,
      frame: 3,
      param1: loiter ? 15 : 0,
      param3: loiter ? 30 : 0, // a loiter radius: ArduPilot keeps only "non-zero" -> 1
      param5: 22.3 + Math.sin(i) * 0.01 + i * 1.234567e-7,
      param6: 114.17 + Math.cos(i) * 0.01,
      param7: 40 + (i % 7) * 2.5,
    });
  }
  out.push({ ...base, command: 20, frame: 3, param4: 0, param5: 0, param6: 0, param7: 0 });
  return out;
}

function fence(vertices: number): ProtocolMissionItem[] {
  // MAV_CMD_NAV_FENCE_POLYGON_VERTEX_INCLUSION (5001), param1 = vertex count
  return Array.from({ length: vertices }, (_, i) => {
    const a = (i / vertices) * 2 * Math.PI;
    return { command: 5001, frame: 0, autocontinue: 1, param1: vertices, param2: 0, param3: 0, param4: 0, param5: 22.3 + 0.02 * Math.sin(a), param6: 114.17 + 0.02 * Math.cos(a), param7: 0 };
  });
}

function rally(n: number): ProtocolMissionItem[] {
  // MAV_CMD_NAV_RALLY_POINT (5100)
  return Array.from({ length: n }, (_, i) => ({ command: 5100, frame: 3, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, param5: 22.31 + i * 0.001, param6: 114.16, param7: 30 }));
}

/** The vehicle holds exactly the plan (modulo ArduPilot's documented normalisation), read straight from its store. */
function vehicleHolds(store: VehicleMissionStore, type: number, plan: ProtocolMissionItem[]): boolean {
  const got: ProtocolMissionItem[] = [];
  for (let seq = 0; seq < store.count(type); seq++) {
    const it = store.read(type, seq)!;
    const global = [0, 3, 5, 6, 10, 11].includes(it.frame);
    got.push({ command: it.command, frame: it.frame, autocontinue: it.autocontinue, param1: it.param1, param2: it.param2, param3: it.param3, param4: it.param4, param5: global ? it.x / 1e7 : it.x, param6: global ? it.y / 1e7 : it.y, param7: it.z });
  }
  return verifyMission(plan, got, 'ardupilot', type).ok;
}

describe('700-item upload on a lossy link is exact or a clear failure', () => {
  const plan = patrol(700);
  for (const loss of [0, 0.1, 0.2, 0.3]) {
    it(`${loss * 100} % loss (plus duplicates, reordering, corrupt bytes)`, async () => {
      const outcomes: string[] = [];
      for (const seed of [1, 2, 3]) {
        const imp = loss === 0 ? {} : { loss, duplicate: 0.05, reorder: 0.05, corrupt: 0.02 };
        const { clock, store, transfer } = rig(seed, imp);
        const before = store.count(0);
        try {
          await runUntilSettled(clock, transfer.upload(0, plan));
          // Success must mean the vehicle holds every item, exactly.
          expect(store.count(0)).toBe(700);
          expect(vehicleHolds(store, 0, plan)).toBe(true);
          outcomes.push('ok');
        } catch (e) {
          // A failure must be a clear, typed error, and the vehicle must not hold a partial list.
          expect(e).toBeInstanceOf(MissionTransferError);
          const err = e as MissionTransferError;
          expect(err.userMessage.en.length).toBeGreaterThan(20);
          expect(err.userMessage.zh.length).toBeGreaterThan(5);
          expect(store.count(0) === before || vehicleHolds(store, 0, plan)).toBe(true);
          outcomes.push(err.code);
        }
      }
      if (loss === 0) expect(outcomes).toEqual(['ok', 'ok', 'ok']);
      // Loss is survivable: at least one of the seeds gets through even at 30 %.
      expect(outcomes).toContain('ok');
    });
  }
});

describe('fence and rally', () => {
  it('a 100-vertex fence uploads and reads back identically at 10 % loss', async () => {
    const { clock, store, transfer } = rig(7, { loss: 0.1 });
    const plan = fence(100);
    await runUntilSettled(clock, transfer.upload(1, plan));
    expect(store.count(1)).toBe(100);
    expect(store.count(0)).toBe(0);
    const back = await runUntilSettled(clock, transfer.download(1));
    expect(verifyMission(plan, back, 'ardupilot', 1)).toEqual({ ok: true, status: 'verified' });
  });

  it('rally points upload with MISSION_REQUEST_INT and read back', async () => {
    const { clock, store, transfer, link } = rig(8, {}, { requestInt: true });
    const plan = rally(5);
    await runUntilSettled(clock, transfer.upload(2, plan));
    expect(link.vehiclePort.sentLog.filter((s) => s.name === 'MISSION_REQUEST_INT')).toHaveLength(5);
    expect(store.count(2)).toBe(5);
    const back = await runUntilSettled(clock, transfer.download(2));
    expect(verifyMission(plan, back, 'ardupilot', 2).ok).toBe(true);
  });

  it('NO_SPACE when the fence is larger than the vehicle can store', async () => {
    const { clock, store, transfer } = rig(9, {}, {}, { 1: 60 });
    const err = (await runUntilSettled(clock, transfer.upload(1, fence(100))).catch((e) => e)) as MissionTransferError;
    expect(err.code).toBe('mission_no_space');
    expect(err.userMessage.zh).toContain('存储空间不足');
    expect(store.count(1)).toBe(0);
  });

  it('a vehicle that rejects an item leaves its old mission untouched', async () => {
    const { clock, store, transfer } = rig(10, {}, { checkItem: (_item, seq) => (seq === 3 ? 12 : 0) });
    store.replace(0, [{ command: 16, frame: 0, current: 0, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: 0, x: 0, y: 0, z: 0 }]);
    const err = (await runUntilSettled(clock, transfer.upload(0, patrol(10))).catch((e) => e)) as MissionTransferError;
    expect(err.code).toBe('mission_invalid_param7');
    expect(store.count(0)).toBe(1);
  });
});

describe('read-back verification', () => {
  it('verifies an ArduPilot upload despite home rewrite, LOITER_TIME param3, RTL frame and NaN params', async () => {
    const { clock, transfer } = rig(11);
    const plan = patrol(120);
    await runUntilSettled(clock, transfer.upload(0, plan));
    const back = await runUntilSettled(clock, transfer.download(0));
    expect(back[0]).toMatchObject({ param5: HOME.latDeg, param6: HOME.lonDeg, param7: HOME.altMslM });
    expect(back[50]).toMatchObject({ command: 19, param3: 1 });
    expect(back[119]).toMatchObject({ command: 20, frame: 0 });
    expect(verifyMission(plan, back, 'ardupilot')).toEqual({ ok: true, status: 'verified' });
    // The same read-back is NOT clean for an autopilot that does not normalise.
    const generic = verifyMission(plan, back, 'generic');
    expect(generic.ok).toBe(false);
  });

  it('finds real corruption in the vehicle store and names the first difference', async () => {
    const { clock, transfer, store } = rig(12);
    const plan = patrol(30);
    await runUntilSettled(clock, transfer.upload(0, plan));
    store.raw(0)[7].x += 90; // 9e-6 degrees, about a metre: corruption, not rounding
    store.raw(0)[12].z = 400;
    const back = await runUntilSettled(clock, transfer.download(0));
    const verdict = verifyMission(plan, back, 'ardupilot');
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.difference).toMatchObject({ seq: 7, field: 'param5' });
    expect(verdict.message.en).toContain('item 7');
  });

  it('when every final ACK is lost, the upload is confirmed by reading the mission back', async () => {
    const { clock, transfer, link, store } = rig(13);
    link.drop = (from, name, fields) => from === 'vehicle' && name === 'MISSION_ACK' && fields.type === 0 && fields.mission_type === 0;
    const plan = patrol(20);
    const result = await runUntilSettled(clock, transfer.upload(0, plan));
    expect(result.verifiedByReadBack).toBe(true);
    expect(store.count(0)).toBe(20);
  });

  it('the vehicle abandons a stalled upload (OPERATION_CANCELLED) and keeps its old mission', async () => {
    const { clock, transfer, link, store } = rig(14, {}, { uploadTimeoutMs: 8000 });
    let items = 0;
    link.drop = (from, name) => from === 'gcs' && name === 'MISSION_ITEM_INT' && ++items > 5;
    const err = (await runUntilSettled(clock, transfer.upload(0, patrol(20))).catch((e) => e)) as MissionTransferError;
    expect(err).toBeInstanceOf(MissionTransferError);
    expect(['mission_operation_cancelled', 'mission_timeout']).toContain(err.code);
    expect(store.count(0)).toBe(0);
  });

  it('clear and set current against the simulated vehicle', async () => {
    const { clock, transfer, store } = rig(15, { loss: 0.2 });
    await runUntilSettled(clock, transfer.upload(0, patrol(10)));
    await runUntilSettled(clock, transfer.setCurrent(3));
    expect(store.currentSeq).toBe(3);
    await runUntilSettled(clock, transfer.clear(0));
    expect(store.count(0)).toBe(0);
  });
});
