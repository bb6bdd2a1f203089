// Keeps the UI connected to the station: connect, bind the stores, and when the transport closes
// (station restarted, laptop slept, Wi-Fi dropped) try again with backoff, for as long as the UI lives.
import type { StationClient } from '../../shared/contract/client';
import type { HostKind } from '../../shared/contract/types';
import { backoffMs, connected, connecting, lost, useConnectionStore } from './connection';
import { bindStationClient } from './station-sync';

export type ConnectFn = () => Promise<{ client: StationClient; host: HostKind }>;

export interface SessionOptions {
  now?: () => number;
  bind?: (client: StationClient) => () => void;
}

/** Starts the loop; the returned function stops it and closes the current client. */
export function startSession(connect: ConnectFn, opts: SessionOptions = {}): () => void {
  const now = opts.now ?? Date.now;
  const bind = opts.bind ?? bindStationClient;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let current: StationClient | null = null;
  let unbind: (() => void) | null = null;

  const scheduleRetry = (): void => {
    if (stopped) return;
    const delay = backoffMs(useConnectionStore.getState().failures);
    useConnectionStore.setState((s) => lost(s, now() + delay));
    retryTimer = setTimeout(attempt, delay);
  };

  async function attempt(): Promise<void> {
    retryTimer = null;
    if (stopped) return;
    useConnectionStore.setState((s) => connecting(s));
    let result: Awaited<ReturnType<ConnectFn>>;
    try {
      result = await connect();
    } catch {
      scheduleRetry();
      return;
    }
    if (stopped) {
      result.client.close();
      return;
    }
    const { client, host } = result;
    current = client;
    let closed = false;
    client.onClose(() => {
      if (closed) return;
      closed = true;
      unbind?.();
      unbind = null;
      if (current === client) current = null;
      scheduleRetry();
    });
    useConnectionStore.setState((s) => connected(s, client, host));
    unbind = bind(client);
  }

  void attempt();
  return () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    unbind?.();
    current?.close();
    current = null;
  };
}
