import type { Caller, CheckedParams, CallResults, EventName, Events, Method } from '../../../shared/contract/api';

export interface FakeAreaContext {
  emit<E extends EventName>(name: E, payload: Events[E]): void;
  record(method: string, caller: Caller): void;
}

export type FakeArea<M extends Method> = {
  [K in M]: (params: CheckedParams<K>, caller: Caller) => Promise<CallResults[K]> | CallResults[K];
};
