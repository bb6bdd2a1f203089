// The legacy way to change the active mission item: MISSION_SET_CURRENT, confirmed by a MISSION_CURRENT
// carrying the new seq. The vehicle streams MISSION_CURRENT anyway, so one with the OLD seq is just the
// stream running ahead of our request: keep waiting for ours.
import type { Message } from '../mavlink';
import { num } from './port';
import { MissionExchange } from './mission-exchange';
import { timeoutError } from './mission-errors';

export class MissionSetCurrentLegacy extends MissionExchange<void> {
  constructor(ctx: ConstructorParameters<typeof MissionExchange>[0], private readonly seq: number) {
    super(ctx);
  }

  protected begin(): void {
    this.sendSet();
  }

  private sendSet(): void {
    this.send('MISSION_SET_CURRENT', { seq: this.seq });
    this.arm(this.ctx.timing.ackTimeoutMs);
  }

  protected handle(m: Message): void {
    if (m.name === 'MISSION_CURRENT' && num(m.fields, 'seq') === this.seq) this.succeed();
  }

  protected onTimeout(): void {
    if (this.exhausted()) {
      this.fail(timeoutError({ en: `the vehicle did not switch to item ${this.seq}`, zh: `飞行器未切换到第 ${this.seq} 项` }, 0, this.seq));
      return;
    }
    this.sendSet();
  }
}
