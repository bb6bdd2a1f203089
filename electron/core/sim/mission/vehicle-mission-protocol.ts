// The vehicle side of the mission protocol, as ArduCopter answers it: it drives uploads (requesting
// item after item, re-requesting on silence, giving up after a long silence), answers downloads
// statelessly, clears, and sets the current item. Runs on the same ProtocolPort/Clock abstraction as
// the ground-station engines, so tests put the two on a lossy fake link and run both on fake time.
import type { Message } from '../../mavlink';
import { num, type Clock, type ProtocolPort, type TimerHandle } from '../../protocol/port';
import type { StoredItem, VehicleMissionStore } from './vehicle-mission-store';

const ACCEPTED = 0;
const GENERIC_ERROR = 1;
const NO_SPACE = 4;
const INVALID_SEQUENCE = 13;
const OPERATION_CANCELLED = 15;
const MAV_CMD_DO_SET_MISSION_CURRENT = 224;
const MISSION_TYPE_ALL = 255;

export interface VehicleMissionProtocolOptions {
  /** ArduPilot asks with the legacy MISSION_REQUEST during uploads; set true for MISSION_REQUEST_INT. */
  requestInt?: boolean;
  /** Re-request the wanted item after this much silence (ArduPilot: ~1 s). */
  reRequestMs?: number;
  /** Abandon an upload after this long without a wanted item (ArduPilot: 8 s), with OPERATION_CANCELLED. */
  uploadTimeoutMs?: number;
  /** Judge an item before storing it: a MAV_MISSION_RESULT error, or 0 to accept. For tests / sim faults. */
  checkItem?: (item: StoredItem, seq: number, missionType: number) => number;
  /** How to treat MAV_CMD_DO_SET_MISSION_CURRENT: ArduPilot 4.3+ accepts it; older firmware: unsupported. */
  setCurrentCommand?: 'accept' | 'unsupported' | 'ignore';
  /**
   * Clock of the give-up deadline only (default: the main clock). A sped-up simulator re-requests on
   * its fast simulated clock but must give a GCS its 8 s in real seconds before abandoning an upload.
   */
  abandonClock?: Clock;
}

interface Receiving {
  type: number;
  count: number;
  next: number;
  items: StoredItem[];
  gcs: { sysid: number; compid: number };
  reRequest?: TimerHandle;
  abandon?: TimerHandle;
}

export class VehicleMissionProtocol {
  private receiving: Receiving | undefined;
  /** The last upload that completed: a re-sent final item then gets its ACK again (the first was lost). */
  private lastCompleted: { type: number; count: number } | undefined;
  private readonly unsubscribe: () => void;
  private readonly opts: Required<Omit<VehicleMissionProtocolOptions, 'checkItem' | 'abandonClock'>> & Pick<VehicleMissionProtocolOptions, 'checkItem'>;
  private readonly abandonClock: Clock;
  /** Counts for tests and the simulator's status page. */
  readonly stats = { uploadsCompleted: 0, uploadsAbandoned: 0, reRequests: 0, invalidSequence: 0 };

  constructor(
    private readonly port: ProtocolPort,
    private readonly clock: Clock,
    readonly store: VehicleMissionStore,
    opts: VehicleMissionProtocolOptions = {},
  ) {
    const { abandonClock, ...rest } = opts;
    this.opts = { requestInt: false, reRequestMs: 1000, uploadTimeoutMs: 8000, setCurrentCommand: 'accept', ...rest };
    this.abandonClock = abandonClock ?? clock;
    this.unsubscribe = port.onMessage((m) => this.handle(m));
  }

  dispose(): void {
    this.stopReceiving();
    this.unsubscribe();
  }

  get uploading(): boolean {
    return this.receiving !== undefined;
  }

  private handle(m: Message): void {
    const f = m.fields;
    const type = num(f, 'mission_type');
    switch (m.name) {
      case 'MISSION_COUNT':
        return this.onCount(m, type, num(f, 'count'));
      case 'MISSION_ITEM_INT':
      case 'MISSION_ITEM':
        return this.onItem(m, type, m.name === 'MISSION_ITEM_INT');
      case 'MISSION_REQUEST_LIST':
        return this.reply(m, 'MISSION_COUNT', { count: this.store.count(type), mission_type: type });
      case 'MISSION_REQUEST_INT':
      case 'MISSION_REQUEST':
        return this.onDownloadRequest(m, type, num(f, 'seq'), m.name === 'MISSION_REQUEST_INT');
      case 'MISSION_CLEAR_ALL':
        return this.onClear(m, type);
      case 'MISSION_ACK':
        if (this.receiving && this.receiving.type === type && num(f, 'type') !== ACCEPTED) this.stopReceiving();
        return;
      case 'MISSION_SET_CURRENT':
        this.onSetCurrent(num(f, 'seq'));
        return;
      case 'COMMAND_LONG':
        if (num(f, 'command') === MAV_CMD_DO_SET_MISSION_CURRENT) this.onSetCurrentCommand(m, num(f, 'param1'));
        return;
    }
  }

  private reply(to: Message, name: string, fields: Record<string, number>): void {
    this.port.send(name, { target_system: to.sysid, target_component: to.compid, ...fields });
  }

  private ack(to: { sysid: number; compid: number }, type: number, result: number): void {
    this.port.send('MISSION_ACK', { target_system: to.sysid, target_component: to.compid, type: result, mission_type: type });
  }

