// Station side of the contract: parse an envelope, check the caller's role, validate params, call.
import { callSchemas, envelopeSchema, MAX_ENVELOPE_BYTES, permissions, type Caller, type EventName, type Events, type Method, type Station, type StationApi } from './api';
import type { Channel } from './channel';
import { ContractError, msg, toErrorValue } from './errors';

export interface Dispatcher {
  /** Push an event to this connection. */
  emit<E extends EventName>(name: E, payload: Events[E]): void;
  close(): void;
}

function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(callSchemas, name);
}

export async function handleCall(api: StationApi, caller: Caller, method: string, params: unknown): Promise<unknown> {
  if (!isMethod(method)) throw new ContractError('unknown_method', msg(`Unknown call "${method}".`, `未知的调用“${method}”。`));
  if (!permissions[method].includes(caller.role)) {
    throw new ContractError(
      'forbidden',
      msg(`The ${caller.role} role may not do "${method}".`, `${roleZh(caller.role)}角色无权执行“${method}”。`),
    );
  }
  const parsed = callSchemas[method].safeParse(params ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.join('.') || 'params';
    throw new ContractError('bad_params', msg(`Invalid ${where} for "${method}": ${first?.message ?? 'invalid'}.`, `“${method}”的参数 ${where} 无效：${first?.message ?? ''}。`));
  }
  const fn = api[method] as (p: unknown, c: Caller) => unknown;
  return await fn.call(api, parsed.data, caller);
}

function roleZh(role: string): string {
  return ({ pilot: '飞手', commander: '指挥员', trainer: '教员', observer: '观察员' } as Record<string, string>)[role] ?? role;
}

/** Serve the contract on one connection. Malformed input is answered or dropped, never thrown. */
export function serveChannel(channel: Channel, api: StationApi, caller: Caller, onRefusal?: (reason: string) => void): Dispatcher {
  let open = true;
  channel.onClose(() => {
    open = false;
  });
  channel.onMessage((text) => {
    if (text.length > MAX_ENVELOPE_BYTES) {
      onRefusal?.('oversized message');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      onRefusal?.('malformed JSON');
      return;
    }
    const env = envelopeSchema.safeParse(json);
    if (!env.success || env.data.t !== 'call') {
      onRefusal?.('malformed envelope');
      return;
    }
    const { id, method, params } = env.data;
    handleCall(api, caller, method, params).then(
      (value) => open && channel.send(JSON.stringify({ t: 'result', id, ok: true, value: value ?? null })),
      (err: unknown) => {
        if (err instanceof ContractError && err.code === 'forbidden') onRefusal?.(`${caller.role} ${caller.name}: ${method} refused`);
        if (open) channel.send(JSON.stringify({ t: 'result', id, ok: false, error: toErrorValue(err) }));
      },
    );
  });
  return {
    emit(name, payload) {
      if (open) channel.send(JSON.stringify({ t: 'event', name, payload }));
    },
    close() {
      open = false;
      channel.close();
    },
  };
}

/**
 * Wire one connection (WebSocket or MessagePort) to the station: calls in, every event out, and
 * unsubscribe when the connection closes. Both hosts use exactly this.
 */
export function attachConnection(channel: Channel, station: Station, caller: Caller, onRefusal?: (reason: string) => void): Dispatcher {
  const dispatcher = serveChannel(channel, station, caller, onRefusal);
  const unsubscribe = station.subscribe((name, payload) => dispatcher.emit(name, payload));
  channel.onClose(unsubscribe);
  return dispatcher;
}
