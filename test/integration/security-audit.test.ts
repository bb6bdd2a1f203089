// The audit log: operations on a real simulated vehicle (simulator process over TCP) recorded with
// who, when and the result; listAudit filtered by time and vehicle, and its roles; the server host's
// refusals (wrong token, foreign origin, forbidden call) recorded over real sockets.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { createClient } from '../../shared/contract/client';
import { handleCall } from '../../shared/contract/dispatch';
import type { VehicleSnapshot } from '../../shared/contract/types';
import { openStationDb } from '../../electron/core/recording/station-db';
import { AuditLog } from '../../electron/core/security/audit-log';
import { GroundStation } from '../../electron/core/station';
import { startServer } from '../../electron/server/server';
import { FakeStation } from '../support/fake-station';
import { startTcpSim } from '../support/gcs-cli';
import { waitFor } from '../support/wait';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.restoreAllMocks();
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'gcs-audit-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

describe('audit of vehicle operations', () => {
  it('records each command and clear with caller, times and result; filters by vehicle and time; roles', async () => {
    const sim = await startTcpSim(['--vehicles', '2']);
    cleanups.push(() => sim.child.kill('SIGKILL'));
    const dir = tmp();
    const st = new GroundStation({ host: 'server', dataDir: dir });
    cleanups.push(() => st.close());
    await st.start();
    const latest = new Map<string, VehicleSnapshot>();
    st.subscribe((name, payload) => {
      if (name === 'vehicles') for (const v of (payload as { vehicles: VehicleSnapshot[] }).vehicles) latest.set(v.key, v);
    });
    const alice = { role: 'pilot' as const, name: 'alice' };
    await handleCall(st, alice, 'openLink', { spec: `tcp:127.0.0.1:${sim.tcpPort}` });
    await waitFor('both vehicles', () => latest.has('1:1') && latest.has('2:1'), 20_000);

    const before = Date.now();
    await handleCall(st, alice, 'command', { key: '1:1', action: 'setMode', mode: 'GUIDED' });
    await handleCall(st, alice, 'clearPlan', { key: '2:1', types: ['mission'] });
    await expect(handleCall(st, alice, 'command', { key: '9:1', action: 'arm' })).rejects.toMatchObject({ code: 'no_such_vehicle' });
    const after = Date.now();

    const commander = { role: 'commander' as const, name: 'chief' };
    const all = (await handleCall(st, commander, 'listAudit', {})) as Awaited<ReturnType<GroundStation['listAudit']>>;
    expect(all.map((e) => [e.kind, e.vehicleKey, e.outcome])).toEqual([
      ['command', '9:1', 'error'],
      ['clear', '2:1', 'ok'],
      ['command', '1:1', 'ok'],
    ]);
    const setMode = all[2];
    expect(setMode).toMatchObject({ role: 'pilot', name: 'alice', code: 'command_accepted' });
    expect(setMode.summary).toContain('command setMode mode=GUIDED');
    expect(setMode.startedMs).toBeGreaterThanOrEqual(before);
    expect(setMode.endedMs).toBeGreaterThanOrEqual(setMode.startedMs);
    expect(setMode.endedMs).toBeLessThanOrEqual(after);
    expect(all[0]).toMatchObject({ code: 'no_such_vehicle' });

    const onlyOne = (await handleCall(st, commander, 'listAudit', { vehicleKey: '1:1' })) as typeof all;
    expect(onlyOne.map((e) => e.kind)).toEqual(['command']);
    const future = (await handleCall(st, commander, 'listAudit', { fromMs: after + 60_000 })) as typeof all;
    expect(future).toEqual([]);
    const window = (await handleCall(st, commander, 'listAudit', { fromMs: before, toMs: after, kinds: ['clear'] })) as typeof all;
    expect(window.map((e) => e.vehicleKey)).toEqual(['2:1']);
    await expect(handleCall(st, { role: 'observer', name: 'x' }, 'listAudit', {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(handleCall(st, alice, 'listAudit', { vehicleKey: "1:1' OR 1=1 --" })).rejects.toMatchObject({ code: 'bad_params' });

    // Survives a restart of the station: the record is in the database, not in memory.
    await st.close();
    const db = openStationDb(join(dir, 'station.sqlite'));
    expect(new AuditLog(db).list({}).length).toBe(3);
    db.close();
  });
});

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

function openWs(url: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    ws.once('error', reject);
  });
}

describe('audit of server refusals', () => {
  it('records a wrong token (HTTP and WebSocket), a foreign origin and a forbidden call', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const dir = tmp();
    const staticDir = join(dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>GCS</title>');
    const db = openStationDb(join(dir, 'station.sqlite'));
    cleanups.push(() => db.close());
    const audit = new AuditLog(db);
    const station = new FakeStation({ tickMs: 50 });
    await station.start();
    const server = await startServer({ station, port: 0, staticDir, onRefusal: (r) => audit.refusal(r) });
    cleanups.push(() => station.close(), () => server.close());

    expect(await get(server.port, '/?token=guess')).toBe(401);
    expect(await openWs(`ws://127.0.0.1:${server.port}/ws?token=guess2`)).toBe(401);
    expect(await openWs(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, { Origin: 'http://evil.example' })).toBe(403);
    const ws = await openWs(`ws://127.0.0.1:${server.port}/ws?token=${server.token}&role=observer`);
    if (typeof ws === 'number') throw new Error(`refused ${ws}`);
    const observer = createClient({
      send: (t) => ws.send(t),
      onMessage: (h) => ws.on('message', (d) => h(d.toString())),
      onClose: (h) => ws.on('close', () => h()),
      close: () => ws.close(),
    });
    cleanups.push(() => observer.close());
    await expect(observer.call('command', { key: '1:1', action: 'arm' })).rejects.toMatchObject({ code: 'forbidden' });

    const rows = await waitFor('four refusals', () => {
      const r = audit.list({ kinds: ['refusal'] });
      return r.length >= 4 && r;
    });
    const lines = rows.map((r) => `${r.code} | ${r.name} | ${r.summary}`).reverse();
    expect(lines[0]).toMatch(/^GET \/ \| 127\.0\.0\.1 \| wrong token/);
    expect(lines[1]).toMatch(/^WebSocket \| 127\.0\.0\.1 \| wrong token/);
    expect(lines[2]).toMatch(/^WebSocket \| 127\.0\.0\.1 \| foreign origin http:\/\/evil\.example/);
    expect(lines[3]).toMatch(/^call \| observer@127\.0\.0\.1 \| .*command refused/);
    for (const r of rows) expect(r.outcome).toBe('refused');
  });
});
