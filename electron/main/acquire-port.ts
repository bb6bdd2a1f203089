// Handing a renderer its contract port: validate who asks, then one MessageChannel per document.
import type { Station } from '../../shared/contract/api';
import { attachConnection, type Dispatcher } from '../../shared/contract/dispatch';
import { mainPortChannel, type MainPortLike } from './port-channel';
import type { Refusal } from '../core/security/audit-log';
import { createRefusalRecorder } from '../core/security/refusal-recorder';
import { PORT_CHANNEL, untrustedSenderReason, type SenderFrameLike } from './security';

/** The parts of an IpcMainEvent this needs; Electron's own event fits. */
export interface AcquireEventLike<P> {
  senderFrame: SenderFrameLike | null;
  sender: { id: number; postMessage(channel: string, message: unknown, transfer: P[]): void };
}

export interface PortBroker<P> {
  /** Returns whether a port was handed out. */
  handle(event: AcquireEventLike<P>): boolean;
  closeAll(): void;
}

/** P is the type of the port sent to the renderer: MessagePortMain in Electron, anything in tests. */
export function createPortBroker<P>(opts: {
  station: Station;
  createChannel: () => { port1: MainPortLike; port2: P };
  warn?: (line: string) => void;
  /** Every refusal, besides the console line: the station's audit log, as the server host does. */
  onRefusal?: (r: Refusal) => void;
}): PortBroker<P> {
  const warn = opts.warn ?? ((l: string) => console.warn(l));
  const audit = createRefusalRecorder({ record: opts.onRefusal, floodChannel: 'ipc' });
  // One live connection per window: a reload asks again, and the old one must stop getting events.
  const byWebContents = new Map<number, Dispatcher>();
  return {
    handle(event) {
      const untrusted = untrustedSenderReason(event.senderFrame);
      if (untrusted !== null) {
        const who = event.senderFrame ? `frame ${event.senderFrame.url.slice(0, 120)}` : 'a frame that is gone';
        warn(`[gcs main] refused a station port to ${who}`);
        audit({ channel: 'ipc', who, reason: `station port refused: ${untrusted}` });
        return false;
      }
      byWebContents.get(event.sender.id)?.close();
      const { port1, port2 } = opts.createChannel();
      const dispatcher = attachConnection(mainPortChannel(port1), opts.station, { role: 'pilot', name: 'desktop window' }, (reason) => {
        warn(`[gcs main] desktop window: ${reason}`);
        audit({ channel: 'call', who: 'desktop window', reason });
      });
      byWebContents.set(event.sender.id, dispatcher);
      event.sender.postMessage(PORT_CHANNEL, null, [port2]);
      return true;
    },
    closeAll() {
      for (const d of byWebContents.values()) d.close();
      byWebContents.clear();
    },
  };
}
