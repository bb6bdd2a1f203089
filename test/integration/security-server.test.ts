// Server host protections that the server-host tests do not already pin down: roles for every call of
// the contract (checked in the dispatcher, whichever host), a configured token file, and the pilot role
// refused to a peer that is not on this machine (over a real non-loopback address when there is one).
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { callSchemas, permissions, type Method } from '../../shared/contract/api';
import { createClient } from '../../shared/contract/client';
import { handleCall } from '../../shared/contract/dispatch';
import type { Role } from '../../shared/contract/types';
import { parseServeArgs } from '../../electron/server/cli';
import { startServer } from '../../electron/server/server';
import { FakeStation } from '../support/fake-station';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.restoreAllMocks();
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'gcs-sec-server-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

/** Calls that act on aircraft, links or keys: the pilot's alone. */
const PILOT_ONLY: Method[] = [
  'openLink', 'closeLink', 'listSerialPorts', 'startSimulator', 'stopSimulator', 'uploadPlan', 'downloadPlan', 'clearPlan', 'command',
  'setSigningKey', 'clearSigningKey', 'setRequireSigned', 'sendSigningSetup',
];
const ROLES: Role[] = ['pilot', 'commander', 'trainer', 'observer'];

describe('roles in the station for every call', () => {
  it('every call has a permission entry, and acting calls are pilot-only', () => {
    for (const m of Object.keys(callSchemas) as Method[]) expect(permissions[m], m).toBeDefined();
    for (const m of PILOT_ONLY) expect(permissions[m], m).toEqual(['pilot']);
    expect(permissions.listAudit).not.toContain('observer');
  });

  it('the dispatcher refuses every call a role lacks, before the station sees it', async () => {
    const seen: string[] = [];
    // A station whose every method records that it ran: a refused call must never reach it.
    const api = new Proxy({}, { get: (_t, name) => () => void seen.push(String(name)) }) as Parameters<typeof handleCall>[0];
    let refusedCount = 0;
    for (const role of ROLES) {
      for (const m of Object.keys(callSchemas) as Method[]) {
        if (permissions[m].includes(role)) continue;
        await expect(handleCall(api, { role, name: 't' }, m, {})).rejects.toMatchObject({ code: 'forbidden' });
        refusedCount++;
      }
    }
    expect(seen).toEqual([]);
    expect(refusedCount).toBeGreaterThan(3 * PILOT_ONLY.length - 1);
  });
});

describe('configured token', () => {
  it('reads --token-file only when owner-only and well formed', () => {
    const dir = tmp();
    const file = join(dir, 'token');
    writeFileSync(file, 'a-long-enough-token-123\n');
    chmodSync(file, 0o600);
    const ok = parseServeArgs(['--token-file', file]);
    expect(ok).toMatchObject({ ok: true, args: { token: 'a-long-enough-token-123' } });
    chmodSync(file, 0o644);
    expect(parseServeArgs(['--token-file', file])).toMatchObject({ ok: false, error: expect.stringContaining('chmod 600') });
    writeFileSync(file, 'short');
    chmodSync(file, 0o600);
    expect(parseServeArgs(['--token-file', file])).toMatchObject({ ok: false });
    expect(parseServeArgs(['--token-file', join(dir, 'missing')])).toMatchObject({ ok: false, error: expect.stringContaining('ENOENT') });
  });

  it('the server uses the configured token and no other', async () => {
    const dir = tmp();
    const staticDir = join(dir, 'r');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
    const station = new FakeStation({ tickMs: 50 });
    await station.start();
    const server = await startServer({ station, port: 0, staticDir, token: 'configured-token-0001' });
    cleanups.push(() => station.close(), () => server.close());
    expect(server.url).toContain('token=configured-token-0001');
  });
});

function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) if (!i.internal && i.family === 'IPv4') return i.address;
  return null;
}

describe('pilot from loopback only', () => {
  const lan = lanAddress();
  it.skipIf(!lan)('a peer on a LAN address asking for pilot gets observer and cannot command', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const dir = tmp();
    const staticDir = join(dir, 'r');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
    const station = new FakeStation({ tickMs: 50 });
    await station.start();
    const server = await startServer({ station, host: '0.0.0.0', port: 0, staticDir, allowLan: true });
    cleanups.push(() => station.close(), () => server.close());
    // Connect to the LAN address from that address: the server sees a non-loopback peer.
    const ws = await new Promise<WebSocket>((resolve, reject) => {
      const w = new WebSocket(`ws://${lan}:${server.port}/ws?token=${server.token}&role=pilot`, { localAddress: lan! });
      w.once('open', () => resolve(w));
      w.once('error', reject);
    });
    const client = createClient({
      send: (t) => ws.send(t),
      onMessage: (h) => ws.on('message', (d) => h(d.toString())),
      onClose: (h) => ws.on('close', () => h()),
      close: () => ws.close(),
    });
    cleanups.push(() => client.close());
    expect((await client.call('hello')).role).toBe('observer');
    await expect(client.call('command', { key: '1:1', action: 'arm' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
