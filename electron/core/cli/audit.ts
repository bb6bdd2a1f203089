// `gcs audit`: the audit log of a station's data folder (who commanded which vehicle, when, with what
// result; and every refusal of the server host), newest first, as text or one JSON object per line.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_LIMIT_MAX } from '../../../shared/contract/areas/security';
import { openStationDb } from '../recording/station-db';
import { AuditLog } from '../security/audit-log';
import { defaultServerDataDir } from '../station-parts/data-dir';


type Parsed = { ok: true; dataDir: string; vehicleKey?: string; fromMs?: number; toMs?: number; limit: number; json: boolean } | { ok: false; error: string };

export function parseTime(text: string, nowMs: number): number | null {
  const rel = /^(\d{1,6})([mhd])$/.exec(text);
  if (rel) return nowMs - Number(rel[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[rel[2] as 'm' | 'h' | 'd'];
  const t = Date.parse(text);
  return Number.isFinite(t) ? t : null;
}

export function parseAuditArgs(argv: string[], nowMs = Date.now()): Parsed {
  const out: Parsed = { ok: true, dataDir: defaultServerDataDir(), limit: 200, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string | undefined => argv[++i];
    switch (a) {
      case '--data-dir': {
        const v = value();
        if (!v) return { ok: false, error: '--data-dir needs a folder' };
        out.dataDir = v;
        break;
      }
      case '--vehicle': {
        const v = value();
        if (!v || !/^\d{1,3}:\d{1,3}$/.test(v)) return { ok: false, error: `--vehicle needs SYSID:COMPID such as 1:1, got "${v ?? ''}"` };
        out.vehicleKey = v;
        break;
      }
      case '--since':
      case '--until': {
        const v = value();
        const t = v === undefined ? null : parseTime(v, nowMs);
        if (t === null) return { ok: false, error: `${a} needs an ISO 8601 time or 30m / 2h / 7d, got "${v ?? ''}"` };
        if (a === '--since') out.fromMs = t;
        else out.toMs = t;
        break;
      }
      case '--limit': {
        const v = value();
        const n = Number(v);
        if (!v || !Number.isInteger(n) || n < 1 || n > AUDIT_LIMIT_MAX) return { ok: false, error: `--limit needs a number from 1 to ${AUDIT_LIMIT_MAX}` };
        out.limit = n;
        break;
      }
      case '--json':
        out.json = true;
        break;
      default:
        return { ok: false, error: `unknown option "${a}"` };
    }
  }
  return out;
}

export async function runAudit(argv: string[]): Promise<number> {
  const args = parseAuditArgs(argv);
  if (!args.ok) {
    process.stderr.write(`gcs audit: ${args.error} (see gcs help)\n`);
    return 2;
  }
  const file = join(args.dataDir, 'station.sqlite');
  if (!existsSync(file)) {
    process.stderr.write(`gcs audit: there is no station database in ${args.dataDir} (use --data-dir)\n`);
    return 2;
  }
  const db = openStationDb(file);
  try {
    const rows = new AuditLog(db).list({ vehicleKey: args.vehicleKey, fromMs: args.fromMs, toMs: args.toMs, limit: args.limit });
    for (const r of rows) {
      if (args.json) process.stdout.write(`${JSON.stringify(r)}\n`);
      else {
        const who = [r.role, r.name].filter(Boolean).join(' ');
        process.stdout.write(`${new Date(r.startedMs).toISOString()}  ${(r.vehicleKey ?? '-').padEnd(7)} ${r.outcome.padEnd(8)} ${who.padEnd(28)} ${r.summary}\n`);
      }
    }
    if (!args.json && rows.length === 0) process.stdout.write('No audit entries match.\n');
    return 0;
  } finally {
    db.close();
  }
}