  private onCount(m: Message, type: number, count: number): void {
    if (type > 2) return this.ack(m, type, GENERIC_ERROR);
    // A new MISSION_COUNT (or the GCS re-sending it) starts the upload over from item 0.
    this.stopReceiving();
    if (!this.store.fits(type, count)) return this.ack(m, type, NO_SPACE);
    if (count === 0) {
      this.store.clear(type);
      this.lastCompleted = { type, count };
      return this.ack(m, type, ACCEPTED);
    }
    this.lastCompleted = undefined;
    this.receiving = { type, count, next: 0, items: [], gcs: { sysid: m.sysid, compid: m.compid } };
    this.armAbandon();
    this.requestNext();
  }

  private requestNext(): void {
    const r = this.receiving;
    if (!r) return;
    this.port.send(this.opts.requestInt ? 'MISSION_REQUEST_INT' : 'MISSION_REQUEST', {
      target_system: r.gcs.sysid,
      target_component: r.gcs.compid,
      seq: r.next,
      mission_type: r.type,
    });
    if (r.reRequest !== undefined) this.clock.clearTimeout(r.reRequest);
    r.reRequest = this.clock.setTimeout(() => {
      r.reRequest = undefined;
      if (this.receiving !== r) return;
      this.stats.reRequests++;
      this.requestNext();
    }, this.opts.reRequestMs);
  }

  private armAbandon(): void {
    const r = this.receiving;
    if (!r) return;
    if (r.abandon !== undefined) this.abandonClock.clearTimeout(r.abandon);
    r.abandon = this.abandonClock.setTimeout(() => {
      if (this.receiving !== r) return;
      this.stats.uploadsAbandoned++;
      this.ack(r.gcs, r.type, OPERATION_CANCELLED);
      this.stopReceiving();
    }, this.opts.uploadTimeoutMs);
  }

  private onItem(m: Message, type: number, intXY: boolean): void {
    const seq = num(m.fields, 'seq');
    const r = this.receiving;
    if (!r || r.type !== type) {
      // Our ACCEPTED for the last item was lost and the GCS re-sent that item: say it again.
      const done = this.lastCompleted;
      if (done && done.type === type && seq === done.count - 1) this.ack(m, type, ACCEPTED);
      return;
    }
    if (seq !== r.next) {
      this.stats.invalidSequence++;
      this.ack(m, type, INVALID_SEQUENCE);
      return;
    }
    const item = storedFromFields(m.fields, intXY);
    const verdict = this.opts.checkItem?.(item, seq, type) ?? ACCEPTED;
    if (verdict !== ACCEPTED) {
      this.stopReceiving();
      this.ack(m, type, verdict);
      return;
    }
    r.items.push(item);
    r.next++;
    if (r.next < r.count) {
      this.armAbandon();
      this.requestNext();
      return;
    }
    this.stopReceiving();
    this.store.replace(type, r.items);
    this.lastCompleted = { type, count: r.count };
    this.stats.uploadsCompleted++;
    this.ack(m, type, ACCEPTED);
  }

  private onDownloadRequest(m: Message, type: number, seq: number, asInt: boolean): void {
    const item = this.store.read(type, seq);
    if (!item) return this.ack(m, type, INVALID_SEQUENCE);
    const scale = asInt ? 1 : 1e-7;
    const global = [0, 3, 5, 6, 10, 11].includes(item.frame);
    this.reply(m, asInt ? 'MISSION_ITEM_INT' : 'MISSION_ITEM', {
      ...item,
      // Legacy MISSION_ITEM carries degrees as float32: the precision loss is the reason it is legacy.
      x: global ? item.x * scale : item.x,
      y: global ? item.y * scale : item.y,
      seq,
      current: type === 0 && seq === this.store.currentSeq ? 1 : 0,
      mission_type: type,
    });
  }

  private onClear(m: Message, type: number): void {
    if (this.receiving && (type === MISSION_TYPE_ALL || this.receiving.type === type)) this.stopReceiving();
    if (type === MISSION_TYPE_ALL) for (const t of [0, 1, 2]) this.store.clear(t);
    else if (type <= 2) this.store.clear(type);
    else return this.ack(m, type, GENERIC_ERROR);
    this.ack(m, type, ACCEPTED);
  }

  private onSetCurrent(seq: number): boolean {
    if (seq >= this.store.count(0)) return false;
    this.store.currentSeq = seq;
    this.port.send('MISSION_CURRENT', { seq, total: this.store.count(0) });
    return true;
  }

  private onSetCurrentCommand(m: Message, seqParam: number): void {
    const mode = this.opts.setCurrentCommand;
    if (mode === 'ignore') return;
    const result = mode === 'unsupported' ? 3 : this.onSetCurrent(Math.trunc(seqParam)) ? 0 : 2; // MAV_RESULT
    this.reply(m, 'COMMAND_ACK', { command: MAV_CMD_DO_SET_MISSION_CURRENT, result });
  }

  private stopReceiving(): void {
    const r = this.receiving;
    if (!r) return;
    if (r.reRequest !== undefined) this.clock.clearTimeout(r.reRequest);
    if (r.abandon !== undefined) this.abandonClock.clearTimeout(r.abandon);
    this.receiving = undefined;
  }
}

function storedFromFields(f: Message['fields'], intXY: boolean): StoredItem {
  const frame = num(f, 'frame');
  const global = [0, 3, 5, 6, 10, 11].includes(frame);
  // A legacy MISSION_ITEM carries degrees as floats; the store keeps degE7 like ArduPilot does.
  const toInt = (v: number) => (intXY || !global ? v : Math.round(v * 1e7));
  return {
    command: num(f, 'command'),
    frame,
    current: num(f, 'current'),
    autocontinue: num(f, 'autocontinue'),
    param1: num(f, 'param1'),
    param2: num(f, 'param2'),
    param3: num(f, 'param3'),
    param4: num(f, 'param4'),
    x: toInt(num(f, 'x')),
    y: toInt(num(f, 'y')),
    z: num(f, 'z'),
  };
}
