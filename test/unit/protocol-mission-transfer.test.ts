// The GCS mission engine against a scripted vehicle on fake time: every retry path, every ACK error.
import { describe, expect, it } from 'vitest';
import type { Fields, Message } from '../../electron/core/mavlink';
import {
  CommandEngine,
  FakeClock,
  MissionTransfer,
  MissionTransferError,
  runUntilSettled,
  type ProtocolMissionItem,
  type ProtocolPort,
  type TransferProgress,
} from '../../electron/core/protocol';

const IDS = { targetSystem: 1, targetComponent: 1, ownSystem: 255, ownComponent: 190 };

/** A vehicle played by the test: it sees what the engine sends and answers (after 10 ms) as scripted. */
class ScriptedVehicle implements ProtocolPort {
  readonly sent: Array<{ name: string; fields: Fields; t: number }> = [];
  private readonly handlers = new Set<(m: Message) => void>();
  script: (name: string, fields: Fields) => void = () => undefined;

  constructor(readonly clock: FakeClock) {}

  send(name: string, fields: Fields): void {
    this.sent.push({ name, fields, t: this.clock.now() });
    this.script(name, fields);
  }

  onMessage(handler: (m: Message) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  emit(name: string, fields: Fields, delayMs = 10): void {
    this.clock.setTimeout(() => {
      const m: Message = { msgid: 0, name, sysid: 1, compid: 1, seq: 0, fields: { target_system: 255, target_component: 190, ...fields } };
      for (const h of [...this.handlers]) h(m);
    }, delayMs);
  }

  named(name: string) {
    return this.sent.filter((s) => s.name === name);
  }
}

function setup() {
  const clock = new FakeClock();
  const vehicle = new ScriptedVehicle(clock);
  const transfer = new MissionTransfer({ port: vehicle, clock, ids: IDS, autopilot: 'ardupilot' });
  const progress: TransferProgress[] = [];
  transfer.onProgress((p) => progress.push(p));
  return { clock, vehicle, transfer, progress };
}

function waypoint(i: number): ProtocolMissionItem {
  return { command: 16, frame: 3, autocontinue: 1, param1: 0, param2: 0, param3: 0, param4: Number.NaN, param5: 22.5 + i * 1e-4, param6: 114.05 + i * 1e-4, param7: 50 + i };
}

function items(n: number): ProtocolMissionItem[] {
  return Array.from({ length: n }, (_, i) => waypoint(i));
}

async function rejection(clock: FakeClock, p: Promise<unknown>): Promise<MissionTransferError> {
  try {
    await runUntilSettled(clock, p);
  } catch (e) {
    expect(e).toBeInstanceOf(MissionTransferError);
    return e as MissionTransferError;
  }
  throw new Error('expected a rejection');
}

/** A vehicle that requests items in the given order (legacy MISSION_REQUEST like ArduPilot), then ACKs. */
function requestInOrder(vehicle: ScriptedVehicle, order: number[], ackAtEnd = true) {
  let i = 0;
  const next = () => {
    if (i < order.length) vehicle.emit('MISSION_REQUEST', { seq: order[i++], mission_type: 0 });
    else if (ackAtEnd) vehicle.emit('MISSION_ACK', { type: 0, mission_type: 0 });
  };
  vehicle.script = (name) => {
    if (name === 'MISSION_COUNT' || name === 'MISSION_ITEM_INT') next();
  };
}

describe('upload', () => {
  it('answers legacy MISSION_REQUEST with MISSION_ITEM_INT (degE7 x/y, float z) and reports progress', async () => {
    const { clock, vehicle, transfer, progress } = setup();
    requestInOrder(vehicle, [0, 1, 2]);
    const result = await runUntilSettled(clock, transfer.upload(0, items(3)));
    expect(result.verifiedByReadBack).toBe(false);
    const sent = vehicle.named('MISSION_ITEM_INT').map((s) => s.fields);
    expect(sent.map((f) => f.seq)).toEqual([0, 1, 2]);
    expect(sent[1]).toMatchObject({ x: Math.round(22.5001 * 1e7), y: Math.round(114.0501 * 1e7), z: 51, frame: 3, command: 16, target_system: 1, target_component: 1, mission_type: 0, current: 0 });
    expect(vehicle.named('MISSION_COUNT')[0].fields).toMatchObject({ count: 3, mission_type: 0, target_system: 1 });
    expect(progress.map((p) => `${p.done}/${p.total}`)).toEqual(['1/3', '2/3', '3/3']);
    expect(transfer.busy).toBeUndefined();
  });

  it('answers MISSION_REQUEST_INT, re-requests, duplicates and out-of-order requests', async () => {
    const { clock, vehicle, transfer } = setup();
    requestInOrder(vehicle, [0, 0, 2, 1, 1, 3]);
    await runUntilSettled(clock, transfer.upload(0, items(4)));
    expect(vehicle.named('MISSION_ITEM_INT').map((s) => s.fields.seq)).toEqual([0, 0, 2, 1, 1, 3]);
  });

  it('follows the vehicle when it restarts the transfer from item 0', async () => {
    const { clock, vehicle, transfer, progress } = setup();
    requestInOrder(vehicle, [0, 1, 2, 0, 1, 2, 3]);
    const result = await runUntilSettled(clock, transfer.upload(0, items(4)));
    expect(result.restarts).toBe(1);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 1, 2, 3, 4]);
  });

