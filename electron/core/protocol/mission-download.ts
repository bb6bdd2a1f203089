// Download: MISSION_REQUEST_LIST -> MISSION_COUNT -> MISSION_REQUEST_INT for each seq -> MISSION_ACK.
// Here WE drive, so we re-request on a short timer (QGC: 250 ms) and keep whatever arrives, in any
// order; the retry counter resets whenever an item we did not have arrives.
import type { Message } from '../mavlink';
import { num } from './port';
import { MissionExchange } from './mission-exchange';
import { protocolError, timeoutError, vehicleRejected } from './mission-errors';
import { fromWireFields, type ProtocolMissionItem } from './mission-item';

const ACCEPTED = 0;

export class MissionDownload extends MissionExchange<ProtocolMissionItem[]> {
  private count = -1;
  private items: Array<ProtocolMissionItem | undefined> = [];
  private received = 0;
  private next = 0;

  protected begin(): void {
    this.requestList();
  }

  private requestList(): void {
    this.send('MISSION_REQUEST_LIST', { mission_type: this.ctx.missionType });
    this.arm(this.ctx.timing.ackTimeoutMs);
  }

  private requestNext(): void {
    this.send('MISSION_REQUEST_INT', { seq: this.next, mission_type: this.ctx.missionType });
    this.arm(this.ctx.timing.itemTimeoutMs);
  }

  protected handle(m: Message): void {
    switch (m.name) {
      case 'MISSION_COUNT':
        return this.onCount(num(m.fields, 'count'));
      case 'MISSION_ITEM_INT':
        return this.onItem(m, true);
      case 'MISSION_ITEM':
        return this.onItem(m, false);
      case 'MISSION_ACK': {
        const result = num(m.fields, 'type');
        // An ACCEPTED here is an echo of some earlier exchange; only errors mean something.
        if (result !== ACCEPTED) this.fail(vehicleRejected('download', this.ctx.missionType, result));
        return;
      }
    }
  }

  private onCount(count: number): void {
    if (this.count === -1) {
      this.count = count;
      this.retries = 0;
      this.items = new Array(count);
      this.ctx.onProgress?.(0, count);
      if (count === 0) this.finishDownload();
      else this.requestNext();
      return;
    }
    if (count !== this.count) {
      // Someone else changed the mission while we were reading it: what we have is a mix of two.
      this.fail(
        protocolError(
          'mission_changed_during_download',
          { en: `the vehicle's item count changed from ${this.count} to ${count} during the download`, zh: `下载过程中飞行器的项目数量由 ${this.count} 变为 ${count}` },
          this.ctx.missionType,
        ),
      );
    }
  }

  private onItem(m: Message, intXY: boolean): void {
    if (this.count < 0) return; // an item before the count: a leftover of an earlier exchange
    const seq = num(m.fields, 'seq');
    if (seq >= this.count) {
      this.fail(
        protocolError(
          'mission_bad_item',
          { en: `the vehicle sent item ${seq} of a ${this.count}-item list`, zh: `飞行器发送了第 ${seq} 项，但列表只有 ${this.count} 项` },
          this.ctx.missionType,
          seq,
        ),
      );
      return;
    }
    if (this.items[seq]) return; // duplicate
    this.items[seq] = fromWireFields(m.fields, intXY);
    this.received++;
    this.retries = 0;
    this.ctx.onProgress?.(this.received, this.count);
    if (this.received === this.count) {
      this.finishDownload();
      return;
    }
    if (seq === this.next) {
      while (this.items[this.next]) this.next++;
      this.requestNext();
    }
  }

  private finishDownload(): void {
    this.send('MISSION_ACK', { type: ACCEPTED, mission_type: this.ctx.missionType });
    this.succeed(this.items as ProtocolMissionItem[]);
  }

  protected onTimeout(): void {
    const type = this.ctx.missionType;
    if (this.exhausted()) {
      if (this.count < 0) this.fail(timeoutError({ en: 'the vehicle did not say how many items it has', zh: '飞行器未返回项目数量' }, type));
      else this.fail(timeoutError({ en: `item ${this.next} of ${this.count} never arrived`, zh: `第 ${this.next}/${this.count} 项始终未收到` }, type, this.next));
      return;
    }
    if (this.count < 0) this.requestList();
    else this.requestNext();
  }
}
