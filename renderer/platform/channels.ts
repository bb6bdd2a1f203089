// The two transports the UI can be given, each as the contract's Channel.
import type { Channel } from '../../shared/contract/channel';

/** Must match electron/preload/preload.ts: the tag on the window message that carries the port. */
export const PORT_MESSAGE = 'gcs:contract-port';

export function messagePortChannel(port: MessagePort): Channel {
  const closeHandlers: Array<() => void> = [];
  let closed = false;
  const fireClose = () => {
    if (closed) return;
    closed = true;
    for (const h of closeHandlers) h();
  };
  // Electron fires 'close' on a MessagePort when the other end goes away (the main process quit or
  // dropped the connection); plain browsers never do, which is fine: there the port is not used.
  port.addEventListener('close', fireClose);
  return {
    send(text) {
      if (!closed) port.postMessage(text);
    },
    onMessage(handler) {
      port.addEventListener('message', (ev: MessageEvent) => {
        if (typeof ev.data === 'string') handler(ev.data);
      });
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

/** Wraps a WebSocket that is already open. */
export function webSocketChannel(ws: WebSocket): Channel {
  return {
    send(text) {
      if (ws.readyState === WebSocket.OPEN) ws.send(text);
    },
    onMessage(handler) {
      ws.addEventListener('message', (ev: MessageEvent) => {
        if (typeof ev.data === 'string') handler(ev.data);
      });
    },
    onClose(handler) {
      ws.addEventListener('close', () => handler());
    },
    close() {
      ws.close(1000, 'closed by the UI');
    },
  };
}

/** Opens a WebSocket and resolves once it is open; rejects if it closes first. */
export function openWebSocket(url: string, timeoutMs = 10_000): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const timer = setTimeout(() => {
      ws.close();
      reject(new Error('The station did not answer in time.'));
    }, timeoutMs);
    ws.addEventListener('open', () => {
      clearTimeout(timer);
      resolve(ws);
    });
    // A refused upgrade (wrong token, foreign origin) shows up as close without open; the browser
    // does not tell us the HTTP status, so the message stays general.
    ws.addEventListener('close', () => {
      clearTimeout(timer);
      reject(new Error('The station refused or closed the connection.'));
    });
  });
}

export interface GcsBridge {
  acquirePort(): void;
}

/**
 * Asks the preload for the contract port and waits for it. The listener is installed before the
 * request, so the answer cannot arrive unheard. Only a message from this very window (the preload
 * posts from it) with our tag and a port is accepted.
 */
export function acquireElectronPort(bridge: GcsBridge, win: Window = window, timeoutMs = 10_000): Promise<MessagePort> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      win.removeEventListener('message', onMessage);
      reject(new Error('The desktop app did not hand over its connection in time.'));
    }, timeoutMs);
    function onMessage(ev: MessageEvent) {
      if (ev.source !== win || ev.data !== PORT_MESSAGE || ev.ports.length !== 1) return;
      clearTimeout(timer);
      win.removeEventListener('message', onMessage);
      resolve(ev.ports[0]);
    }
    win.addEventListener('message', onMessage);
    bridge.acquirePort();
  });
}
