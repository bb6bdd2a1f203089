// GeoTIFF elevation models in geographic coordinates (EPSG:4326 lat/lon grids, as CGIAR SRTM,
// Copernicus GLO-30 and most unit-made DEM exports are): strips or tiles, uncompressed or Deflate,
// with or without the horizontal predictor, 16-bit integer or 32-bit float heights in metres.
// Anything else (projected/UTM grids, LZW, BigTIFF, several bands) is refused with the reason, so
// the unit knows to export the DEM differently rather than fly on a misread one.
import { unzlibSync } from 'fflate';
import { ContractError, msg } from '../contract/errors';
import type { ElevationGrid } from './model';

const MAX_SAMPLES = 60_000_000;

function refuse(name: string, en: string, zh: string): ContractError {
  return new ContractError('terrain-geotiff', msg(`${name}: ${en}`, `${name}：${zh}`));
}

interface Entry {
  type: number;
  count: number;
  valueOffset: number;
}

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 6: 1, 7: 1, 8: 2, 9: 4, 11: 4, 12: 8, 16: 8 };

export function parseGeoTiff(name: string, bytes: Uint8Array): ElevationGrid {
  if (bytes.length < 16) throw refuse(name, 'not a TIFF file.', '不是 TIFF 文件。');
  const le = bytes[0] === 0x49 && bytes[1] === 0x49;
  if (!le && !(bytes[0] === 0x4d && bytes[1] === 0x4d)) throw refuse(name, 'not a TIFF file.', '不是 TIFF 文件。');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = dv.getUint16(2, le);
  if (magic === 43) throw refuse(name, 'BigTIFF is not supported; export a regular GeoTIFF.', '不支持 BigTIFF；请导出普通 GeoTIFF。');
  if (magic !== 42) throw refuse(name, 'not a TIFF file.', '不是 TIFF 文件。');
  const check = (offset: number, length: number): void => {
    if (offset < 0 || length < 0 || offset + length > bytes.length) throw refuse(name, 'the file is truncated or damaged.', '文件被截断或已损坏。');
  };
  const ifd = dv.getUint32(4, le);
  check(ifd, 2);
  const n = dv.getUint16(ifd, le);
  check(ifd + 2, n * 12);
  const tags = new Map<number, Entry>();
  for (let i = 0; i < n; i++) {
    const o = ifd + 2 + i * 12;
    tags.set(dv.getUint16(o, le), { type: dv.getUint16(o + 2, le), count: dv.getUint32(o + 4, le), valueOffset: o + 8 });
  }
  const values = (tag: number): number[] => {
    const e = tags.get(tag);
    if (!e) return [];
    const size = TYPE_SIZE[e.type] ?? 1;
    const start = e.count * size <= 4 ? e.valueOffset : dv.getUint32(e.valueOffset, le);
    check(start, e.count * size);
    const out: number[] = [];
    for (let i = 0; i < Math.min(e.count, 10_000_000); i++) {
      const p = start + i * size;
      switch (e.type) {
        case 3: out.push(dv.getUint16(p, le)); break;
        case 4: out.push(dv.getUint32(p, le)); break;
        case 8: out.push(dv.getInt16(p, le)); break;
        case 9: out.push(dv.getInt32(p, le)); break;
        case 11: out.push(dv.getFloat32(p, le)); break;
        case 12: out.push(dv.getFloat64(p, le)); break;
        default: out.push(bytes[p]!);
      }
    }
    return out;
  };
  const one = (tag: number, fallback?: number): number => {
    const v = values(tag)[0] ?? fallback;
    if (v === undefined) throw refuse(name, `a required TIFF field (${tag}) is missing.`, `缺少必需的 TIFF 字段（${tag}）。`);
    return v;
  };
  const width = one(256);
  const height = one(257);
  const bits = one(258, 1);
  const compression = one(259, 1);
  const spp = one(277, 1);
  const predictor = one(317, 1);
  const format = one(339, 1);
  if (width < 2 || height < 2 || width * height > MAX_SAMPLES) throw refuse(name, 'the grid is empty or too large.', '网格为空或过大。');
  if (spp !== 1) throw refuse(name, 'it has several bands; an elevation model has one.', '文件有多个波段；高程模型应只有一个。');
  const kind = bits === 16 && format === 2 ? 'i16' : bits === 16 && format === 1 ? 'u16' : bits === 32 && format === 3 ? 'f32' : null;
  if (!kind) throw refuse(name, `${bits}-bit samples of format ${format} are not supported (16-bit integer or 32-bit float).`, `不支持格式 ${format} 的 ${bits} 位样本（仅支持 16 位整数或 32 位浮点）。`);
  if (compression !== 1 && compression !== 8 && compression !== 32946) {
    throw refuse(name, `compression ${compression} is not supported; export uncompressed or Deflate.`, `不支持压缩方式 ${compression}；请导出为无压缩或 Deflate。`);
  }
  if (predictor !== 1 && !(predictor === 2 && kind !== 'f32')) throw refuse(name, `predictor ${predictor} is not supported.`, `不支持预测器 ${predictor}。`);

  // Georeferencing: geographic model only, from the pixel scale and one tie point.
  const keys = values(34735);
  const geoKey = (id: number): number | undefined => {
    for (let i = 4; i + 3 < keys.length; i += 4) if (keys[i] === id && keys[i + 1] === 0) return keys[i + 3];
    return undefined;
  };
  if (geoKey(1024) !== undefined && geoKey(1024) !== 2) throw refuse(name, 'the grid is projected (for example UTM); export it in latitude/longitude (EPSG:4326).', '网格为投影坐标（如 UTM）；请以经纬度（EPSG:4326）导出。');
  const scale = values(33550);
  const tie = values(33922);
  if (scale.length < 2 || tie.length < 6) throw refuse(name, 'it carries no georeferencing (pixel scale and tie point).', '文件缺少地理参考（像素比例和控制点）。');
  const [sx, sy] = scale as [number, number];
  const [ti, tj, , tx, ty] = tie as [number, number, number, number, number];
  if (!(sx > 0 && sy > 0 && sx < 1 && sy < 1) || Math.abs(tx) > 180 || Math.abs(ty) > 90) {
    throw refuse(name, 'its coordinates are not latitude/longitude degrees.', '其坐标不是经纬度。');
  }
  const pointRegistered = geoKey(1025) === 2;
  const half = pointRegistered ? 0 : 0.5;
  const noDataText = values(42113).map((c) => String.fromCharCode(c)).join('').replace(/\0/g, '').trim();
  const noData = noDataText !== '' && Number.isFinite(Number(noDataText)) ? Number(noDataText) : null;

  const heights = kind === 'f32' ? new Float32Array(width * height) : new Int16Array(width * height);
  const sampleBytes = bits / 8;
  const tiled = tags.has(322);
  const blockW = tiled ? one(322) : width;
  const blockH = tiled ? one(323) : Math.min(one(278, height), height);
  const offsets = values(tiled ? 324 : 273);
  const counts = values(tiled ? 325 : 279);
  const across = Math.ceil(width / blockW);
  if (offsets.length !== counts.length || offsets.length < across * Math.ceil(height / blockH)) throw refuse(name, 'its strip or tile table is incomplete.', '条带或瓦片表不完整。');
  offsets.forEach((off, b) => {
    check(off, counts[b]!);
    let data = bytes.subarray(off, off + counts[b]!);
    if (compression !== 1) {
      try {
        data = unzlibSync(data);
      } catch {
        throw refuse(name, 'a compressed block cannot be unpacked.', '无法解压一个压缩块。');
      }
    }
    const rowsInBlock = tiled ? blockH : Math.min(blockH, height - b * blockH);
    if (data.length < blockW * rowsInBlock * sampleBytes) throw refuse(name, 'a block is shorter than its size says.', '数据块比声明的短。');
    const bdv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const row0 = tiled ? Math.floor(b / across) * blockH : b * blockH;
    const col0 = tiled ? (b % across) * blockW : 0;
    for (let r = 0; r < rowsInBlock; r++) {
      let prev = 0;
      for (let c = 0; c < blockW; c++) {
        const p = (r * blockW + c) * sampleBytes;
        let v = kind === 'f32' ? bdv.getFloat32(p, le) : kind === 'i16' ? bdv.getInt16(p, le) : bdv.getUint16(p, le);
        if (predictor === 2) {
          v = kind === 'i16' ? ((((v + prev) & 0xffff) << 16) >> 16) : (v + prev) & 0xffff;
          prev = v;
        }
        const row = row0 + r;
        const col = col0 + c;
        if (row < height && col < width) heights[row * width + col] = v;
      }
    }
  });
  return {
    north: ty + (tj - half) * sy,
    west: tx - (ti - half) * sx,
    dLat: sy,
    dLon: sx,
    rows: height,
    cols: width,
    heightsM: heights,
    noData,
    label: name,
  };
}
