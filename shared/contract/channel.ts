/**
 * The smallest thing both transports are: a WebSocket (server host) and a MessagePort (Electron
 * host) each become one of these. Messages are JSON text.
 */
export interface Channel {
  send(text: string): void;
  onMessage(handler: (text: string) => void): void;
  onClose(handler: () => void): void;
  close(): void;
}
