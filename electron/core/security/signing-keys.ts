// Signing keys per aircraft in the station database, sealed by a SecretBox (never stored in clear).
import { createHash, randomBytes } from 'node:crypto';
import { migrate, type StationDb } from '../recording/station-db';
import { keyFromPassphrase, SIGNING_KEY_LEN } from '../mavlink/signing';
import type { SecretBox, SecretBoxKind } from './secret-box';

export interface StoredKey {
  sysid: number;
  key: Uint8Array;
  source: 'passphrase' | 'random';
  store: SecretBoxKind;
  requireSigned: boolean;
  fingerprint: string;
}

interface Row {
  sysid: number;
  sealed: Buffer;
  source: 'passphrase' | 'random';
  store: SecretBoxKind;
  require_signed: number;
}

const MIGRATIONS = [
  `CREATE TABLE security_signing_keys (
     sysid INTEGER PRIMARY KEY CHECK (sysid BETWEEN 1 AND 255),
     sealed BLOB NOT NULL,
     source TEXT NOT NULL CHECK (source IN ('passphrase', 'random')),
     store TEXT NOT NULL,
     require_signed INTEGER NOT NULL DEFAULT 0,
     updated_ms INTEGER NOT NULL
   )`,
];

/** First 4 bytes of SHA-256(key): comparable aloud, useless to an attacker. */
export function keyFingerprint(key: Uint8Array): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function newSigningKey(source: { source: 'passphrase'; passphrase: string } | { source: 'random' }): Uint8Array {
  return source.source === 'passphrase' ? keyFromPassphrase(source.passphrase) : new Uint8Array(randomBytes(SIGNING_KEY_LEN));
}

export class SigningKeyStore {
  constructor(
    private readonly db: StationDb,
    private readonly box: SecretBox,
  ) {
    migrate(db, 'security-signing', MIGRATIONS);
  }

  get boxKind(): SecretBoxKind {
    return this.box.kind;
  }

  save(sysid: number, key: Uint8Array, source: StoredKey['source'], requireSigned: boolean, nowMs: number): StoredKey {
    const sealed = Buffer.from(this.box.seal(key));
    this.db
      .prepare(
        `INSERT INTO security_signing_keys (sysid, sealed, source, store, require_signed, updated_ms) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (sysid) DO UPDATE SET sealed = excluded.sealed, source = excluded.source, store = excluded.store,
           require_signed = excluded.require_signed, updated_ms = excluded.updated_ms`,
      )
      .run(sysid, sealed, source, this.box.kind, requireSigned ? 1 : 0, nowMs);
    return { sysid, key, source, store: this.box.kind, requireSigned, fingerprint: keyFingerprint(key) };
  }

  setRequireSigned(sysid: number, require: boolean, nowMs: number): void {
    this.db.prepare('UPDATE security_signing_keys SET require_signed = ?, updated_ms = ? WHERE sysid = ?').run(require ? 1 : 0, nowMs, sysid);
  }

  remove(sysid: number): void {
    this.db.prepare('DELETE FROM security_signing_keys WHERE sysid = ?').run(sysid);
  }

  /** Every stored key, opened. A key that cannot be opened is reported, not fatal: the others still load. */
  loadAll(): { keys: StoredKey[]; failed: Array<{ sysid: number; error: unknown }> } {
    const rows = this.db.prepare('SELECT sysid, sealed, source, store, require_signed FROM security_signing_keys ORDER BY sysid').all() as Row[];
    const keys: StoredKey[] = [];
    const failed: Array<{ sysid: number; error: unknown }> = [];
    for (const r of rows) {
      try {
        const key = this.box.open(new Uint8Array(r.sealed));
        if (key.length !== SIGNING_KEY_LEN) throw new Error('wrong length');
        keys.push({ sysid: r.sysid, key, source: r.source, store: r.store, requireSigned: r.require_signed === 1, fingerprint: keyFingerprint(key) });
      } catch (error) {
        failed.push({ sysid: r.sysid, error });
      }
    }
    return { keys, failed };
  }
}
