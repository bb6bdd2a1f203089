// The desktop host's IPC refusals reach the same audit log as the server host's: a port asked for by
// a foreign frame is a 'refusal' row in the station database, listed by listAudit and `gcs audit`.
// No Electron needed: the broker is plain Node, the station the real GroundStation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRefusalRecorder } from '../../electron/core/security/refusal-recorder';
import { GroundStation } from '../../electron/core/station';
import { createPortBroker } from '../../electron/main/acquire-port';
import type { MainPortLike } from '../../electron/main/port-channel';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('desktop IPC refusals in the audit log', () => {
  it('a foreign frame asking for the station port is recorded with who and why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcs-ipc-audit-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const station = new GroundStation({ host: 'electron', dataDir: dir });
    cleanups.push(() => station.close());
    const warn = vi.fn();
    const broker = createPortBroker<unknown>({
      station,
      createChannel: () => {
        throw new Error('no port may be made for a refused sender');
      },
      warn,
      onRefusal: (r) => station.recordRefusal(r),
    });
    const sender = { id: 3, postMessage: vi.fn() };
    expect(broker.handle({ sender, senderFrame: { url: 'https://evil.example/x\u0000\nforged line', parent: null } })).toBe(false);
    expect(broker.handle({ sender, senderFrame: null })).toBe(false);
    expect(sender.postMessage).not.toHaveBeenCalled();

    const rows = await station.listAudit({ kinds: ['refusal'] }, { role: 'pilot', name: 'test' });
    expect(rows).toHaveLength(2);
    // Newest first.
    expect(rows[0]).toMatchObject({ kind: 'refusal', outcome: 'refused', code: 'ipc', name: 'a frame that is gone' });
    expect(rows[1]!.code).toBe('ipc');
    expect(rows[1]!.summary).toMatch(/not the app's own document/);
    // Text from the page cannot forge lines in a printed log.
    expect(rows[1]!.name).not.toMatch(/[\u0000\n]/);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('a trusted window gets its port and nothing is audited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcs-ipc-audit-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const station = new GroundStation({ host: 'electron', dataDir: dir });
    cleanups.push(() => station.close());
    const fakePort: MainPortLike = { postMessage: () => {}, on: () => fakePort, start: () => {}, close: () => {} } as unknown as MainPortLike;
    const broker = createPortBroker<string>({ station, createChannel: () => ({ port1: fakePort, port2: 'port2' }), onRefusal: (r) => station.recordRefusal(r) });
    const sender = { id: 4, postMessage: vi.fn() };
    expect(broker.handle({ sender, senderFrame: { url: 'app://gcs/index.html', parent: null } })).toBe(true);
    expect(sender.postMessage).toHaveBeenCalledWith('gcs:port', null, ['port2']);
    expect(await station.listAudit({ kinds: ['refusal'] }, { role: 'pilot', name: 'test' })).toHaveLength(0);
    broker.closeAll();
  });

  it('a flood of refusals is recorded as a count, not row by row', () => {
    let t = 0;
    const rows: Array<{ who: string; reason: string }> = [];
    const record = createRefusalRecorder({ record: (r) => rows.push(r), floodChannel: 'ipc', now: () => t, perMinute: 5 });
    for (let i = 0; i < 50; i++) record({ channel: 'ipc', who: `frame ${i}`, reason: 'x' });
    expect(rows).toHaveLength(5);
    t = 60_000;
    record({ channel: 'ipc', who: 'later', reason: 'y' });
    expect(rows.slice(5).map((r) => r.who)).toEqual(['several', 'later']);
    expect(rows[5]!.reason).toMatch(/^45 more refusals/);
  });

  it('a failing audit never turns a refusal into a crash', () => {
    const record = createRefusalRecorder({ record: () => { throw new Error('disk full'); }, floodChannel: 'ipc' });
    expect(() => record({ channel: 'ipc', who: 'x', reason: 'y' })).not.toThrow();
  });
});
