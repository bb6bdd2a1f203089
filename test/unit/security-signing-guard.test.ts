// The station's signing policy (SigningGuard), the sealed key store and the key-file SecretBox.
import { mkdtempSync, rmSync, statSync, writeFileSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ardupilotDialect, Encoder, Framer, type Frame } from '../../electron/core/mavlink';
import { FrameSigner, keyFromPassphrase } from '../../electron/core/mavlink/signing';
import { openStationDb } from '../../electron/core/recording/station-db';
import { KeyFileBox } from '../../electron/core/security/secret-box';
import { BAD_SIGNATURE_HOLD_MS, linkNumber, SigningGuard } from '../../electron/core/security/signing-guard';
import { SigningKeyStore } from '../../electron/core/security/signing-keys';
import { SafeStorageBox } from '../../electron/main/safe-storage-box';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'gcs-sec-'));
  dirs.push(d);
  return d;
}

const KEY = keyFromPassphrase('correct horse battery staple');
const dialect = ardupilotDialect();

function frameOf(raw: Uint8Array): Frame {
  let out: Frame | undefined;
  new Framer().push(raw, (f) => (out = { ...f, raw: f.raw.slice(), payload: f.payload.slice() }));
  if (!out) throw new Error('not a frame');
  return out;
}

function heartbeat(sysid: number, signer?: FrameSigner, linkId = 0): Frame {
  const raw = new Encoder({ sysid, compid: 1 }).encode('HEARTBEAT', { type: 2, autopilot: 3, mavlink_version: 3 });
  return frameOf(signer ? signer.sign(raw, dialect.byName('HEARTBEAT')!.crcExtra, linkId, Date.now()) : raw);
}

function guardWithClock() {
  let now = 1000;
  const changes: Array<[string, string]> = [];
  const guard = new SigningGuard({ now: () => now, onStateChange: (k, s) => changes.push([k, s]) });
  return { guard, changes, advance: (ms: number) => (now += ms) };
}

describe('SigningGuard', () => {
  it('passes everything from aircraft without a key, marking signed frames unverified', () => {
    const { guard } = guardWithClock();
    expect(guard.accept(heartbeat(1), 'link-1')).toBe(true);
    expect(guard.stateOf(1, 1)).toBe('unsigned');
    expect(guard.accept(heartbeat(2, new FrameSigner(KEY)), 'link-1')).toBe(true);
    expect(guard.stateOf(2, 1)).toBe('unverified');
  });

  it('verifies a keyed aircraft: good frames pass, wrong key and replays are dropped and marked', () => {
    const { guard, changes, advance } = guardWithClock();
    guard.setKey(1, KEY, false);
    const signer = new FrameSigner(KEY);
    const good = heartbeat(1, signer);
    expect(guard.accept(good, 'link-1')).toBe(true);
    expect(guard.stateOf(1, 1)).toBe('signed');
    expect(guard.accept(good, 'link-1')).toBe(false); // the same frame again: a replay
    expect(guard.countsOf(1)).toMatchObject({ signedOk: 1, replayed: 1, dropped: 1 });
    expect(guard.stateOf(1, 1)).toBe('bad_signature');
    expect(guard.accept(heartbeat(1, new FrameSigner(keyFromPassphrase('a wrong passphrase')))!, 'link-1')).toBe(false);
    expect(guard.countsOf(1).badSignature).toBe(1);
    expect(changes).toEqual([
      ['1:1', 'signed'],
      ['1:1', 'bad_signature'],
    ]);
    // The mark fades once no bad frame has come for a while, while good frames keep coming.
    advance(BAD_SIGNATURE_HOLD_MS);
    expect(guard.accept(heartbeat(1, signer), 'link-1')).toBe(true);
    guard.refreshStates();
    expect(guard.stateOf(1, 1)).toBe('signed');
  });

  it('drops unsigned frames only when signing is required (RADIO_STATUS excepted)', () => {
    const { guard } = guardWithClock();
    guard.setKey(1, KEY, false);
    expect(guard.accept(heartbeat(1), 'link-1')).toBe(true);
    guard.setRequireSigned(1, true);
    expect(guard.accept(heartbeat(1), 'link-1')).toBe(false);
    const radio = frameOf(new Encoder({ sysid: 1, compid: 68 }).encode('RADIO_STATUS', { rssi: 100 }));
    expect(guard.accept(radio, 'link-1')).toBe(true);
    expect(guard.countsOf(1)).toMatchObject({ unsigned: 3, dropped: 1 });
    // Other aircraft are not affected.
    expect(guard.accept(heartbeat(2), 'link-1')).toBe(true);
  });

  it('signs what goes to a keyed aircraft, and broadcasts on the links it was heard on', () => {
    const { guard } = guardWithClock();
    guard.setKey(7, KEY, true);
    const enc = new Encoder();
    const cmd = enc.encode('COMMAND_LONG', { target_system: 7, target_component: 1, command: 400, param1: 1 });
    const signed = guard.outgoing('link-3', cmd, 'COMMAND_LONG', { target_system: 7 });
    expect(signed.length).toBe(cmd.length + 13);
    expect(signed[2] & 1).toBe(1);
    expect(signed[signed.length - 13]).toBe(3); // our link number in the trailer
    // A fresh verifier (the vehicle) accepts it.
    const vehicle = new SigningGuard({ now: () => 0 });
    vehicle.setKey(255, KEY, true);
    expect(vehicle.accept(frameOf(signed), 'x')).toBe(true);
    // To someone else: unchanged.
    const other = enc.encode('COMMAND_LONG', { target_system: 8, target_component: 1, command: 400 });
    expect(guard.outgoing('link-3', other, 'COMMAND_LONG', { target_system: 8 })).toBe(other);
    // Broadcast (no target): signed only on a link where a keyed aircraft was heard.
    const hb = enc.encode('HEARTBEAT', { type: 6, autopilot: 8 });
    expect(guard.outgoing('link-3', hb, 'HEARTBEAT', {})).toBe(hb);
    guard.accept(heartbeat(7, new FrameSigner(KEY)), 'link-3');
    expect(guard.outgoing('link-3', hb, 'HEARTBEAT', {}).length).toBe(hb.length + 13);
    // SETUP_SIGNING travels unsigned to a vehicle that had no key before...
    const setup = enc.encode('SETUP_SIGNING', { target_system: 7, secret_key: [...KEY] });
    expect(guard.outgoing('link-3', setup, 'SETUP_SIGNING', { target_system: 7 })).toBe(setup);
    // ...and signed with the old key when it replaces one: the vehicle checks it with the key it holds.
    const newKey = keyFromPassphrase('the next key, after rotation');
    guard.setKey(7, newKey, true);
    const rekey = enc.encode('SETUP_SIGNING', { target_system: 7, secret_key: [...newKey] });
    const signedSetup = frameOf(guard.outgoing('link-3', rekey, 'SETUP_SIGNING', { target_system: 7 }));
    const holdsOld = new SigningGuard({ now: () => 0 });
    holdsOld.setKey(255, KEY, true);
    expect(holdsOld.accept(signedSetup, 'x')).toBe(true);
  });

  it('link numbers come from link ids', () => {
    expect(linkNumber('link-12')).toBe(12);
    expect(linkNumber('link-300')).toBe(300 & 0xff);
    expect(linkNumber('weird')).toBe(0);
  });
});

