// What every transport is to the rest of the core: bytes in, bytes out, and a state a pilot can read.
// Framing, sequence numbers and statistics live a layer up (LinkManager), so a transport is only I/O.
import type { ContractError } from '../../../shared/contract/errors';
import type { LinkKind, LinkState, UserMessage } from '../../../shared/contract/types';

export interface Link {
  readonly id: string;
  readonly spec: string;
  readonly kind: LinkKind;
  readonly state: LinkState;
  /** Why the link is in 'error' or 'reconnecting'. */
  readonly error: UserMessage | null;
  /** Resolves once usable; rejects with a ContractError the pilot can act on (port in use, no device...). */
  open(): Promise<void>;
  /** Best effort: bytes sent while the link is down are dropped (MAVLink protocols retry by themselves). */
  send(bytes: Uint8Array): void;
  onData(handler: (bytes: Uint8Array) => void): () => void;
  onState(handler: (state: LinkState, error: UserMessage | null) => void): () => void;
  close(): Promise<void>;
}

/** Listener bookkeeping and state changes shared by every transport. */
export abstract class BaseLink implements Link {
  abstract readonly kind: LinkKind;
  private stateValue: LinkState = 'connecting';
  private errorValue: UserMessage | null = null;
  private readonly dataHandlers = new Set<(bytes: Uint8Array) => void>();
  private readonly stateHandlers = new Set<(state: LinkState, error: UserMessage | null) => void>();

  constructor(
    readonly id: string,
    protected specText: string,
  ) {}

  get spec(): string {
    return this.specText;
  }

  get state(): LinkState {
    return this.stateValue;
  }
  get error(): UserMessage | null {
    return this.errorValue;
  }
  get closed(): boolean {
    return this.stateValue === 'closed';
  }

  abstract open(): Promise<void>;
  abstract send(bytes: Uint8Array): void;
  abstract close(): Promise<void>;

  onData(handler: (bytes: Uint8Array) => void): () => void {
    this.dataHandlers.add(handler);
    return () => this.dataHandlers.delete(handler);
  }

  onState(handler: (state: LinkState, error: UserMessage | null) => void): () => void {
    this.stateHandlers.add(handler);
    return () => this.stateHandlers.delete(handler);
  }

  protected emitData(bytes: Uint8Array): void {
    if (this.closed) return;
    for (const h of this.dataHandlers) h(bytes);
  }

  protected setState(state: LinkState, error: ContractError | null = null): void {
    const message = error ? error.userMessage : null;
    if (this.stateValue === state && this.errorValue?.en === message?.en) return;
    // Once closed, a late socket event must not bring the link back to life.
    if (this.stateValue === 'closed') return;
    this.stateValue = state;
    this.errorValue = message;
    for (const h of this.stateHandlers) h(state, message);
  }
}

/** Exponential backoff for reconnecting transports: 0.5 s, 1 s, 2 s ... capped at 5 s. */
export function backoffMs(attempt: number): number {
  return Math.min(5000, 500 * 2 ** Math.min(attempt, 10));
}
