// A ProtocolPort for one vehicle on the LinkManager: sends with the link's own Encoder (so the link
// keeps its sequence numbers) on the link the vehicle was heard on most recently, and delivers only
// that vehicle's messages. The engines write target ids into the fields themselves (see protocol/port).
import type { Fields, Message } from '../mavlink';
import type { LinkManager } from '../links';
import type { ProtocolPort } from '../protocol/port';

export interface VehicleAddress {
  sysid: number;
  compid: number;
}

export class VehicleLinkPort implements ProtocolPort {
  private readonly handlers = new Set<(m: Message) => void>();
  private readonly unsubscribe: () => void;

  /**
   * @param linkOf the link to send on, asked at every send: a vehicle heard on two radios answers on
   *   whichever it was heard on last, so a failover keeps a transfer going.
   */
  constructor(
    private readonly links: LinkManager,
    private readonly vehicle: VehicleAddress,
    private readonly linkOf: () => string | undefined,
  ) {
    this.unsubscribe = links.onMessage((m) => {
      if (m.sysid !== vehicle.sysid || m.compid !== vehicle.compid) return;
      for (const h of [...this.handlers]) h(m);
    });
  }

  send(name: string, fields: Fields): void {
    const id = this.linkOf();
    // No link (closed under us): dropped, and the engines' timeouts turn the silence into a clear error.
    if (id !== undefined) this.links.send(id, name, fields);
  }

  onMessage(handler: (m: Message) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  dispose(): void {
    this.unsubscribe();
    this.handlers.clear();
  }

  get address(): VehicleAddress {
    return { ...this.vehicle };
  }
}
