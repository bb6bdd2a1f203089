// Upload: MISSION_COUNT, then answer every MISSION_REQUEST_INT / MISSION_REQUEST with MISSION_ITEM_INT
// until MISSION_ACK. The vehicle drives the transfer; we answer whatever it asks for, in any order and
// as often as it asks (its re-requests are how it recovers from our lost items).
//
// Where we differ from QGC, and why: QGC gives up when the vehicle goes quiet mid-transfer. On a lossy
// radio that silence is usually OUR item or ITS request being lost, so we re-send the item it last
// asked for (up to maxRetries, reset each time it speaks). When every item has been asked for and the
// final ACK does not come, we re-send the last item; if that still gives no ACK the upload is reported
// as UNCONFIRMED (not failed, not succeeded): the caller reads the mission back to find out.
import type { Message } from '../mavlink';
import { num } from './port';
import { MissionExchange, type ExchangeContext } from './mission-exchange';
import { kindEn, kindZh, protocolError, timeoutError, vehicleRejected, MissionTransferError } from './mission-errors';
import { toWire, type ProtocolMissionItem, type WireMissionItem } from './mission-item';
import { msg } from '../../../shared/contract/errors';

const ACCEPTED = 0;
const GENERIC_ERROR = 1;
const INVALID_SEQUENCE = 13;
const OPERATION_CANCELLED = 15;

export const UPLOAD_UNCONFIRMED = 'mission_upload_unconfirmed';

export interface UploadReport {
  /** Times the vehicle started over from item 0. */
  restarts: number;
  /** Item messages sent, re-sends included. */
  itemsSent: number;
}

export class MissionUpload extends MissionExchange<UploadReport> {
  private readonly wire: WireMissionItem[];
  private readonly requested = new Set<number>();
  private lastRequested = -1;
  private progress = 0;
  private readonly report: UploadReport = { restarts: 0, itemsSent: 0 };

  constructor(ctx: ExchangeContext, items: readonly ProtocolMissionItem[]) {
    super(ctx);
    this.wire = items.map((it, seq) => toWire(it, seq, ctx.missionType));
  }

  private get allRequested(): boolean {
    return this.requested.size === this.wire.length;
  }

  protected begin(): void {
    this.sendCount();
  }

  private sendCount(): void {
    this.send('MISSION_COUNT', { count: this.wire.length, mission_type: this.ctx.missionType });
    this.arm(this.ctx.timing.ackTimeoutMs);
  }

  protected override onCancel(): void {
    this.send('MISSION_ACK', { type: OPERATION_CANCELLED, mission_type: this.ctx.missionType });
  }

  protected handle(m: Message): void {
    if (m.name === 'MISSION_REQUEST_INT' || m.name === 'MISSION_REQUEST') this.onRequest(num(m.fields, 'seq'));
    else if (m.name === 'MISSION_ACK') this.onAck(num(m.fields, 'type'));
  }

  private onRequest(seq: number): void {
    const type = this.ctx.missionType;
    if (seq >= this.wire.length) {
      // Tell the vehicle to stop too, so it does not sit waiting for an item that does not exist.
      this.send('MISSION_ACK', { type: OPERATION_CANCELLED, mission_type: type });
      this.fail(
        protocolError(
          'mission_bad_request',
          {
            en: `the vehicle asked for item ${seq} but only ${this.wire.length} were offered`,
            zh: `飞行器请求第 ${seq} 项，但只发送了 ${this.wire.length} 项`,
          },
          type,
          seq,
        ),
      );
      return;
    }
    if (seq === 0 && this.lastRequested > 0) this.report.restarts++;
    this.requested.add(seq);
    this.lastRequested = seq;
    this.retries = 0;
    this.sendItem(seq);
    // Progress is what the vehicle has asked for so far; a restart sends it back to the start.
    this.progress = seq === 0 ? 1 : Math.max(this.progress, seq + 1);
    this.ctx.onProgress?.(this.progress, this.wire.length);
    this.arm(this.ctx.timing.ackTimeoutMs);
  }

  private sendItem(seq: number): void {
    this.report.itemsSent++;
    this.send('MISSION_ITEM_INT', { ...this.wire[seq], target_system: this.ctx.ids.targetSystem, target_component: this.ctx.ids.targetComponent });
  }

  private onAck(result: number): void {
    const type = this.ctx.missionType;
    if (result === ACCEPTED) {
      // An ACCEPTED before every item was asked for is a late duplicate of an earlier transfer's ACK
      // (the link duplicates and reorders): taking it would report a half mission as done.
      if (this.allRequested) this.succeed(this.report);
      else this.ignored++;
      return;
    }
    if (result === INVALID_SEQUENCE && !this.allRequested) {
      // The vehicle got a duplicate of an item it already had; it keeps asking for the one it wants.
      this.ignored++;
      return;
    }
    if (result === INVALID_SEQUENCE && this.retries === 0) {
      this.ignored++; // a reply to a duplicate, before we re-sent anything ourselves
      return;
    }
    if (this.allRequested && this.retries > 0 && (result === INVALID_SEQUENCE || result === GENERIC_ERROR)) {
      // We re-sent the last item because the ACK never came, and the vehicle answers that it is not
      // receiving (INVALID_SEQUENCE or a generic error, depending on the autopilot): it either stored
      // the list and its ACK was lost, or dropped it. Only a read-back can tell.
      this.fail(unconfirmed(type, this.wire.length));
      return;
    }
    this.fail(vehicleRejected('upload', type, result));
  }

  protected onTimeout(): void {
    const type = this.ctx.missionType;
    const n = this.wire.length;
    if (this.exhausted()) {
      if (this.lastRequested < 0) {
        this.fail(timeoutError({ en: `the vehicle did not answer the item count (${n})`, zh: `飞行器未响应航点数量（${n}）` }, type));
      } else if (this.allRequested) {
        this.fail(unconfirmed(type, n));
      } else {
        this.fail(
          timeoutError(
            { en: `the vehicle stopped asking for items (${this.requested.size} of ${n} requested)`, zh: `飞行器停止请求航点（已请求 ${this.requested.size}/${n}）` },
            type,
            this.lastRequested,
          ),
        );
      }
      return;
    }
    if (this.lastRequested < 0) {
      this.sendCount();
      return;
    }
    // Guess that our answer to its last request was lost; the vehicle ignores a duplicate.
    this.sendItem(this.allRequested ? n - 1 : this.lastRequested);
    this.arm(this.ctx.timing.ackTimeoutMs);
  }
}

function unconfirmed(missionType: number, n: number): MissionTransferError {
  return new MissionTransferError(
    UPLOAD_UNCONFIRMED,
    msg(
      `All ${n} ${kindEn(missionType)} items were sent but the vehicle never confirmed. Read the ${kindEn(missionType)} back before flying it.`,
      `${kindZh(missionType)}的全部 ${n} 项已发送，但飞行器未确认。飞行前请回读核对。`,
    ),
    { missionType },
  );
}
