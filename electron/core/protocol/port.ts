// The two things every protocol engine is given instead of reaching for a link or the wall clock:
//
//   ProtocolPort: where the engine sends messages and hears the vehicle. The port (not the engine)
//     encodes with the link's Encoder (so the link owns sequence numbers) and filters incoming
//     messages down to ONE vehicle (its sysid/compid), so an engine never sees another vehicle's
//     MISSION_ACK. Target ids are written by the engine into the fields it sends, because several
//     messages (COMMAND_*, MISSION_*) carry them and the engine knows which component it is talking to.
//   Clock: now() and timers. Production passes systemClock; tests pass FakeClock and step time by hand,
//     so a 9-second retry chain runs in microseconds and the same seed gives the same run.
import type { Fields, Message } from '../mavlink';

export interface ProtocolPort {
  /** Encode and send on the link. Never throws for a lost link: the engines' timeouts handle silence. */
  send(name: string, fields: Fields): void;
  /** Subscribe to messages from the vehicle this port is bound to. Returns the unsubscribe function. */
  onMessage(handler: (m: Message) => void): () => void;
}

export type TimerHandle = unknown;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Who the engine talks to (the vehicle) and who it is (the ground station), for target-id checks. */
export interface ProtocolIds {
  targetSystem: number;
  targetComponent: number;
  /** Our own ids: acknowledgements addressed to another ground station are ignored. */
  ownSystem: number;
  ownComponent: number;
}

/** True when a message's optional target fields are absent/zero (broadcast) or name us. */
export function addressedTo(fields: Fields, sysid: number, compid: number): boolean {
  const ts = typeof fields.target_system === 'number' ? fields.target_system : 0;
  const tc = typeof fields.target_component === 'number' ? fields.target_component : 0;
  return (ts === 0 || ts === sysid) && (tc === 0 || tc === compid);
}

export function num(fields: Fields, name: string): number {
  const v = fields[name];
  return typeof v === 'number' ? v : 0;
}
