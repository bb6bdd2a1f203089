// Reads and indexes a .tlog in one pass: each record is an 8-byte timestamp (µs, big-endian) and one
// MAVLink frame. Real logs are messy, so every record is checked with the framer's own rules (STX,
// incompat flags, known id, CRC); whatever fails costs one byte and the walk resyncs on the next good
// record. What was skipped is counted, never thrown. The index (typed arrays, one entry per good
// frame) is what replay seeks on, so a seek never re-reads the file from the start.
import { ardupilotDialect, frameCrc, type Dialect } from '../mavlink';

export interface TlogStats {
  bytes: number;
  frames: number;
  framesV1: number;
  framesV2: number;
  /** Records whose frame had a known id and the right shape but failed its CRC. */
  crcErrors: number;
  /** Well-formed records of messages our dialect does not know (kept out of the index). */
  unknownIds: number;
  /** Bytes that were neither a good record nor an unknown-id record: noise, padding, a cut-off tail. */
  bytesSkipped: number;
  /** Of bytesSkipped, the zero bytes at the very end (padding some loggers leave). */
  zeroPaddingBytes: number;
  /** Bytes of a record cut off by the end of the file (a recorder killed mid-write). */
  truncatedBytes: number;
  /** Timestamps earlier than the one before (replay keeps them in order at the earlier time). */
  timestampsOutOfOrder: number;
  /** Timestamps that only make sense read little-endian (some tools wrote them so). */
  timestampsLittleEndian: number;
}

export interface TlogIndex {
  buf: Uint8Array;
  count: number;
  /** Offset of each good frame's first byte (its STX) in buf. */
  offset: Uint32Array;
  length: Uint16Array;
  /** Record time in µs; never decreasing along the index. */
  timeUs: Float64Array;
  msgid: Uint32Array;
  sysid: Uint8Array;
  compid: Uint8Array;
  stats: TlogStats;
  startUs: number;
  endUs: number;
}

/** Beyond the year 2100 in µs: a big-endian read this large is a little-endian stamp or garbage. */
const MAX_PLAUSIBLE_US = 4102444800e6;
/** A forward jump this large between neighbouring records is checked against the next record. */
const OUTLIER_JUMP_US = 3600e6;
const STX_V1 = 0xfe;
const STX_V2 = 0xfd;

/**
 * Length of the good frame that starts at p, or a negative reason: -1 not a frame start, -2 incomplete
 * (runs past the end), -3 known id with bad CRC. For unknown ids, returns -(4 + total) so the caller can
 * step over a well-formed record it cannot check.
 */
export function checkFrameAt(buf: Uint8Array, p: number, dialect: Dialect): number {
  const n = buf.length;
  if (p + 1 >= n) return p < n && (buf[p] === STX_V1 || buf[p] === STX_V2) ? -2 : -1;
  const stx = buf[p];
  let headerLen: number;
  let total: number;
  let msgid: number;
  if (stx === STX_V2) {
    headerLen = 10;
    if (p + headerLen > n) return -2;
    const incompat = buf[p + 2];
    if ((incompat & ~1) !== 0) return -1;
    total = headerLen + buf[p + 1] + 2 + (incompat & 1 ? 13 : 0);
    msgid = buf[p + 7] | (buf[p + 8] << 8) | (buf[p + 9] << 16);
  } else if (stx === STX_V1) {
    headerLen = 6;
    if (p + headerLen > n) return -2;
    total = headerLen + buf[p + 1] + 2;
    msgid = buf[p + 5];
  } else {
    return -1;
  }
  if (p + total > n) return -2;
  const def = dialect.byId(msgid);
  if (!def) return -(4 + total);
  const crcEnd = p + headerLen + buf[p + 1];
  if (frameCrc(buf, p + 1, crcEnd, def.crcExtra) !== (buf[crcEnd] | (buf[crcEnd + 1] << 8))) return -3;
  return total;
}

function readStamp(buf: Uint8Array, p: number): { us: number; littleEndian: boolean } | null {
  const hi = ((buf[p] << 24) | (buf[p + 1] << 16) | (buf[p + 2] << 8) | buf[p + 3]) >>> 0;
  const lo = ((buf[p + 4] << 24) | (buf[p + 5] << 16) | (buf[p + 6] << 8) | buf[p + 7]) >>> 0;
  const be = hi * 4294967296 + lo;
  if (be < MAX_PLAUSIBLE_US) return { us: be, littleEndian: false };
  const loLe = (buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16) | (buf[p + 3] << 24)) >>> 0;
  const hiLe = (buf[p + 4] | (buf[p + 5] << 8) | (buf[p + 6] << 16) | (buf[p + 7] << 24)) >>> 0;
  const le = hiLe * 4294967296 + loLe;
  if (le < MAX_PLAUSIBLE_US) return { us: le, littleEndian: true };
  return null;
}

