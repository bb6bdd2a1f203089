// A `ws` WebSocket as the contract's Channel.
import type { WebSocket } from 'ws';
import type { Channel } from '../../shared/contract/channel';

/**
 * A peer that stops reading (a sleeping laptop, a stalled tab) would make us buffer events without
 * end. Past this much unsent data we drop the connection; the UI reconnects and gets a fresh state.
 */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export function wsChannel(ws: WebSocket, onRefusal?: (reason: string) => void): Channel {
  return {
    send(text) {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        onRefusal?.('peer is not reading; connection dropped');
        ws.terminate();
        return;
      }
      ws.send(text);
    },
    onMessage(handler) {
      ws.on('message', (data, isBinary) => {
        if (isBinary) {
          onRefusal?.('binary message');
          return;
        }
        const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
        handler(text);
      });
    },
    onClose(handler) {
      ws.on('close', () => handler());
    },
    close() {
      ws.close(1000, 'closed');
    },
  };
}
