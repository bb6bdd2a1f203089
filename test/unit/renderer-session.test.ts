// The connection loop against a fake client: binds the stores, and reconnects with backoff after a close.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StationClient } from '../../shared/contract/client';
import type { EventName, Events } from '../../shared/contract/api';
import { ContractError, msg } from '../../shared/contract/errors';
import { initialConnection, useConnectionStore } from '../../renderer/stores/connection';
import { useLinksStore } from '../../renderer/stores/links';
import { useSelectionStore } from '../../renderer/stores/selection';
import { startSession } from '../../renderer/stores/session';
import { useTrailsStore } from '../../renderer/stores/trails';
import { useVehiclesStore } from '../../renderer/stores/vehicles';
import { openLink, startSimulator } from '../../renderer/stores/actions';
import { useSimulatorStore } from '../../renderer/stores/simulator';
import type { VehicleSnapshot } from '../../shared/contract/types';

function snapshot(over: Partial<VehicleSnapshot> & { sysid: number }): VehicleSnapshot {
  const base = { key: `${over.sysid}:1`, compid: 1, mode: 'LOITER', lat: 46.07, lon: 122.09 };
  return { ...base, ...over } as VehicleSnapshot; // the session only reads these fields
}

class FakeClient implements StationClient {
  handlers = new Map<string, Set<(p: unknown) => void>>();
  closeHandlers: Array<() => void> = [];
  closed = false;
  answers: Record<string, unknown> = {
    hello: { host: 'server', role: 'pilot', version: 't', sysid: 255 },
    getVehicles: [snapshot({ sysid: 3 })],
    listLinks: [],
    getSimulator: { running: false, vehicles: 0, helicopter: false, link: null, pid: null },
  };
  call(method: string, params?: unknown): Promise<never> {
    if (method === 'openLink') return Promise.reject(new ContractError('link_busy', msg('Port in use.', '端口被占用。')));
    if (method === 'startSimulator') return Promise.resolve({ running: true, vehicles: (params as { vehicles: number }).vehicles, link: 'udp:x', pid: 1 } as never);
    return Promise.resolve(this.answers[method] as never);
  }
  on<E extends EventName>(name: E, handler: (p: Events[E]) => void): () => void {
    let set = this.handlers.get(name);
    if (!set) this.handlers.set(name, (set = new Set()));
    set.add(handler as (p: unknown) => void);
    return () => set!.delete(handler as (p: unknown) => void);
  }
  emit<E extends EventName>(name: E, payload: Events[E]): void {
    for (const h of this.handlers.get(name) ?? []) h(payload);
  }
  onClose(handler: () => void): void {
    this.closeHandlers.push(handler);
  }
  close(): void {
    this.closed = true;
  }
  drop(): void {
    for (const h of this.closeHandlers) h();
  }
}

const flush = () => vi.advanceTimersByTimeAsync(0);

describe('station session', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useConnectionStore.setState(initialConnection, true);
    useVehiclesStore.setState({ byKey: {}, list: [] });
    useTrailsStore.getState().clear();
    useSelectionStore.setState({ selectedKey: null });
    useLinksStore.setState({ links: [] });
  });
  afterEach(() => vi.useRealTimers());

  it('connects, loads the first state, follows events, and auto-selects the first vehicle', async () => {
    const client = new FakeClient();
    const stop = startSession(async () => ({ client, host: 'server' }));
    await flush();
    expect(useConnectionStore.getState()).toMatchObject({ status: 'connected', host: 'server', hello: { role: 'pilot' } });
    expect(useVehiclesStore.getState().list.map((v) => v.key)).toEqual(['3:1']);
    expect(useSelectionStore.getState().selectedKey).toBe('3:1');

    client.emit('vehicles', { vehicles: [snapshot({ sysid: 3, lat: 46.08, mode: 'AUTO' })] });
    expect(useVehiclesStore.getState().byKey['3:1'].mode).toBe('AUTO');
    expect(useTrailsStore.getState().trails['3:1']).toHaveLength(2);
    client.emit('links', { links: 'garbage' as never });
    expect(useLinksStore.getState().links).toEqual([]);
    stop();
    expect(client.closed).toBe(true);
  });

  it('after the transport closes, says so and retries with backoff until it gets through', async () => {
    const clients: FakeClient[] = [];
    let failNext = 0;
    const connect = vi.fn(async () => {
      if (failNext > 0) {
        failNext--;
        throw new Error('ECONNREFUSED');
      }
      const c = new FakeClient();
      clients.push(c);
      return { client: c, host: 'server' as const };
    });
    const stop = startSession(connect);
    await flush();
    expect(connect).toHaveBeenCalledTimes(1);

    failNext = 1;
    clients[0].drop();
    expect(useConnectionStore.getState()).toMatchObject({ status: 'lost', failures: 1, client: null });
    await vi.advanceTimersByTimeAsync(499);
    expect(connect).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1); // first retry after 0.5 s: refused
    expect(connect).toHaveBeenCalledTimes(2);
    expect(useConnectionStore.getState()).toMatchObject({ status: 'lost', failures: 2 });
    await vi.advanceTimersByTimeAsync(1000); // second retry after 1 s: through
    expect(connect).toHaveBeenCalledTimes(3);
    expect(useConnectionStore.getState()).toMatchObject({ status: 'connected', failures: 0 });
    // Events of the dead client no longer reach the stores.
    clients[0].emit('vehicles', { vehicles: [snapshot({ sysid: 9 })] });
    expect(useVehiclesStore.getState().byKey['9:1']).toBeUndefined();
    stop();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(connect).toHaveBeenCalledTimes(3);
  });

  it('actions return the contract error as a value, and a plain error when not connected', async () => {
    const notConnected = await openLink('udp:0.0.0.0:14550');
    expect(notConnected).toMatchObject({ ok: false, error: { code: 'disconnected', message: { zh: '未连接到地面站。' } } });

    const client = new FakeClient();
    const stop = startSession(async () => ({ client, host: 'server' }));
    await flush();
    const refused = await openLink('udp:0.0.0.0:14550');
    expect(refused).toEqual({ ok: false, error: { code: 'link_busy', message: { en: 'Port in use.', zh: '端口被占用。' } } });
    const started = await startSimulator(2);
    expect(started.ok).toBe(true);
    expect(useSimulatorStore.getState().info).toMatchObject({ running: true, vehicles: 2 });
    stop();
  });
});