  it('refuses a request for an item that does not exist and tells the vehicle to stop', async () => {
    const { clock, vehicle, transfer } = setup();
    requestInOrder(vehicle, [0, 5]);
    const err = await rejection(clock, transfer.upload(0, items(3)));
    expect(err.code).toBe('mission_bad_request');
    expect(err.userMessage.en).toContain('item 5');
    expect(vehicle.named('MISSION_ACK').at(-1)?.fields).toMatchObject({ type: 15, mission_type: 0 });
  });

  it('ignores a request for another mission type (a late message from another transfer)', async () => {
    const { clock, vehicle, transfer } = setup();
    vehicle.script = (name, f) => {
      if (name === 'MISSION_COUNT') {
        vehicle.emit('MISSION_REQUEST_INT', { seq: 0, mission_type: 1 });
        vehicle.emit('MISSION_REQUEST_INT', { seq: 0, mission_type: 0 }, 20);
      }
      if (name === 'MISSION_ITEM_INT' && f.seq === 0) vehicle.emit('MISSION_ACK', { type: 0, mission_type: 0 });
    };
    await runUntilSettled(clock, transfer.upload(0, items(1)));
    expect(vehicle.named('MISSION_ITEM_INT')).toHaveLength(1);
  });

  it('re-sends MISSION_COUNT every 1500 ms, 5 times, then fails clearly', async () => {
    const { clock, vehicle, transfer } = setup();
    const err = await rejection(clock, transfer.upload(0, items(2)));
    expect(err.code).toBe('mission_timeout');
    expect(err.userMessage.en).toContain('did not answer the item count');
    expect(err.userMessage.zh).toContain('飞行器未响应');
    expect(vehicle.named('MISSION_COUNT').map((s) => s.t)).toEqual([0, 1500, 3000, 4500, 6000, 7500]);
    expect(clock.now()).toBe(9000);
  });

  it('succeeds when the vehicle answers only the third MISSION_COUNT', async () => {
    const { clock, vehicle, transfer } = setup();
    let counts = 0;
    vehicle.script = (name, f) => {
      if (name === 'MISSION_COUNT' && ++counts === 3) vehicle.emit('MISSION_REQUEST', { seq: 0 });
      if (name === 'MISSION_ITEM_INT' && f.seq === 0) vehicle.emit('MISSION_ACK', { type: 0 });
    };
    await runUntilSettled(clock, transfer.upload(0, items(1)));
    expect(counts).toBe(3);
  });

  it('re-sends the last requested item when the vehicle goes quiet, then gives up naming the progress', async () => {
    const { clock, vehicle, transfer } = setup();
    requestInOrder(vehicle, [0, 1], false);
    const err = await rejection(clock, transfer.upload(0, items(4)));
    expect(err.code).toBe('mission_timeout');
    expect(err.userMessage.en).toContain('2 of 4');
    expect(vehicle.named('MISSION_ITEM_INT').map((s) => s.fields.seq)).toEqual([0, 1, 1, 1, 1, 1, 1]);
  });

