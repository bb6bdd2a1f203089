// The UI's connection to the station (not the MAVLink links): which client, who we are, and
// whether we are connecting, connected, or waiting to retry.
import { create } from 'zustand';
import type { StationClient } from '../../shared/contract/client';
import type { HelloInfo, HostKind, Role } from '../../shared/contract/types';

export type ConnectionStatus = 'connecting' | 'connected' | 'lost';

export interface ConnectionState {
  status: ConnectionStatus;
  client: StationClient | null;
  host: HostKind | null;
  hello: HelloInfo | null;
  /** Consecutive failed attempts since the last good connection. */
  failures: number;
  /** When the next attempt starts (ms since epoch), while lost. */
  retryAtMs: number | null;
}

export const initialConnection: ConnectionState = { status: 'connecting', client: null, host: null, hello: null, failures: 0, retryAtMs: null };

export function connecting(s: ConnectionState): ConnectionState {
  return { ...s, status: 'connecting', client: null, retryAtMs: null };
}

export function connected(s: ConnectionState, client: StationClient, host: HostKind): ConnectionState {
  return { ...s, status: 'connected', client, host, failures: 0, retryAtMs: null };
}

export function lost(s: ConnectionState, retryAtMs: number): ConnectionState {
  return { ...s, status: 'lost', client: null, failures: s.failures + 1, retryAtMs };
}

/** Retry soon after a blip, then back off so a dead server is not hammered: 0.5 s, 1 s, 2 s … 10 s. */
export function backoffMs(failures: number): number {
  const n = Math.max(0, Math.floor(failures));
  return Math.min(10_000, 500 * 2 ** Math.min(n, 10));
}

export const useConnectionStore = create<ConnectionState>()(() => initialConnection);

export const selectRole = (s: ConnectionState): Role | null => s.hello?.role ?? null;
/** Flying-side actions (links, simulator) are the pilot's; the station enforces it, the UI says so early. */
export const selectMayFly = (s: ConnectionState): boolean => s.status === 'connected' && (s.hello === null || s.hello.role === 'pilot');
