// SRTM .hgt elevation tiles: a square grid of big-endian int16 metres above mean sea level, rows from
// north to south, columns from west to east, edges shared with the neighbouring tiles. The file name
// gives the south-west corner ("N46E122.hgt"); the size gives the resolution: 1201 x 1201 samples is
// 3 arc-seconds (~90 m), 3601 x 3601 is 1 arc-second (~30 m). -32768 marks a void (no data).
import { ContractError, msg } from '../contract/errors';

export const HGT_VOID = -32768;

export interface HgtTile {
  /** Integer degrees of the south-west corner. */
  south: number;
  west: number;
  /** Samples per row and column: 1201 (3") or 3601 (1"). */
  samples: number;
  /** Row-major, north row first, native-endian copy of the file's values. */
  heightsM: Int16Array;
}

const SIZES: Record<number, number> = { [1201 * 1201 * 2]: 1201, [3601 * 3601 * 2]: 3601 };

/** "N46E122.hgt" (any case, any folder) -> its south-west corner, or null when it is not an SRTM name. */
export function parseHgtName(fileName: string): { south: number; west: number } | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const m = /^([NS])(\d{2})([EW])(\d{3})\.hgt$/i.exec(base);
  if (!m) return null;
  const lat = Number(m[2]);
  const lon = Number(m[4]);
  if (lat > 90 || lon > 180) return null;
  return { south: m[1]!.toUpperCase() === 'S' ? -lat : lat, west: m[3]!.toUpperCase() === 'W' ? -lon : lon };
}

export function hgtFileName(south: number, west: number): string {
  const ns = south < 0 ? 'S' : 'N';
  const ew = west < 0 ? 'W' : 'E';
  return `${ns}${String(Math.abs(south)).padStart(2, '0')}${ew}${String(Math.abs(west)).padStart(3, '0')}.hgt`;
}

export function parseHgt(fileName: string, bytes: Uint8Array): HgtTile {
  const corner = parseHgtName(fileName);
  if (!corner) {
    throw new ContractError('terrain-name', msg(`"${fileName}" is not an SRTM tile name like N46E122.hgt.`, `"${fileName}"不是 N46E122.hgt 这样的 SRTM 瓦片文件名。`));
  }
  const samples = SIZES[bytes.byteLength];
  if (!samples) {
    throw new ContractError(
      'terrain-size',
      msg(
        `${fileName}: ${bytes.byteLength} bytes is neither a 1 arc-second (3601x3601) nor a 3 arc-second (1201x1201) SRTM tile.`,
        `${fileName}：${bytes.byteLength} 字节，既不是 1 角秒（3601x3601）也不是 3 角秒（1201x1201）的 SRTM 瓦片。`,
      ),
    );
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const heightsM = new Int16Array(samples * samples);
  for (let i = 0; i < heightsM.length; i++) heightsM[i] = dv.getInt16(i * 2, false);
  return { ...corner, samples, heightsM };
}

/** The bytes of an .hgt file: for tests and for writing tiles made from other sources. */
export function encodeHgt(samples: number, heightAt: (row: number, col: number) => number): Uint8Array {
  const out = new Uint8Array(samples * samples * 2);
  const dv = new DataView(out.buffer);
  for (let r = 0; r < samples; r++) {
    for (let c = 0; c < samples; c++) dv.setInt16((r * samples + c) * 2, Math.round(heightAt(r, c)), false);
  }
  return out;
}
