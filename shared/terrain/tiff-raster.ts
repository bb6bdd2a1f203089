// The height samples of a one-band TIFF: strips or tiles, any of tiff-codecs' compressions, the
// horizontal (2) and floating-point (3) predictors, 8/16/32-bit integers and 32/64-bit floats.
// Voids are made one value here, so the lookup compares once: int16 grids keep -32768 (as SRTM),
// everything else becomes float32 with NaN. A void is the file's GDAL_NODATA, NaN, or a height outside
// -9,000..9,000 m (no land is higher, no sea a drone flies over is deeper): -32768, -9999, 32767 and
// -3.4e38 are what exporters write when they do not say, and read as heights they would put a cliff
// into a plan check.
import { COMPRESSIONS, decompress } from './tiff-codecs';
import { damaged, TiffProblem, type Ifd } from './tiff-ifd';

export const VOID_I16 = -32768;
/** 60 million samples: a 7,700 x 7,700 DEM, 120 MB as int16 or 240 MB as float32. */
export const MAX_SAMPLES = 60_000_000;
/** A strip or tile bigger than this is not from a DEM writer (GDAL's are 256x256 or one row). */
const MAX_BLOCK_BYTES = 64 * 1024 * 1024;

export interface Raster {
  width: number;
  height: number;
  samples: Int16Array | Float32Array;
  /** The void of `samples`: -32768 for int16, NaN for float32. */
  voidValue: number;
}

/** Named in the refusal so the unit knows what to change in the export (GDAL's COMPRESS= values). */
const OTHER_COMPRESSIONS: Record<number, string> = { 7: 'JPEG', 34887: 'LERC', 34925: 'LZMA', 50000: 'ZSTD', 50001: 'WebP' };

type Kind = { get: (dv: DataView, p: number, le: boolean) => number; bytes: number; name: string };
const KINDS: Record<string, Kind> = {
  '8/1': { get: (d, p) => d.getUint8(p), bytes: 1, name: 'uint8' },
  '8/2': { get: (d, p) => d.getInt8(p), bytes: 1, name: 'int8' },
  '16/1': { get: (d, p, le) => d.getUint16(p, le), bytes: 2, name: 'uint16' },
  '16/2': { get: (d, p, le) => d.getInt16(p, le), bytes: 2, name: 'int16' },
  '32/1': { get: (d, p, le) => d.getUint32(p, le), bytes: 4, name: 'uint32' },
  '32/2': { get: (d, p, le) => d.getInt32(p, le), bytes: 4, name: 'int32' },
  '32/3': { get: (d, p, le) => d.getFloat32(p, le), bytes: 4, name: 'float32' },
  '64/3': { get: (d, p, le) => d.getFloat64(p, le), bytes: 8, name: 'float64' },
};

export function isVoid(v: number, noData: number | null): boolean {
  return v === noData || !(v >= -9_000 && v <= 9_000);
}

/** Refuses an empty grid, or one bigger than we hold, from its header alone. */
export function checkGridSize(width: number, height: number): void {
  if (width < 2 || height < 2) throw new TiffProblem('the grid is empty.', '网格为空。');
  if (width * height > MAX_SAMPLES) {
    throw new TiffProblem(
      `${width} x ${height} samples is more than the ${MAX_SAMPLES / 1e6} million one DEM file may hold here; cut it into smaller tiles.`,
      `${width} x ${height} 个采样点，超过单个 DEM 文件允许的 ${MAX_SAMPLES / 1e6} 百万个；请切分为较小的瓦片。`,
    );
  }
}

