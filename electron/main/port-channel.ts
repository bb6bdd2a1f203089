// Electron's MessagePortMain as the contract's Channel. Typed structurally, so this file does not
// import 'electron' and is tested with a fake port.
import type { Channel } from '../../shared/contract/channel';

export interface MainPortLike {
  on(event: 'message', listener: (ev: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

export function mainPortChannel(port: MainPortLike): Channel {
  const closeHandlers: Array<() => void> = [];
  let closed = false;
  const fireClose = () => {
    if (closed) return;
    closed = true;
    for (const h of closeHandlers) h();
  };
  // Electron emits 'close' when the renderer's end goes away (reload, window closed, crash).
  port.on('close', fireClose);
  return {
    send(text) {
      if (!closed) port.postMessage(text);
    },
    onMessage(handler) {
      port.on('message', (ev) => {
        if (typeof ev.data === 'string') handler(ev.data);
      });
      // MessagePortMain queues messages until started; start after the listener is in place.
      port.start();
    },
    onClose(handler) {
      closeHandlers.push(handler);
    },
    close() {
      port.close();
      fireClose();
    },
  };
}