  it('when the final ACK is lost, re-sends the last item; a repeated ACK completes the upload', async () => {
    const { clock, vehicle, transfer } = setup();
    let lastSends = 0;
    vehicle.script = (name, f) => {
      if (name === 'MISSION_COUNT') vehicle.emit('MISSION_REQUEST', { seq: 0 });
      if (name === 'MISSION_ITEM_INT' && f.seq === 0) vehicle.emit('MISSION_REQUEST', { seq: 1 });
      if (name === 'MISSION_ITEM_INT' && f.seq === 1 && ++lastSends === 2) vehicle.emit('MISSION_ACK', { type: 0 });
    };
    await runUntilSettled(clock, transfer.upload(0, items(2)));
    expect(lastSends).toBe(2);
  });

  it('an ACCEPTED before every item was asked for is not taken as success', async () => {
    const { clock, vehicle, transfer } = setup();
    vehicle.script = (name, f) => {
      if (name === 'MISSION_COUNT') {
        vehicle.emit('MISSION_ACK', { type: 0 }); // stale duplicate from an earlier upload
        vehicle.emit('MISSION_REQUEST', { seq: 0 }, 20);
      }
      if (name === 'MISSION_ITEM_INT' && f.seq === 0) vehicle.emit('MISSION_REQUEST', { seq: 1 });
      if (name === 'MISSION_ITEM_INT' && f.seq === 1) vehicle.emit('MISSION_ACK', { type: 0 });
    };
    await runUntilSettled(clock, transfer.upload(0, items(2)));
    expect(vehicle.named('MISSION_ITEM_INT')).toHaveLength(2);
  });

  it('an empty upload is MISSION_COUNT 0 -> ACK', async () => {
    const { clock, vehicle, transfer } = setup();
    vehicle.script = (name) => name === 'MISSION_COUNT' && vehicle.emit('MISSION_ACK', { type: 0 });
    await runUntilSettled(clock, transfer.upload(0, []));
    expect(vehicle.named('MISSION_COUNT')[0].fields.count).toBe(0);
    expect(vehicle.named('MISSION_ITEM_INT')).toHaveLength(0);
  });

  it('refuses items that cannot be put on the wire before sending anything', async () => {
    const { clock, vehicle, transfer } = setup();
    const bad = items(3);
    bad[2] = { ...bad[2], param5: 95 };
    const err = await rejection(clock, transfer.upload(0, bad));
    expect(err.code).toBe('mission_invalid_item');
    expect(err.detail.seq).toBe(2);
    expect(vehicle.sent).toHaveLength(0);
  });

  const ACK_ERRORS: Array<[number, string]> = [
    [1, 'mission_error'],
    [2, 'mission_unsupported_frame'],
    [3, 'mission_unsupported'],
    [4, 'mission_no_space'],
    [5, 'mission_invalid'],
    [6, 'mission_invalid_param1'],
    [7, 'mission_invalid_param2'],
    [8, 'mission_invalid_param3'],
    [9, 'mission_invalid_param4'],
    [10, 'mission_invalid_param5_x'],
    [11, 'mission_invalid_param6_y'],
    [12, 'mission_invalid_param7'],
    [13, 'mission_invalid_sequence'],
    [14, 'mission_denied'],
    [15, 'mission_operation_cancelled'],
    [99, 'mission_result_99'],
  ];

  it.each(ACK_ERRORS)('MISSION_ACK %i becomes %s with an en and zh sentence', async (result, code) => {
    const { clock, vehicle, transfer } = setup();
    // Errors other than INVALID_SEQUENCE end the upload at once; INVALID_SEQUENCE only ends it when the
    // vehicle is no longer asking (here: after the last item, with a re-send) -> read-back.
    vehicle.script = (name, f) => {
      if (name === 'MISSION_COUNT') vehicle.emit(result === 13 ? 'MISSION_REQUEST' : 'MISSION_ACK', result === 13 ? { seq: 0, mission_type: 2 } : { type: result, mission_type: 2 });
      if (name === 'MISSION_ITEM_INT' && result === 13) vehicle.emit('MISSION_ACK', { type: 13, mission_type: 2 });
    };
    const err = await rejection(clock, transfer.upload(2, items(1)));
    if (result === 13) {
      // The vehicle never confirmed, and the read-back (no answers) fails: reported as unconfirmed.
      expect(err.code).toBe('mission_upload_unconfirmed');
      return;
    }
    expect(err.code).toBe(code);
    expect(err.detail).toMatchObject({ missionType: 2, missionResult: result });
    expect(err.userMessage.en).toMatch(/^Upload of the rally points failed: .+\.$/);
    expect(err.userMessage.zh).toMatch(/^集结点上传失败：.+。$/);
    expect(err.userMessage.zh).not.toMatch(/[a-z]{4}/);
  });