describe('keys at rest', () => {
  it('the key file is created 0600 and keys in the database are not stored in clear', () => {
    const dir = tmp();
    const box = new KeyFileBox(join(dir, 'master.key'));
    box.seal(KEY);
    expect(statSync(join(dir, 'master.key')).mode & 0o777).toBe(0o600);
    const db = openStationDb(join(dir, 'station.sqlite'));
    const store = new SigningKeyStore(db, box);
    store.save(3, KEY, 'passphrase', true, 1);
    const row = db.prepare('SELECT sealed FROM security_signing_keys WHERE sysid = 3').get() as { sealed: Buffer };
    expect(row.sealed.includes(Buffer.from(KEY))).toBe(false);
    db.close();
    // Reopened with a new box over the same key file: the key comes back.
    const db2 = openStationDb(join(dir, 'station.sqlite'));
    const loaded = new SigningKeyStore(db2, new KeyFileBox(join(dir, 'master.key'))).loadAll();
    expect(loaded.failed).toEqual([]);
    expect(loaded.keys).toMatchObject([{ sysid: 3, source: 'passphrase', requireSigned: true, store: 'keyFile' }]);
    expect(Buffer.from(loaded.keys[0].key).equals(Buffer.from(KEY))).toBe(true);
    db2.close();
  });

  it('another key file cannot open the keys, and says so instead of crashing', () => {
    const dir = tmp();
    const db = openStationDb(join(dir, 'station.sqlite'));
    new SigningKeyStore(db, new KeyFileBox(join(dir, 'a.key'))).save(1, KEY, 'random', false, 1);
    const { keys, failed } = new SigningKeyStore(db, new KeyFileBox(join(dir, 'b.key'))).loadAll();
    expect(keys).toEqual([]);
    expect(failed[0]).toMatchObject({ sysid: 1 });
    expect((failed[0].error as { code: string }).code).toBe('key_unreadable');
    db.close();
  });

  it('a key file readable by others is refused with a clear message', () => {
    const dir = tmp();
    const path = join(dir, 'loose.key');
    writeFileSync(path, Buffer.alloc(32, 7));
    chmodSync(path, 0o644);
    const loose = new KeyFileBox(path); // constructing is harmless: the station still starts
    expect(() => loose.seal(KEY)).toThrow(/chmod 600/);
    chmodSync(path, 0o600);
    expect(new KeyFileBox(path).open(new KeyFileBox(path).seal(KEY))).toEqual(KEY);
    expect(readFileSync(path).length).toBe(32);
  });

  it('safeStorage box: uses the keychain, refuses when there is none or only the plain-text fallback', () => {
    const fake = {
      available: true,
      backend: 'gnome_libsecret',
      isEncryptionAvailable() {
        return this.available;
      },
      encryptString: (t: string) => Buffer.from(`enc:${Buffer.from(t).toString('hex')}`),
      decryptString: (b: Buffer) => Buffer.from(b.toString().slice(4), 'hex').toString(),
      getSelectedStorageBackend() {
        return this.backend;
      },
    };
    const box = new SafeStorageBox(fake);
    const sealed = box.seal(KEY);
    expect(Buffer.from(sealed).includes(Buffer.from(KEY))).toBe(false);
    expect(box.open(sealed)).toEqual(KEY);
    fake.available = false;
    expect(() => box.seal(KEY)).toThrow(/keychain/);
    fake.available = true;
    if (process.platform === 'linux') {
      fake.backend = 'basic_text';
      expect(() => box.seal(KEY)).toThrow(/keychain/);
    }
  });
});
