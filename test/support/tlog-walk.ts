// Walks a .tlog by its structure (8-byte timestamp, then one frame) without any framer, so tests can
// compare the streaming framer against the frames the file really holds.
export interface TlogRecord {
  offset: number;
  frame: Uint8Array;
}

export function walkTlog(buf: Uint8Array): TlogRecord[] {
  const out: TlogRecord[] = [];
  let i = 0;
  while (i + 9 < buf.length) {
    const stx = buf[i + 8];
    const len = buf[i + 9];
    let total: number;
    if (stx === 0xfd) total = 12 + len + (buf[i + 10] & 1 ? 13 : 0);
    else if (stx === 0xfe) total = 8 + len;
    else break; // zero padding or garbage at the end
    if (i + 8 + total > buf.length) break;
    out.push({ offset: i, frame: buf.subarray(i + 8, i + 8 + total) });
    i += 8 + total;
  }
  return out;
}