  it('refuses a download while an upload runs, and the upload still completes', async () => {
    const { clock, vehicle, transfer } = setup();
    requestInOrder(vehicle, [0, 1]);
    const upload = transfer.upload(0, items(2));
    expect(transfer.busy).toBe('upload');
    const err = await rejection(clock, transfer.download(1));
    expect(err.code).toBe('mission_busy');
    expect(err.userMessage.en).toContain('upload is still in progress');
    await runUntilSettled(clock, upload);
    expect(vehicle.named('MISSION_REQUEST_LIST')).toHaveLength(0);
  });

  it('cancel() stops the upload and tells the vehicle', async () => {
    const { clock, vehicle, transfer } = setup();
    const upload = transfer.upload(0, items(2));
    transfer.cancel();
    const err = await rejection(clock, upload);
    expect(err.code).toBe('mission_cancelled');
    expect(vehicle.named('MISSION_ACK')[0].fields).toMatchObject({ type: 15 });
  });
});

describe('download', () => {
  function serve(vehicle: ScriptedVehicle, list: Fields[], opts: { dropFirstRequestOf?: number; legacy?: boolean } = {}) {
    let dropped = false;
    vehicle.script = (name, f) => {
      if (name === 'MISSION_REQUEST_LIST') vehicle.emit('MISSION_COUNT', { count: list.length, mission_type: f.mission_type });
      if (name === 'MISSION_REQUEST_INT') {
        if (f.seq === opts.dropFirstRequestOf && !dropped) {
          dropped = true;
          return;
        }
        vehicle.emit(opts.legacy ? 'MISSION_ITEM' : 'MISSION_ITEM_INT', { ...list[f.seq as number], seq: f.seq, mission_type: f.mission_type });
      }
    };
  }
  const wireWp = (i: number) => ({ command: 16, frame: 3, autocontinue: 1, x: 225000000 + i, y: 1140500000 + i, z: 30 + i, param4: 0 });

  it('reads every item with MISSION_REQUEST_INT and ends with MISSION_ACK ACCEPTED', async () => {
    const { clock, vehicle, transfer, progress } = setup();
    serve(vehicle, [wireWp(0), wireWp(1), wireWp(2)]);
    const got = await runUntilSettled(clock, transfer.download(1));
    expect(got).toHaveLength(3);
    expect(got[2]).toMatchObject({ command: 16, frame: 3, param5: 22.5000002, param6: 114.0500002, param7: 32 });
    expect(vehicle.named('MISSION_ACK').at(-1)?.fields).toMatchObject({ type: 0, mission_type: 1 });
    expect(progress.at(-1)).toMatchObject({ operation: 'download', done: 3, total: 3, missionType: 1 });
  });

  it('accepts legacy MISSION_ITEM (float degrees)', async () => {
    const { clock, vehicle, transfer } = setup();
    serve(vehicle, [{ command: 16, frame: 3, x: 22.5, y: 114.05, z: 10 }], { legacy: true });
    const got = await runUntilSettled(clock, transfer.download(0));
    expect(got[0].param5).toBeCloseTo(22.5, 5);
  });

  it('re-requests a lost item after 250 ms', async () => {
    const { clock, vehicle, transfer } = setup();
    serve(vehicle, [wireWp(0), wireWp(1), wireWp(2)], { dropFirstRequestOf: 1 });
    await runUntilSettled(clock, transfer.download(0));
    const req1 = vehicle.named('MISSION_REQUEST_INT').filter((s) => s.fields.seq === 1);
    expect(req1.map((s) => s.t)).toEqual([req1[0].t, req1[0].t + 250]);
  });

  it('an empty list: COUNT 0 -> ACK, no item requests', async () => {
    const { clock, vehicle, transfer } = setup();
    serve(vehicle, []);
    expect(await runUntilSettled(clock, transfer.download(2))).toEqual([]);
    expect(vehicle.named('MISSION_REQUEST_INT')).toHaveLength(0);
  });

  it('re-sends MISSION_REQUEST_LIST, then fails clearly when the vehicle never answers', async () => {
    const { clock, vehicle, transfer } = setup();
    const err = await rejection(clock, transfer.download(0));
    expect(err.code).toBe('mission_timeout');
    expect(vehicle.named('MISSION_REQUEST_LIST')).toHaveLength(6);
  });

  it('gives up on an item that never comes after 5 re-requests', async () => {
    const { clock, vehicle, transfer } = setup();
    vehicle.script = (name) => name === 'MISSION_REQUEST_LIST' && vehicle.emit('MISSION_COUNT', { count: 2 });
    const err = await rejection(clock, transfer.download(0));
    expect(err.userMessage.en).toContain('item 0 of 2 never arrived');
    expect(vehicle.named('MISSION_REQUEST_INT')).toHaveLength(6);
  });

  it('a vehicle error during download is a typed error', async () => {
    const { clock, vehicle, transfer } = setup();
    vehicle.script = (name) => name === 'MISSION_REQUEST_LIST' && vehicle.emit('MISSION_ACK', { type: 14 });
    const err = await rejection(clock, transfer.download(0));
    expect(err.code).toBe('mission_denied');
    expect(err.userMessage.en).toMatch(/^Download of the mission failed/);
  });
});

