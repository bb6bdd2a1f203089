// MAVLink 2 message signing (https://mavlink.io/en/guide/message_signing.html): a 13-byte trailer of
// link id (1), timestamp (6, little-endian, 10 us units since 2015-01-01 UTC) and the first 6 bytes of
// SHA-256(secret key || frame from STX through CRC || link id || timestamp). The incompat flag 0x01 is
// part of the CRC, so signing an encoded frame means re-stamping the flag and recomputing the CRC.
import { createHash, timingSafeEqual } from 'node:crypto';
import { frameCrc } from './crc';

export const SIGNATURE_LEN = 13;
export const SIGNING_KEY_LEN = 32;
const INCOMPAT_SIGNED = 0x01;
const V2_HEADER = 10;
/** 2015-01-01T00:00:00Z in Unix ms: the spec's signing epoch. */
const SIGNING_EPOCH_MS = Date.UTC(2015, 0, 1);
/** The spec: a new stream whose timestamp is more than one minute behind ours is a replay. */
export const NEW_STREAM_MAX_BEHIND_10US = 60 * 100_000;
/** Streams remembered per key; the C library keeps 16. A flood of made-up link ids must not grow memory. */
const MAX_STREAMS = 256;

/** Wall clock (Unix ms) to signing timestamp units. */
export function signingTimestamp(unixMs: number): number {
  return Math.max(0, Math.floor((unixMs - SIGNING_EPOCH_MS) * 100));
}

function writeU48(out: Uint8Array, at: number, value: number): void {
  let v = value;
  for (let i = 0; i < 6; i++) {
    out[at + i] = v % 256;
    v = Math.floor(v / 256);
  }
}

function readU48(buf: Uint8Array, at: number): number {
  let v = 0;
  for (let i = 5; i >= 0; i--) v = v * 256 + buf[at + i];
  return v;
}

/** SHA-256(key || bytes)[0..6]: bytes is the frame from STX through link id and timestamp. */
export function signatureOf(key: Uint8Array, bytes: Uint8Array): Uint8Array {
  const h = createHash('sha256');
  h.update(key);
  h.update(bytes);
  return new Uint8Array(h.digest().subarray(0, 6));
}

/**
 * Sign an encoded, unsigned MAVLink 2 frame: a new buffer with the signed flag, its CRC and the trailer.
 * crcExtra is the message's CRC_EXTRA (the CRC covers the incompat flags, so it changes).
 */
export function signFrame(unsigned: Uint8Array, crcExtra: number, key: Uint8Array, linkId: number, timestamp10us: number): Uint8Array {
  const payloadLen = unsigned[1];
  const crcEnd = V2_HEADER + payloadLen;
  const out = new Uint8Array(crcEnd + 2 + SIGNATURE_LEN);
  out.set(unsigned.subarray(0, crcEnd), 0);
  out[2] |= INCOMPAT_SIGNED;
  const crc = frameCrc(out, 1, crcEnd, crcExtra);
  out[crcEnd] = crc & 0xff;
  out[crcEnd + 1] = crc >> 8;
  out[crcEnd + 2] = linkId & 0xff;
  writeU48(out, crcEnd + 3, timestamp10us);
  out.set(signatureOf(key, out.subarray(0, crcEnd + 9)), crcEnd + 9);
  return out;
}

export interface SignatureInfo {
  linkId: number;
  timestamp10us: number;
}

/** The link id and timestamp of a signed frame's trailer (null when the frame is not signed MAVLink 2). */
export function signatureInfo(raw: Uint8Array): SignatureInfo | null {
  if (raw.length < V2_HEADER + 2 + SIGNATURE_LEN || (raw[2] & INCOMPAT_SIGNED) === 0) return null;
  const t = raw.length - SIGNATURE_LEN;
  return { linkId: raw[t], timestamp10us: readU48(raw, t + 1) };
}

/** Whether a signed frame's signature matches key (constant time). Timestamps are not judged here. */
export function signatureMatches(raw: Uint8Array, key: Uint8Array): boolean {
  if (!signatureInfo(raw)) return false;
  const sigAt = raw.length - 6;
  const expected = signatureOf(key, raw.subarray(0, sigAt));
  return timingSafeEqual(expected, raw.subarray(sigAt));
}

export type VerifyResult = 'ok' | 'unsigned' | 'bad_signature' | 'replay' | 'too_old';

/**
 * One key's receive side: the spec's timestamp rules per stream (sysid, compid, link id). A frame is
 * rejected when its timestamp is not newer than the last one accepted on its stream (a replayed or
 * repeated frame), or when it opens a new stream more than a minute behind the newest timestamp seen.
 */
export class SignatureVerifier {
  private readonly streams = new Map<number, number>();
  /** Newest timestamp accepted or sent with this key: the spec's "local timestamp". */
  private newest10us = 0;

  constructor(private readonly key: Uint8Array) {}

  get localTimestamp10us(): number {
    return this.newest10us;
  }

  /** Advance the local timestamp (from the wall clock), as the spec asks of a system with a clock. */
  observeClock(timestamp10us: number): void {
    if (timestamp10us > this.newest10us) this.newest10us = timestamp10us;
  }

  verify(raw: Uint8Array, sysid: number, compid: number): VerifyResult {
    const info = signatureInfo(raw);
    if (!info) return 'unsigned';
    if (!signatureMatches(raw, this.key)) return 'bad_signature';
    const stream = (sysid << 16) | (compid << 8) | info.linkId;
    const last = this.streams.get(stream);
    if (last !== undefined) {
      if (info.timestamp10us <= last) return 'replay';
    } else {
      if (info.timestamp10us + NEW_STREAM_MAX_BEHIND_10US < this.newest10us) return 'too_old';
      if (this.streams.size >= MAX_STREAMS) {
        // Forget the oldest stream: it must re-prove freshness against the local timestamp.
        const oldest = this.streams.keys().next().value;
        if (oldest !== undefined) this.streams.delete(oldest);
      }
    }
    this.streams.delete(stream); // re-insert: Map order is then least recently used first
    this.streams.set(stream, info.timestamp10us);
    this.observeClock(info.timestamp10us);
    return 'ok';
  }
}

/** One key's send side: strictly increasing timestamps, never behind the wall clock or what we received. */
export class FrameSigner {
  private last10us = 0;

  constructor(
    readonly key: Uint8Array,
    private readonly verifier?: SignatureVerifier,
  ) {}

  nextTimestamp(unixMs: number): number {
    // Strictly after anything this key has signed or accepted: another signer of the same key (after a
    // re-key) may have used the local timestamp already, and the receiver rejects an equal one.
    const floor = Math.max(signingTimestamp(unixMs), this.verifier ? this.verifier.localTimestamp10us + 1 : 0);
    this.last10us = Math.max(floor, this.last10us + 1);
    this.verifier?.observeClock(this.last10us);
    return this.last10us;
  }

  sign(unsigned: Uint8Array, crcExtra: number, linkId: number, unixMs: number): Uint8Array {
    return signFrame(unsigned, crcExtra, this.key, linkId, this.nextTimestamp(unixMs));
  }
}

/** A key from a passphrase, as MAVProxy and Mission Planner derive it: SHA-256 of the UTF-8 text. */
export function keyFromPassphrase(passphrase: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(passphrase, 'utf8').digest());
}
