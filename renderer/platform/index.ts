// Picks the transport: the Electron preload's MessagePort when present, else a WebSocket to the
// server host that served this page. The rest of the UI sees only a StationClient.
import { createClient, type StationClient } from '../../shared/contract/client';
import type { HostKind } from '../../shared/contract/types';
import { acquireElectronPort, messagePortChannel, openWebSocket, webSocketChannel, type GcsBridge } from './channels';

export { PORT_MESSAGE } from './channels';

declare global {
  interface Window {
    /** Set by electron/preload only; absent in a browser. */
    gcsBridge?: GcsBridge;
  }
}

export interface StationConnection {
  client: StationClient;
  host: HostKind;
}

/**
 * The token the server printed arrives in the page address once. It is kept here for reconnects and
 * removed from the address bar, so it does not end up in screenshots or bookmarks; the server has
 * also set a cookie, so a reload still works.
 */
let rememberedToken: string | null = null;

function takeTokenFromAddress(): string | null {
  const params = new URLSearchParams(location.search);
  const token = params.get('token');
  if (token) {
    rememberedToken = token;
    params.delete('token');
    const rest = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
  }
  return rememberedToken;
}

/** Extra query for the WebSocket, e.g. `?role=observer` in the page address asks for a lesser role. */
function requestedRole(): string | null {
  return new URLSearchParams(location.search).get('role');
}

export function webSocketUrl(origin: string, token: string | null, role: string | null): string {
  const params = new URLSearchParams();
  if (token) params.set('token', token);
  if (role) params.set('role', role);
  const q = params.toString();
  return `${origin.replace(/^http/, 'ws')}/ws${q ? `?${q}` : ''}`;
}

export async function connectStation(): Promise<StationConnection> {
  const bridge = window.gcsBridge;
  if (bridge) {
    const port = await acquireElectronPort(bridge);
    return { client: createClient(messagePortChannel(port)), host: 'electron' };
  }
  const ws = await openWebSocket(webSocketUrl(location.origin, takeTokenFromAddress(), requestedRole()));
  return { client: createClient(webSocketChannel(ws)), host: 'server' };
}

export interface KeepConnectedHandlers {
  onConnected(conn: StationConnection): void;
  /** Called when the connection is lost or an attempt failed; `retryInMs` until the next try. */
  onDisconnected?(reason: string, retryInMs: number): void;
}

/**
 * Connects, and reconnects whenever the connection closes, backing off from 1 s to 10 s. Each new
 * connection is a new client: stores must re-subscribe and re-read state in onConnected.
 * Returns a function that stops reconnecting and closes the current client.
 */
export function keepStationConnected(handlers: KeepConnectedHandlers, connect: () => Promise<StationConnection> = connectStation): () => void {
  let stopped = false;
  let current: StationClient | null = null;
  let delayMs = 1000;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const retry = (reason: string) => {
    if (stopped) return;
    handlers.onDisconnected?.(reason, delayMs);
    timer = setTimeout(attempt, delayMs);
    delayMs = Math.min(delayMs * 2, 10_000);
  };

  async function attempt(): Promise<void> {
    timer = null;
    try {
      const conn = await connect();
      if (stopped) {
        conn.client.close();
        return;
      }
      delayMs = 1000;
      current = conn.client;
      conn.client.onClose(() => {
        current = null;
        retry('connection closed');
      });
      handlers.onConnected(conn);
    } catch (err) {
      retry(err instanceof Error ? err.message : String(err));
    }
  }

  void attempt();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    current?.close();
  };
}
