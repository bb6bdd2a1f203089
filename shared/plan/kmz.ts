// KMZ = a zip holding doc.kml (or, by Google Earth's rule, the first .kml in the archive).

import { unzipSync } from 'fflate';
import { planError } from './errors';
import { parseKml } from './kml';
import type { ImportedShape } from './shapes';

/** A map file bigger than this unpacked is not a flight area; refusing it keeps zip bombs out. */
const MAX_KML_BYTES = 64 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function extractKmlFromKmz(bytes: Uint8Array): string {
  const order: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!/\.kml$/i.test(f.name)) return false;
        if (f.originalSize > MAX_KML_BYTES) throw new Error(`${f.name} is larger than ${MAX_KML_BYTES} bytes unpacked`);
        order.push(f.name);
        return true;
      },
    });
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).slice(0, 200);
    throw planError('kmz_bad_zip', `This KMZ file cannot be unpacked: ${why}`, `无法解压 KMZ 文件：${why}`);
  }
  const name = order.find((n) => n.toLowerCase() === 'doc.kml') ?? order[0];
  const data = name === undefined ? undefined : files[name];
  if (!data) throw planError('kmz_no_kml', 'This KMZ file holds no .kml document.', 'KMZ 文件中没有 .kml 文档。');
  return new TextDecoder('utf-8').decode(data);
}

export function parseKmz(bytes: Uint8Array): ImportedShape[] {
  return parseKml(extractKmlFromKmz(bytes));
}

/** For a file picker that accepts both: zipped bytes are KMZ, anything else is read as KML text. */
export function parseKmlOrKmz(bytes: Uint8Array): ImportedShape[] {
  return isZip(bytes) ? parseKmz(bytes) : parseKml(new TextDecoder('utf-8').decode(bytes));
}
