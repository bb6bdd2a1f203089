// MISSION_CLEAR_ALL -> MISSION_ACK, re-sent on silence (clearing twice is harmless).
import type { Message } from '../mavlink';
import { num } from './port';
import { MissionExchange } from './mission-exchange';
import { timeoutError, vehicleRejected } from './mission-errors';

const ACCEPTED = 0;

export class MissionClear extends MissionExchange<void> {
  protected begin(): void {
    this.sendClear();
  }

  private sendClear(): void {
    this.send('MISSION_CLEAR_ALL', { mission_type: this.ctx.missionType });
    this.arm(this.ctx.timing.ackTimeoutMs);
  }

  protected handle(m: Message): void {
    if (m.name !== 'MISSION_ACK') return;
    const result = num(m.fields, 'type');
    if (result === ACCEPTED) this.succeed();
    else this.fail(vehicleRejected('clear', this.ctx.missionType, result));
  }

  protected onTimeout(): void {
    if (this.exhausted()) {
      this.fail(timeoutError({ en: 'the vehicle did not confirm the clear', zh: '飞行器未确认清除' }, this.ctx.missionType));
      return;
    }
    this.sendClear();
  }
}