export function indexTlog(buf: Uint8Array, dialect: Dialect = ardupilotDialect()): TlogIndex {
  const n = buf.length;
  let cap = Math.max(64, Math.ceil(n / 24));
  let offset = new Uint32Array(cap);
  let length = new Uint16Array(cap);
  let timeUs = new Float64Array(cap);
  let msgid = new Uint32Array(cap);
  let sysid = new Uint8Array(cap);
  let compid = new Uint8Array(cap);
  const stats: TlogStats = {
    bytes: n, frames: 0, framesV1: 0, framesV2: 0, crcErrors: 0, unknownIds: 0, bytesSkipped: 0,
    zeroPaddingBytes: 0, truncatedBytes: 0, timestampsOutOfOrder: 0, timestampsLittleEndian: 0,
  };
  let count = 0;
  let lastUs = -1;
  let i = 0;
  let skipFrom = -1; // start of a run of bytes being skipped
  const endSkip = (at: number) => {
    if (skipFrom < 0) return;
    stats.bytesSkipped += at - skipFrom;
    skipFrom = -1;
  };
  while (i + 8 < n) {
    const r = checkFrameAt(buf, i + 8, dialect);
    if (r > 0) {
      endSkip(i);
      stats.truncatedBytes = 0; // what looked cut off was noise inside the file
      const stamp = readStamp(buf, i);
      let us = stamp ? stamp.us : Math.max(lastUs, 0);
      if (stamp?.littleEndian) stats.timestampsLittleEndian++;
      // One stamp far ahead of both its neighbours is a damaged stamp, not an hour-long gap: left as
      // it is, it would drag every later record's time up to it.
      if (lastUs >= 0 && us - lastUs > OUTLIER_JUMP_US) {
        const next = nextStamp(buf, i + 8 + r, dialect);
        if (next !== null && next - lastUs < OUTLIER_JUMP_US) {
          stats.timestampsOutOfOrder++;
          us = lastUs;
        }
      }
      if (us < lastUs) {
        stats.timestampsOutOfOrder++;
        us = lastUs;
      }
      lastUs = us;
      if (count === cap) {
        cap *= 2;
        offset = grow(offset, cap);
        length = grow(length, cap);
        timeUs = grow(timeUs, cap);
        msgid = grow(msgid, cap);
        sysid = grow(sysid, cap);
        compid = grow(compid, cap);
      }
      const p = i + 8;
      const v2 = buf[p] === STX_V2;
      offset[count] = p;
      length[count] = r;
      timeUs[count] = us;
      msgid[count] = v2 ? buf[p + 7] | (buf[p + 8] << 8) | (buf[p + 9] << 16) : buf[p + 5];
      sysid[count] = buf[p + (v2 ? 5 : 3)];
      compid[count] = buf[p + (v2 ? 6 : 4)];
      count++;
      if (v2) stats.framesV2++;
      else stats.framesV1++;
      i = p + r;
      continue;
    }
    if (r <= -4) {
      // A well-formed record of an unknown message: step over it when a record (or the end) follows,
      // so its payload is not mistaken for frames.
      const next = i + 8 + -(r + 4);
      if (next === n || (next + 8 < n && wholeFrame(checkFrameAt(buf, next + 8, dialect)))) {
        endSkip(i);
        stats.unknownIds++;
        i = next;
        continue;
      }
    }
    if (r === -3 && skipFrom < 0) stats.crcErrors++;
    if (r === -2 && stats.truncatedBytes === 0 && isLastRecord(buf, i)) {
      stats.truncatedBytes = n - i;
    }
    if (skipFrom < 0) skipFrom = i;
    i++;
  }
  if (skipFrom < 0) skipFrom = i;
  endSkip(n);
  let z = n;
  while (z > 0 && buf[z - 1] === 0) z--;
  stats.zeroPaddingBytes = Math.min(n - z, stats.bytesSkipped);
  stats.frames = count;
  return {
    buf, count, stats,
    offset: offset.subarray(0, count),
    length: length.subarray(0, count),
    timeUs: timeUs.subarray(0, count),
    msgid: msgid.subarray(0, count),
    sysid: sysid.subarray(0, count),
    compid: compid.subarray(0, count),
    startUs: count ? timeUs[0] : 0,
    endUs: count ? timeUs[count - 1] : 0,
  };
}

/** The stamp of the record at p, if a good frame follows it. */
function nextStamp(buf: Uint8Array, p: number, dialect: Dialect): number | null {
  if (p + 8 >= buf.length || checkFrameAt(buf, p + 8, dialect) <= 0) return null;
  return readStamp(buf, p)?.us ?? null;
}

/** A complete frame follows (good, bad CRC or unknown id): the record boundary before it is real. */
function wholeFrame(r: number): boolean {
  return r > 0 || r === -3 || r <= -4;
}

/** A frame cut off by the end of the file: its STX is there, its end is not, nothing good after it. */
function isLastRecord(buf: Uint8Array, i: number): boolean {
  return buf[i + 8] === STX_V1 || buf[i + 8] === STX_V2;
}

function grow<T extends Uint32Array | Uint16Array | Uint8Array | Float64Array>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}

/** Index of the first record at or after timeUs (count when none). */
export function recordAt(index: TlogIndex, us: number): number {
  let lo = 0;
  let hi = index.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.timeUs[mid] < us) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function frameBytes(index: TlogIndex, k: number): Uint8Array {
  return index.buf.subarray(index.offset[k], index.offset[k] + index.length[k]);
}