describe('clear and set current', () => {
  it('clear: MISSION_CLEAR_ALL -> ACK, retried on silence', async () => {
    const { clock, vehicle, transfer } = setup();
    let n = 0;
    vehicle.script = (name) => name === 'MISSION_CLEAR_ALL' && ++n === 2 && vehicle.emit('MISSION_ACK', { type: 0, mission_type: 1 });
    await runUntilSettled(clock, transfer.clear(1));
    expect(vehicle.named('MISSION_CLEAR_ALL').map((s) => s.fields.mission_type)).toEqual([1, 1]);
  });

  it('clear: a refusal is a typed error', async () => {
    const { clock, vehicle, transfer } = setup();
    vehicle.script = (name) => name === 'MISSION_CLEAR_ALL' && vehicle.emit('MISSION_ACK', { type: 1 });
    const err = await rejection(clock, transfer.clear(0));
    expect(err.userMessage.en).toMatch(/^Clearing the mission failed/);
  });

  function withCommands(answer: 'accept' | 'unsupported' | 'silent') {
    const clock = new FakeClock();
    const vehicle = new ScriptedVehicle(clock);
    const commands = new CommandEngine(vehicle, clock, IDS);
    const transfer = new MissionTransfer({ port: vehicle, clock, ids: IDS, commands });
    vehicle.script = (name, f) => {
      if (name === 'COMMAND_LONG' && answer !== 'silent') vehicle.emit('COMMAND_ACK', { command: 224, result: answer === 'accept' ? 0 : 3 });
      if (name === 'MISSION_SET_CURRENT') {
        vehicle.emit('MISSION_CURRENT', { seq: 0 }); // the periodic stream, not yet switched
        vehicle.emit('MISSION_CURRENT', { seq: f.seq }, 30);
      }
    };
    return { clock, vehicle, transfer };
  }

  it('setCurrent uses MAV_CMD_DO_SET_MISSION_CURRENT when the vehicle supports it', async () => {
    const { clock, vehicle, transfer } = withCommands('accept');
    await runUntilSettled(clock, transfer.setCurrent(4));
    expect(vehicle.named('COMMAND_LONG')[0].fields).toMatchObject({ command: 224, param1: 4 });
    expect(vehicle.named('MISSION_SET_CURRENT')).toHaveLength(0);
  });

  it.each(['unsupported', 'silent'] as const)('setCurrent falls back to MISSION_SET_CURRENT when the command is %s', async (answer) => {
    const { clock, vehicle, transfer } = withCommands(answer);
    await runUntilSettled(clock, transfer.setCurrent(4));
    expect(vehicle.named('MISSION_SET_CURRENT')[0].fields).toMatchObject({ seq: 4, target_system: 1 });
  });
});
