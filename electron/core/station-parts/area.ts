// A station area (plan, ops, replay, maps, security) implements its calls of the contract over this
// shared context. GroundStation builds each area once and exposes its calls as its own methods, so an
// area grows in its own files without every change passing through station.ts.
import type { CheckedParams, Caller, CallResults, Method } from '../../../shared/contract/api';
import type { HostKind } from '../../../shared/contract/types';
import type { Clock } from '../protocol/port';
import type { StationDb } from '../recording/station-db';
import type { SecretBox } from '../security/secret-box';
import type { EventHub } from './event-hub';
import type { LiveSession } from './live-session';
import type { VehicleOperations } from './vehicle-operations';

export interface AreaContext {
  host: HostKind;
  hub: EventHub;
  session: LiveSession;
  operations: VehicleOperations;
  db: StationDb;
  dataDir: string;
  clock: Clock;
  sysid: number;
  /** Seals secrets at rest (security area); absent: a key file in dataDir. */
  secretBox?: SecretBox;
}

export type AreaApi<M extends Method> = {
  [K in M]: (params: CheckedParams<K>, caller: Caller) => Promise<CallResults[K]> | CallResults[K];
};

export interface StationArea<M extends Method> {
  api: AreaApi<M>;
  start?(): void | Promise<void>;
  /** Called on station close, in reverse order of creation. */
  close?(): void | Promise<void>;
}
