// MAVLink 2 signing against published vectors (test/fixtures/signing, one a known wrong signature),
// and the spec's timestamp rules: replays, stale new streams, per-stream bookkeeping.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ardupilotDialect, decodeFrame, Encoder, Framer, type Frame } from '../../electron/core/mavlink';
import {
  FrameSigner,
  keyFromPassphrase,
  NEW_STREAM_MAX_BEHIND_10US,
  SignatureVerifier,
  signatureInfo,
  signatureMatches,
  signFrame,
  signingTimestamp,
} from '../../electron/core/mavlink/signing';

interface Vector {
  id: string;
  secret_key_hex: string;
  frame_hex: string;
  link_id: number;
  timestamp_10us: number;
  expected_signature_hex: string;
  signature_valid: boolean;
}
const vectors = (JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'signing', 'vectors.json'), 'utf8')) as { vectors: Vector[] }).vectors;
const bytes = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));

function frames(raw: Uint8Array): Frame[] {
  const out: Frame[] = [];
  new Framer().push(raw, (f) => out.push({ ...f, raw: f.raw.slice() }));
  return out;
}

describe('signing vectors', () => {
  it('has both a valid and a published wrong signature', () => {
    expect(vectors.some((v) => v.signature_valid)).toBe(true);
    expect(vectors.some((v) => !v.signature_valid)).toBe(true);
  });

  for (const v of vectors) {
    it(`${v.id}: trailer parsed and signature ${v.signature_valid ? 'accepted' : 'rejected'}`, () => {
      const raw = bytes(v.frame_hex);
      const [frame] = frames(raw);
      expect(frame?.signed).toBe(true);
      expect(signatureInfo(raw)).toEqual({ linkId: v.link_id, timestamp10us: v.timestamp_10us });
      expect(signatureMatches(raw, bytes(v.secret_key_hex))).toBe(v.signature_valid);
      const verifier = new SignatureVerifier(bytes(v.secret_key_hex));
      expect(verifier.verify(raw, frame!.sysid, frame!.compid)).toBe(v.signature_valid ? 'ok' : 'bad_signature');
    });
  }

  it('re-signing the valid vector reproduces its bytes exactly', () => {
    const v = vectors.find((x) => x.signature_valid)!;
    const raw = bytes(v.frame_hex);
    const unsigned = raw.slice(0, raw.length - 13);
    unsigned[2] = 0; // as our encoder leaves it
    const def = ardupilotDialect().byId(raw[7] | (raw[8] << 8) | (raw[9] << 16))!;
    expect(Buffer.from(signFrame(unsigned, def.crcExtra, bytes(v.secret_key_hex), v.link_id, v.timestamp_10us)).toString('hex')).toBe(v.frame_hex);
  });

  it('a wrong key or one flipped bit fails', () => {
    const v = vectors.find((x) => x.signature_valid)!;
    const raw = bytes(v.frame_hex);
    const other = bytes(v.secret_key_hex);
    other[0] ^= 1;
    expect(signatureMatches(raw, other)).toBe(false);
    const flipped = raw.slice();
    flipped[12] ^= 0x10; // payload byte: CRC breaks too, but the signature check alone must see it
    expect(signatureMatches(flipped, bytes(v.secret_key_hex))).toBe(false);
    expect(signatureMatches(raw.slice(0, 10), bytes(v.secret_key_hex))).toBe(false);
  });
});

describe('signing our own frames', () => {
  const key = keyFromPassphrase('police-drone-07');
  const dialect = ardupilotDialect();

  function signedHeartbeat(signer: FrameSigner, linkId: number, nowMs: number, sysid = 1): Uint8Array {
    const enc = new Encoder({ sysid, compid: 1 });
    const raw = enc.encode('HEARTBEAT', { type: 2, autopilot: 3, mavlink_version: 3 });
    return signer.sign(raw, dialect.byName('HEARTBEAT')!.crcExtra, linkId, nowMs);
  }

  it('passphrase keys are SHA-256 of the text (32 bytes)', () => {
    expect(Buffer.from(key).toString('hex')).toBe(
      createHash('sha256').update('police-drone-07', 'utf8').digest('hex'),
    );
    expect(key.length).toBe(32);
  });

  it('frames pass our framer (CRC with the signed flag) and decode', () => {
    const raw = signedHeartbeat(new FrameSigner(key), 3, Date.now());
    const [f] = frames(raw);
    expect(f?.signed).toBe(true);
    expect(decodeFrame(f!)?.name).toBe('HEARTBEAT');
    expect(new SignatureVerifier(key).verify(raw, 1, 1)).toBe('ok');
  });

  it('timestamps strictly increase even when the clock stands still or steps back', () => {
    const signer = new FrameSigner(key);
    const t0 = signer.nextTimestamp(1_800_000_000_000);
    const t1 = signer.nextTimestamp(1_800_000_000_000);
    const t2 = signer.nextTimestamp(1_700_000_000_000);
    expect(t0).toBe(signingTimestamp(1_800_000_000_000));
    expect(t1).toBe(t0 + 1);
    expect(t2).toBe(t0 + 2);
  });

  it('rejects a replayed frame and an older one on the same stream; other streams are separate', () => {
    const signer = new FrameSigner(key);
    const verifier = new SignatureVerifier(key);
    const now = Date.now();
    const a = signedHeartbeat(signer, 0, now);
    const b = signedHeartbeat(signer, 0, now);
    expect(verifier.verify(a, 1, 1)).toBe('ok');
    expect(verifier.verify(a, 1, 1)).toBe('replay');
    expect(verifier.verify(b, 1, 1)).toBe('ok');
    expect(verifier.verify(a, 1, 1)).toBe('replay'); // older than b
    // The same bytes on another link id of the trailer are another stream: but those bytes are signed,
    // so a forged link id breaks the signature.
    const forged = a.slice();
    forged[forged.length - 13] = 9;
    expect(verifier.verify(forged, 1, 1)).toBe('bad_signature');
  });

  it('a new stream more than a minute behind the local timestamp is rejected', () => {
    const verifier = new SignatureVerifier(key);
    const now = Date.now();
    verifier.observeClock(signingTimestamp(now));
    const stale = signedHeartbeat(new FrameSigner(key), 4, now - 61_000);
    const fresh = signedHeartbeat(new FrameSigner(key), 5, now - 59_000);
    expect(verifier.verify(stale, 1, 1)).toBe('too_old');
    expect(verifier.verify(fresh, 1, 1)).toBe('ok');
    expect(NEW_STREAM_MAX_BEHIND_10US).toBe(6_000_000);
  });

  it('an unsigned frame is reported as unsigned', () => {
    const raw = new Encoder({ sysid: 1, compid: 1 }).encode('HEARTBEAT', { type: 2 });
    expect(new SignatureVerifier(key).verify(raw, 1, 1)).toBe('unsigned');
  });

  it('remembers a bounded number of streams', () => {
    const verifier = new SignatureVerifier(key);
    const signer = new FrameSigner(key);
    const now = Date.now();
    for (let sys = 1; sys <= 255; sys++) for (let link = 0; link < 4; link++) verifier.verify(signedHeartbeat(signer, link, now, sys), sys, 1);
    expect((verifier as unknown as { streams: Map<number, number> }).streams.size).toBeLessThanOrEqual(256);
  });
});
