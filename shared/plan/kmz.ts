// KMZ = a zip holding doc.kml (or, by Google Earth's rule, the first .kml in the archive), often in a
// folder when someone zipped the folder rather than its contents, and with icons and overlays beside.

import { unzipSync } from 'fflate';
import { PlanFileError, planError } from './errors';
import { parseKml } from './kml';
import type { ImportedShape } from './shapes';
import { decodeXmlBytes } from './xml-text';

/**
 * What we unpack at most, all .kml entries together. A map file bigger than this is not a flight
 * area; the limit is checked against each entry's declared size before it is inflated, and fflate
 * never writes past a declared size, so a zip bomb is refused by this number, not by running out of
 * memory.
 */
export const MAX_KMZ_UNPACKED_BYTES = 64 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Zip names without the UTF-8 flag come to us as Latin-1 (fflate's reading). Chinese Windows writes
 * them in GBK, other tools in UTF-8 without saying so: recover the bytes and try UTF-8, then GB18030,
 * so a pilot sees "禁飞区.kml" in a message rather than mojibake.
 */
export function zipEntryName(name: string): string {
  if (![...name].some((c) => c.charCodeAt(0) > 0x7f) || [...name].some((c) => c.charCodeAt(0) > 0xff)) return name;
  const bytes = Uint8Array.from(name, (c) => c.charCodeAt(0));
  for (const enc of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(enc, { fatal: true }).decode(bytes);
    } catch {
      // not this one
    }
  }
  return name;
}

export interface KmzDocument {
  /** The entry's path inside the archive, readable. */
  name: string;
  text: string;
}

const mb = (n: number): string => (n / (1024 * 1024)).toFixed(0);

/**
 * Every .kml in a KMZ, the one Google Earth shows first: doc.kml nearest the root, else the first in
 * the archive. Throws a PlanFileError a pilot can act on for a damaged, encrypted or oversized archive.
 */
export function kmzDocuments(bytes: Uint8Array): KmzDocument[] {
  const wanted = new Set<string>();
  const order: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    // First only the directory: every size is checked before a single byte is inflated.
    let total = 0;
    unzipSync(bytes, {
      filter: (f) => {
        if (!/\.kml$/i.test(f.name) || f.name.split('/').includes('__MACOSX')) return false;
        const name = zipEntryName(f.name);
        if (f.compression !== 0 && f.compression !== 8) {
          throw planError('kmz_bad_zip', `${name} in this KMZ is encrypted or packed in a way KMZ files never are (method ${f.compression}). Export the file again without a password.`, `KMZ 中的 ${name} 已加密或使用了 KMZ 不用的压缩方式（方法 ${f.compression}）。请不加密码重新导出。`);
        }
        total += f.originalSize;
        if (total > MAX_KMZ_UNPACKED_BYTES) {
          throw planError('kmz_too_big', `This KMZ would unpack to more than ${mb(MAX_KMZ_UNPACKED_BYTES)} MB of KML (${name}: ${mb(f.originalSize)} MB). That is not a zone or map file; it may be damaged or made to exhaust memory. Ask the sender for the original file.`, `该 KMZ 解压后的 KML 超过 ${mb(MAX_KMZ_UNPACKED_BYTES)} MB（${name}：${mb(f.originalSize)} MB），不是空域或地图文件，可能已损坏或是恶意构造。请向发送方索取原始文件。`);
        }
        wanted.add(f.name);
        order.push(f.name);
        return false;
      },
    });
    files = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  } catch (err) {
    if (err instanceof PlanFileError) throw err;
    const why = (err instanceof Error ? err.message : String(err)).slice(0, 200);
    throw planError('kmz_bad_zip', `This KMZ file is damaged or incomplete (${why}); the copy or download was probably cut short. Copy it again from the source.`, `该 KMZ 文件已损坏或不完整（${why}），可能复制或下载时中断。请从来源重新复制。`);
  }
  const docs = order.filter((n) => files[n]).map((n) => ({ name: zipEntryName(n), text: decodeXmlBytes(files[n]!) }));
  if (docs.length === 0) throw planError('kmz_no_kml', 'This KMZ file holds no .kml document.', 'KMZ 文件中没有 .kml 文档。');
  const depth = (n: string): number => n.split('/').length;
  const main = docs.filter((d) => /(^|\/)doc\.kml$/i.test(d.name)).sort((a, b) => depth(a.name) - depth(b.name))[0] ?? docs[0]!;
  return [main, ...docs.filter((d) => d !== main)];
}

export function extractKmlFromKmz(bytes: Uint8Array): string {
  return kmzDocuments(bytes)[0]!.text;
}

export function parseKmz(bytes: Uint8Array): ImportedShape[] {
  return parseKml(extractKmlFromKmz(bytes));
}

/** For a file picker that accepts both: zipped bytes are KMZ, anything else is read as KML text. */
export function parseKmlOrKmz(bytes: Uint8Array): ImportedShape[] {
  return isZip(bytes) ? parseKmz(bytes) : parseKml(decodeXmlBytes(bytes));
}
