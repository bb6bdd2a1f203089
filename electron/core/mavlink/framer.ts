// Finds MAVLink 1 and 2 frames in any byte chunks. A candidate frame that fails its checks (unknown
// incompat flags, unknown message id, bad CRC) costs exactly one byte: we resync at the next byte,
// so a good frame right behind noise or a stray STX is never lost.
import { frameCrc } from './crc';
import { ardupilotDialect, type Dialect } from './dialect';
import { LinkQuality } from './link-quality';
import type { Frame, FramerStats } from './types';

export const STX_V1 = 0xfe;
export const STX_V2 = 0xfd;
const V1_HEADER = 6; // STX len seq sys comp msgid
const V2_HEADER = 10; // STX len incompat compat seq sys comp msgid(3)
const CHECKSUM = 2;
const SIGNATURE = 13;
const INCOMPAT_SIGNED = 0x01;

export class Framer {
  readonly stats: FramerStats = { bytesIn: 0, framesOk: 0, crcErrors: 0, unknownIds: 0, bytesSkipped: 0, seqGaps: 0 };
  readonly quality = new LinkQuality();
  private pending: Uint8Array | null = null;
  /** End (in the current buffer) of an unknown-id candidate already counted, so its inner bytes are not counted again. */
  private unknownUntil = 0;

  constructor(private readonly dialect: Dialect = ardupilotDialect()) {}

  /** Feed bytes; onFrame is called synchronously for each good frame, in order. */
  push(chunk: Uint8Array, onFrame: (frame: Frame) => void): void {
    this.stats.bytesIn += chunk.length;
    let buf: Uint8Array;
    if (this.pending) {
      buf = new Uint8Array(this.pending.length + chunk.length);
      buf.set(this.pending, 0);
      buf.set(chunk, this.pending.length);
    } else {
      buf = chunk;
    }
    this.pending = null;
    const consumed = this.scan(buf, onFrame, false);
    if (consumed < buf.length) {
      // Copy: the caller may reuse its chunk buffer.
      this.pending = buf.slice(consumed);
    }
    this.unknownUntil = Math.max(0, this.unknownUntil - consumed);
  }

  /** End of stream (a file): whatever is left is a truncated frame or noise; count it as skipped. */
  flush(onFrame: (frame: Frame) => void): void {
    if (!this.pending) return;
    const buf = this.pending;
    this.pending = null;
    // A truncated frame may hide complete frames behind its STX; rescan them, then drop the tail.
    const consumed = this.scan(buf, onFrame, true);
    this.stats.bytesSkipped += buf.length - consumed;
    this.unknownUntil = 0;
  }

  /** Bytes held back waiting for the rest of a frame. */
  get pendingBytes(): number {
    return this.pending ? this.pending.length : 0;
  }

  /** Whether a complete frame with a good CRC starts anywhere in buf from start on. */
  private goodFrameAfter(buf: Uint8Array, start: number): boolean {
    const len = buf.length;
    for (let j = start; j < len; j++) {
      const stx = buf[j];
      if (stx !== STX_V2 && stx !== STX_V1) continue;
      const v2 = stx === STX_V2;
      const headerLen = v2 ? V2_HEADER : V1_HEADER;
      if (j + headerLen > len) return false;
      let total = headerLen + buf[j + 1] + CHECKSUM;
      if (v2) {
        if ((buf[j + 2] & ~INCOMPAT_SIGNED) !== 0) continue;
        if (buf[j + 2] & INCOMPAT_SIGNED) total += SIGNATURE;
      }
      if (j + total > len) continue;
      const def = this.dialect.byId(v2 ? buf[j + 7] | (buf[j + 8] << 8) | (buf[j + 9] << 16) : buf[j + 5]);
      if (!def) continue;
      const crcEnd = j + headerLen + buf[j + 1];
      if (frameCrc(buf, j + 1, crcEnd, def.crcExtra) === (buf[crcEnd] | (buf[crcEnd + 1] << 8))) return true;
    }
    return false;
  }

  /** Returns how many bytes of buf are finished with (frames or skipped noise). */
  private scan(buf: Uint8Array, onFrame: (frame: Frame) => void, atEnd: boolean): number {
    const len = buf.length;
    const stats = this.stats;
    let i = 0;
    let skipStart = 0;
    while (i < len) {
      const stx = buf[i];
      if (stx !== STX_V2 && stx !== STX_V1) {
        i++;
        continue;
      }
      const v2 = stx === STX_V2;
      const headerLen = v2 ? V2_HEADER : V1_HEADER;
      if (i + headerLen > len) {
        if (atEnd || this.goodFrameAfter(buf, i + 1)) {
          i++;
          continue;
        }
        break; // wait for more bytes
      }
      const payloadLen = buf[i + 1];
      let total = headerLen + payloadLen + CHECKSUM;
      let msgid: number;
      let signed = false;
      if (v2) {
        const incompat = buf[i + 2];
        if ((incompat & ~INCOMPAT_SIGNED) !== 0) {
          i++;
          continue;
        }
        signed = (incompat & INCOMPAT_SIGNED) !== 0;
        if (signed) total += SIGNATURE;
        msgid = buf[i + 7] | (buf[i + 8] << 8) | (buf[i + 9] << 16);
      } else {
        msgid = buf[i + 5];
      }
      const def = this.dialect.byId(msgid);
      if (!def) {
        if (i >= this.unknownUntil) {
          stats.unknownIds++;
          this.unknownUntil = i + total;
        }
        i++;
        continue;
      }
      if (i + total > len) {
        // A corrupt length byte makes a candidate claim bytes that belong to later frames. If a whole
        // good frame already sits behind it, the candidate is noise: waiting would hold that frame back
        // until unrelated traffic arrives, which on a quiet link (a mission upload) means seconds.
        if (atEnd || this.goodFrameAfter(buf, i + 1)) {
          i++;
          continue;
        }
        break;
      }
      const crcEnd = i + headerLen + payloadLen;
      const crc = frameCrc(buf, i + 1, crcEnd, def.crcExtra);
      if (crc !== (buf[crcEnd] | (buf[crcEnd + 1] << 8))) {
        stats.crcErrors++;
        i++;
        continue;
      }
      // A good frame: everything between the last good frame and here was noise.
      if (i > skipStart) stats.bytesSkipped += i - skipStart;
      const seq = buf[i + (v2 ? 4 : 2)];
      const sysid = buf[i + (v2 ? 5 : 3)];
      const compid = buf[i + (v2 ? 6 : 4)];
      stats.framesOk++;
      stats.seqGaps += this.quality.record(sysid, compid, seq);
      onFrame({
        version: v2 ? 2 : 1,
        seq,
        sysid,
        compid,
        msgid,
        payload: buf.subarray(i + headerLen, crcEnd),
        raw: buf.subarray(i, i + total),
        signed,
      });
      i += total;
      skipStart = i;
    }
    // Noise before the held-back tail is finished with.
    if (i > skipStart) {
      stats.bytesSkipped += i - skipStart;
    }
    return i;
  }
}
