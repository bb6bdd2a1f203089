// `gcs audit` as its own process over a data folder's audit log.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAuditArgs, parseTime } from '../../electron/core/cli/audit';
import { openStationDb } from '../../electron/core/recording/station-db';
import { AuditLog } from '../../electron/core/security/audit-log';
import { runGcs } from '../support/gcs-cli';

const dir = mkdtempSync(join(tmpdir(), 'gcs-audit-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gcs audit', () => {
  it('prints entries newest first, filtered by vehicle, as JSON lines', async () => {
    const db = openStationDb(join(dir, 'station.sqlite'));
    const log = new AuditLog(db);
    const base = { caller: { role: 'pilot' as const, name: 'alice' }, params: { action: 'arm' as const } };
    log.operation({ kind: 'command', key: '1:1', startedMs: 1000, endedMs: 1100, ...base });
    log.operation({ kind: 'command', key: '2:1', startedMs: 2000, endedMs: 2100, ...base, error: { code: 'no_such_vehicle', message: 'No vehicle 2:1' } });
    log.refusal({ channel: 'WebSocket', who: '10.0.0.9', reason: 'wrong token\nFAKE LINE', timeMs: 3000 });
    db.close();
    const all = await runGcs(['audit', '--data-dir', dir, '--json']);
    expect(all.code).toBe(0);
    const rows = all.stdout.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; vehicleKey: string | null; summary: string });
    expect(rows.map((r) => r.kind)).toEqual(['refusal', 'command', 'command']);
    expect(rows[0].summary).toBe('wrong token FAKE LINE'); // no forged log lines
    const one = await runGcs(['audit', '--data-dir', dir, '--vehicle', '2:1']);
    expect(one.stdout).toMatch(/2:1\s+error\s+pilot alice\s+command arm: No vehicle 2:1/);
    expect(one.stdout.trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it('refuses bad arguments and a folder without a station', async () => {
    expect(parseAuditArgs(['--vehicle', 'x'])).toMatchObject({ ok: false });
    expect(parseAuditArgs(['--limit', '0'])).toMatchObject({ ok: false });
    expect(parseAuditArgs(['--since', 'yesterday'])).toMatchObject({ ok: false });
    expect(parseTime('2h', 10 * 3_600_000)).toBe(8 * 3_600_000);
    expect(parseTime('2026-11-29T06:00:00Z', 0)).toBe(Date.UTC(2026, 10, 29, 6));
    const empty = mkdtempSync(join(tmpdir(), 'gcs-audit-none-'));
    const r = await runGcs(['audit', '--data-dir', empty]);
    rmSync(empty, { recursive: true, force: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no station database/);
  }, 30_000);
});
