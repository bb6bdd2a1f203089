// Rewrites fields of a zip made with fflate, in place, to make the archives real files go wrong with:
// a declared size that lies (zip bombs), a compression method KMZ never uses (encrypted entries),
// and an entry name in GBK without the UTF-8 flag, as Chinese Windows writes it. Both the local header
// and the central directory are patched, as a zip reader may trust either.

const CENTRAL = 0x02014b50;
const END = 0x06054b50;

interface Entry {
  central: number;
  local: number;
  nameLength: number;
}

function entries(zip: Uint8Array): Entry[] {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && dv.getUint32(end, true) !== END) end--;
  if (end < 0) throw new Error('not a zip');
  const count = dv.getUint16(end + 10, true);
  let o = dv.getUint32(end + 16, true);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (dv.getUint32(o, true) !== CENTRAL) throw new Error('bad central directory');
    const n = dv.getUint16(o + 28, true);
    out.push({ central: o, local: dv.getUint32(o + 42, true), nameLength: n });
    o += 46 + n + dv.getUint16(o + 30, true) + dv.getUint16(o + 32, true);
  }
  return out;
}

export function patchZipEntry(zip: Uint8Array, index: number, patch: { uncompressedSize?: number; method?: number; nameBytes?: Uint8Array }): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(zip);
  const dv = new DataView(out.buffer);
  const e = entries(out)[index];
  if (!e) throw new Error(`no entry ${index}`);
  if (patch.uncompressedSize !== undefined) {
    dv.setUint32(e.local + 22, patch.uncompressedSize, true);
    dv.setUint32(e.central + 24, patch.uncompressedSize, true);
  }
  if (patch.method !== undefined) {
    dv.setUint16(e.local + 8, patch.method, true);
    dv.setUint16(e.central + 10, patch.method, true);
  }
  if (patch.nameBytes) {
    if (patch.nameBytes.length !== e.nameLength) throw new Error('a new name must have the same byte length');
    // Clear the UTF-8 flag (bit 11): the name is in the system code page, as old zip tools write it.
    dv.setUint16(e.local + 6, dv.getUint16(e.local + 6, true) & ~0x800, true);
    dv.setUint16(e.central + 8, dv.getUint16(e.central + 8, true) & ~0x800, true);
    out.set(patch.nameBytes, e.local + 30);
    out.set(patch.nameBytes, e.central + 46);
  }
  return out;
}
