// The encoding halves of what shared/terrain/tiff-codecs.ts and tiff-raster.ts decode, written
// independently (from the TIFF 6.0 spec and libtiff's behaviour) so the tests check the reader against
// a second implementation rather than against itself.

/** TIFF LZW as libtiff writes it: clear first, 9-12 bit MSB-first codes, early change, clear at 4094. */
export function lzwEncode(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let accBits = 0;
  let width = 9;
  const put = (code: number): void => {
    acc = (acc << width) | code;
    accBits += width;
    while (accBits >= 8) {
      out.push((acc >>> (accBits - 8)) & 0xff);
      accBits -= 8;
    }
    acc &= (1 << accBits) - 1;
  };
  let table = new Map<number, number>();
  let next = 258;
  // libtiff grows the code width once the next free entry no longer fits (and clears at 4094).
  const added = (): void => {
    next++;
    if (next === 4094) {
      put(256);
      table = new Map();
      next = 258;
      width = 9;
    } else if (next > (1 << width) - 1) width++;
  };
  put(256);
  if (data.length === 0) {
    put(257);
    return flush();
  }
  let ent = data[0]!;
  for (let i = 1; i < data.length; i++) {
    const c = data[i]!;
    const key = ent * 256 + c;
    const hit = table.get(key);
    if (hit !== undefined) {
      ent = hit;
      continue;
    }
    put(ent);
    table.set(key, next);
    added();
    ent = c;
  }
  put(ent);
  added();
  put(257);
  return flush();

  function flush(): Uint8Array {
    if (accBits > 0) out.push((acc << (8 - accBits)) & 0xff);
    return Uint8Array.from(out);
  }
}

/** PackBits: runs of 3+ equal bytes as repeats, the rest as literals (at most 128 bytes each). */
export function packBitsEncode(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < data.length) {
    let run = 1;
    while (i + run < data.length && run < 128 && data[i + run] === data[i]) run++;
    if (run >= 3) {
      out.push((1 - run) & 0xff, data[i]!);
      i += run;
      continue;
    }
    const start = i;
    while (i < data.length && i - start < 128 && !(i + 2 < data.length && data[i] === data[i + 1] && data[i] === data[i + 2])) i++;
    out.push(i - start - 1, ...data.subarray(start, i));
  }
  return Uint8Array.from(out);
}

/** Predictor 2 on rows of `w` samples of `bytes` each, in place, in the file's byte order. */
export function horizontalDifference(block: Uint8Array, w: number, bytes: number, le: boolean): void {
  const dv = new DataView(block.buffer, block.byteOffset, block.byteLength);
  const rows = block.length / (w * bytes);
  for (let r = 0; r < rows; r++) {
    for (let c = w - 1; c >= 1; c--) {
      const p = (r * w + c) * bytes;
      if (bytes === 1) dv.setUint8(p, dv.getUint8(p) - dv.getUint8(p - 1));
      else if (bytes === 2) dv.setUint16(p, dv.getUint16(p, le) - dv.getUint16(p - 2, le), le);
      else dv.setUint32(p, dv.getUint32(p, le) - dv.getUint32(p - 4, le), le);
    }
  }
}

/** Predictor 3: each row's floats split into byte planes, most significant first, then byte-differenced. */
export function floatingPointDifference(block: Uint8Array, w: number, bytes: number, le: boolean): void {
  const rowBytes = w * bytes;
  for (let r = 0; r < block.length / rowBytes; r++) {
    const row = block.subarray(r * rowBytes, (r + 1) * rowBytes);
    const planes = new Uint8Array(rowBytes);
    for (let c = 0; c < w; c++) {
      for (let k = 0; k < bytes; k++) planes[k * w + c] = row[c * bytes + (le ? bytes - 1 - k : k)]!;
    }
    for (let i = rowBytes - 1; i >= 1; i--) planes[i] = (planes[i]! - planes[i - 1]!) & 0xff;
    row.set(planes);
  }
}
