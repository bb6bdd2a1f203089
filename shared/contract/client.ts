// UI side of the contract: typed calls with promises, typed event subscriptions.
import { envelopeSchema, type CallParams, type CallResults, type EventName, type Events, type Method } from './api';
import type { Channel } from './channel';
import { ContractError, msg } from './errors';

export interface StationClient {
  call<M extends Method>(method: M, params?: CallParams<M>): Promise<CallResults[M]>;
  on<E extends EventName>(name: E, handler: (payload: Events[E]) => void): () => void;
  onClose(handler: () => void): void;
  close(): void;
}

export function createClient(channel: Channel, callTimeoutMs = 30_000): StationClient {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void; timer: ReturnType<typeof setTimeout> }>();
  const handlers = new Map<string, Set<(p: unknown) => void>>();
  const closeHandlers: Array<() => void> = [];

  channel.onMessage((text) => {
    let parsed;
    try {
      parsed = envelopeSchema.safeParse(JSON.parse(text));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const env = parsed.data;
    if (env.t === 'result') {
      const p = pending.get(env.id);
      if (!p) return;
      pending.delete(env.id);
      clearTimeout(p.timer);
      if (env.ok) p.resolve(env.value);
      else p.reject(new ContractError(env.error?.code ?? 'unknown', env.error?.message ?? msg('Unknown error', '未知错误')));
    } else if (env.t === 'event') {
      for (const h of handlers.get(env.name) ?? []) h(env.payload);
    }
  });
  channel.onClose(() => {
    for (const [, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new ContractError('disconnected', msg('Lost the connection to the station.', '与地面站的连接已断开。')));
    }
    pending.clear();
    for (const h of closeHandlers) h();
  });

  return {
    call(method, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new ContractError('timeout', msg(`The station did not answer "${method}" in time.`, `地面站未及时响应“${method}”。`)));
        }, callTimeoutMs);
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
        channel.send(JSON.stringify({ t: 'call', id, method, params: params ?? {} }));
      });
    },
    on(name, handler) {
      let set = handlers.get(name);
      if (!set) handlers.set(name, (set = new Set()));
      set.add(handler as (p: unknown) => void);
      return () => set!.delete(handler as (p: unknown) => void);
    },
    onClose(handler) {
      closeHandlers.push(handler);
    },
    close() {
      channel.close();
    },
  };
}