export function readRaster(ifd: Ifd, bytes: Uint8Array): Raster {
  const width = ifd.one(256);
  const height = ifd.one(257);
  checkGridSize(width, height);
  const spp = ifd.one(277, 1);
  if (spp !== 1) throw new TiffProblem(`it has ${spp} bands; an elevation model has one. Export the height band alone.`, `文件有 ${spp} 个波段；高程模型应只有一个。请只导出高程波段。`);
  const bits = ifd.one(258, 1);
  const format = ifd.one(339, 1);
  const kind = KINDS[`${bits}/${format}`];
  if (!kind) throw new TiffProblem(`${bits}-bit samples of format ${format} are not heights we can read (integers or 32/64-bit float).`, `无法读取格式 ${format} 的 ${bits} 位样本（支持整数或 32/64 位浮点）。`);
  const compression = ifd.one(259, 1);
  if (!COMPRESSIONS[compression]) {
    const known = OTHER_COMPRESSIONS[compression] ? ` (${OTHER_COMPRESSIONS[compression]})` : '';
    throw new TiffProblem(`compression ${compression}${known} is not supported; export with LZW, Deflate or none.`, `不支持压缩方式 ${compression}${known}；请以 LZW、Deflate 或无压缩导出。`);
  }
  const orientation = ifd.one(274, 1);
  if (orientation !== 1) {
    throw new TiffProblem(`its rows are stored in orientation ${orientation}; export it top-left first (the default).`, `其行以方向 ${orientation} 存储；请以默认的左上起始方向导出。`);
  }
  const predictor = ifd.one(317, 1);
  if (!(predictor === 1 || (predictor === 2 && kind.bytes <= 4) || (predictor === 3 && format === 3))) {
    throw new TiffProblem(`predictor ${predictor} with ${kind.name} samples is not supported.`, `不支持 ${kind.name} 样本使用预测器 ${predictor}。`);
  }
  const noDataText = ifd.text(42113);
  const noData = noDataText !== '' && Number.isFinite(Number(noDataText)) ? Number(noDataText) : null;

  const tiled = ifd.has(322);
  const blockW = tiled ? ifd.one(322) : width;
  const blockH = tiled ? ifd.one(323) : Math.min(ifd.one(278, height), height);
  if (blockW < 1 || blockH < 1 || blockW * blockH * kind.bytes > MAX_BLOCK_BYTES) throw new TiffProblem('its strips or tiles have an impossible size.', '条带或瓦片尺寸不合理。');
  const across = Math.ceil(width / blockW);
  const blocks = across * Math.ceil(height / blockH);
  const offsets = ifd.values(tiled ? 324 : 273);
  const counts = ifd.values(tiled ? 325 : 279);
  if (offsets.length < blocks || counts.length < blocks) throw new TiffProblem('its strip or tile table is incomplete.', '条带或瓦片表不完整。');
  // Blocks may not overlap in a real file; the sum bounds the work a file pointing every block at one
  // small, highly compressed run could ask for.
  let total = 0;
  for (let b = 0; b < blocks; b++) total += counts[b]!;
  if (total > bytes.length) throw damaged();

  const i16 = kind.name === 'int16';
  const samples = i16 ? new Int16Array(width * height) : new Float32Array(width * height);
  const voidValue = i16 ? VOID_I16 : Number.NaN;
  const rowBytes = blockW * kind.bytes;
  const block = new Uint8Array(rowBytes * blockH);
  const scratch = predictor === 3 ? new Uint8Array(rowBytes) : null;
  for (let b = 0; b < blocks; b++) {
    const off = offsets[b]!;
    const count = counts[b]!;
    if (!(off >= 0 && count >= 0 && off + count <= bytes.length)) throw damaged();
    const row0 = tiled ? Math.floor(b / across) * blockH : b * blockH;
    const col0 = tiled ? (b % across) * blockW : 0;
    const cols = Math.min(blockW, width - col0);
    const rowsIn = Math.min(blockH, height - row0);
    if (count === 0) {
      // GDAL's sparse files leave blocks that hold only no-data unwritten.
      for (let r = 0; r < rowsIn; r++) samples.fill(voidValue, (row0 + r) * width + col0, (row0 + r) * width + col0 + cols);
      continue;
    }
    // GDAL writes the last strip short and edge tiles whole; both must hold the rows they cover.
    const rows = tiled ? blockH : Math.min(blockH, height - row0);
    const got = decompress(compression, bytes.subarray(off, off + count), block.subarray(0, rows * rowBytes));
    if (got < rows * rowBytes) throw new TiffProblem('a block is shorter than its size says.', '数据块比声明的短。');
    const dv = new DataView(block.buffer, 0, rows * rowBytes);
    let le = ifd.littleEndian;
    if (predictor === 2) undoHorizontal(dv, rows, blockW, kind.bytes, le);
    if (scratch) {
      undoFloatingPoint(block, scratch, rows, blockW, kind.bytes);
      le = false;
    }
    for (let r = 0; r < rowsIn; r++) {
      let o = (row0 + r) * width + col0;
      let p = r * rowBytes;
      for (let c = 0; c < cols; c++, o++, p += kind.bytes) {
        const v = kind.get(dv, p, le);
        samples[o] = isVoid(v, noData) ? voidValue : v;
      }
    }
  }
  return { width, height, samples, voidValue };
}

/** Predictor 2: each sample is stored as the difference to its left neighbour, wrapping at its width. */
function undoHorizontal(dv: DataView, rows: number, w: number, bytes: number, le: boolean): void {
  for (let r = 0; r < rows; r++) {
    const base = r * w * bytes;
    for (let c = 1; c < w; c++) {
      const p = base + c * bytes;
      if (bytes === 1) dv.setUint8(p, dv.getUint8(p) + dv.getUint8(p - 1));
      else if (bytes === 2) dv.setUint16(p, dv.getUint16(p, le) + dv.getUint16(p - 2, le), le);
      else dv.setUint32(p, dv.getUint32(p, le) + dv.getUint32(p - 4, le), le);
    }
  }
}

/**
 * Predictor 3 (Adobe's floating-point predictor): a row's bytes are split into planes, most
 * significant first, then byte-differenced. Undoing it leaves each row as big-endian floats.
 */
function undoFloatingPoint(block: Uint8Array, scratch: Uint8Array, rows: number, w: number, bytes: number): void {
  const rowBytes = w * bytes;
  for (let r = 0; r < rows; r++) {
    const row = block.subarray(r * rowBytes, (r + 1) * rowBytes);
    for (let i = 1; i < rowBytes; i++) row[i] = (row[i]! + row[i - 1]!) & 0xff;
    scratch.set(row);
    for (let c = 0; c < w; c++) for (let k = 0; k < bytes; k++) row[c * bytes + k] = scratch[k * w + c]!;
  }
}
