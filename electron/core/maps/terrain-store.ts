// The unit's offline elevation model on disk: SRTM .hgt tiles (1" or 3", also zipped as NASA ships
// them, N46E122.hgt.zip) and GeoTIFF DEMs (.tif, .tiff: latitude/longitude, UTM or CGCS2000
// Gauss-Krüger, see shared/terrain/geotiff.ts) in one folder of the station's data directory. Files
// are read whole into memory (a 3" tile is 2.9 MB, a 1" tile 26 MB); a broken or oversized file is
// reported with the reason and skipped, never fatal.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { ContractError, msg } from '../../../shared/contract/errors';
import type { UserMessage } from '../../../shared/contract/types';
import { parseHgt, parseHgtName } from '../../../shared/terrain/hgt';
import { TerrainModel } from '../../../shared/terrain/model';
import { gridOfSheet, readGeoTiff, type ProjectedSheet } from '../../../shared/terrain/geotiff';
import { joinSheets } from '../../../shared/terrain/mosaic';
import type { ElevationGrid } from '../../../shared/terrain/model';
import { MAX_SAMPLES } from '../../../shared/terrain/tiff-raster';

export interface TerrainLoadReport {
  folder: string;
  tiles: Array<{ file: string; south: number; west: number; resolutionArcSec: number }>;
  errors: Array<{ file: string; message: UserMessage }>;
}

const MAX_FILE_BYTES = 64 * 1024 * 1024;
/**
 * A GeoTIFF is read whole before it is decoded, so its size is bounded first: 256 MB holds any
 * 60-million-sample grid the reader accepts, uncompressed, with room for its tables.
 */
export const MAX_GEOTIFF_BYTES = 256 * 1024 * 1024;

/** Reads one .hgt or .hgt.zip file into the model; throws ContractError when it is not a tile. */
export function loadHgtFile(model: TerrainModel, path: string, fileName: string): { south: number; west: number; samples: number } {
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES) throw new ContractError('terrain-size', msg(`${fileName} is too large for an SRTM tile.`, `${fileName} 过大，不是 SRTM 瓦片。`));
  const bytes = new Uint8Array(readFileSync(path));
  if (/\.zip$/i.test(fileName)) {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes, { filter: (f) => parseHgtName(f.name) !== null && f.originalSize <= MAX_FILE_BYTES });
    } catch {
      throw new ContractError('terrain-zip', msg(`${fileName} is not a readable zip file.`, `${fileName} 不是可读取的 zip 文件。`));
    }
    const [name, data] = Object.entries(entries)[0] ?? [];
    if (!name || !data) throw new ContractError('terrain-zip', msg(`${fileName} holds no .hgt tile.`, `${fileName} 中没有 .hgt 瓦片。`));
    const tile = parseHgt(name, data);
    model.add(tile);
    return tile;
  }
  const tile = parseHgt(fileName, bytes);
  model.add(tile);
  return tile;
}

/** Replaces the model's tiles with those of the folder (missing folder: no tiles, no error). */
export function loadTerrainFolder(model: TerrainModel, folder: string): TerrainLoadReport {
  const report: TerrainLoadReport = { folder, tiles: [], errors: [] };
  model.clear();
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return report;
  }
  // Projected sheets wait to be joined with their neighbours (shared/terrain/mosaic.ts); no more than
  // one DEM's worth of samples waits at a time, so a folder of many sheets stays within memory.
  let pending: ProjectedSheet[] = [];
  let pendingSamples = 0;
  const addGrid = (files: string[], grid: ElevationGrid): void => {
    model.addGrid(grid);
    for (const file of files) report.tiles.push({ file, south: grid.north - grid.dLat * (grid.rows - 1), west: grid.west, resolutionArcSec: Math.round(grid.dLat * 3600 * 10) / 10 });
  };
  const flush = (): void => {
    for (const sheet of joinSheets(pending)) {
      try {
        addGrid(sheet.files, gridOfSheet(sheet));
      } catch (err) {
        for (const file of sheet.files) report.errors.push({ file, message: err instanceof ContractError ? err.userMessage : msg(`${file}: ${String(err)}`, `${file}：${String(err)}`) });
      }
    }
    pending = [];
    pendingSamples = 0;
  };
  for (const file of names.sort()) {
    if (/\.tiff?$/i.test(file)) {
      try {
        const path = join(folder, file);
        const mb = Math.round(statSync(path).size / 1024 / 1024);
        if (mb > MAX_GEOTIFF_BYTES / 1024 / 1024) {
          throw new ContractError(
            'terrain-size',
            msg(`${file} is ${mb} MB, more than the ${MAX_GEOTIFF_BYTES / 1024 / 1024} MB a terrain file may be here; cut it into smaller tiles.`, `${file} 为 ${mb} MB，超过地形文件允许的 ${MAX_GEOTIFF_BYTES / 1024 / 1024} MB；请切分为较小的瓦片。`),
          );
        }
        const content = readGeoTiff(file, new Uint8Array(readFileSync(path)));
        if ('grid' in content) addGrid([file], content.grid);
        else {
          const n = content.sheet.raster.width * content.sheet.raster.height;
          if (pendingSamples + n > MAX_SAMPLES) flush();
          pending.push(content.sheet);
          pendingSamples += n;
        }
      } catch (err) {
        report.errors.push({ file, message: err instanceof ContractError ? err.userMessage : msg(`${file}: ${String(err)}`, `${file}：${String(err)}`) });
      }
      continue;
    }
    if (!/\.hgt(\.zip)?$/i.test(file)) continue;
    try {
      const t = loadHgtFile(model, join(folder, file), file);
      report.tiles.push({ file, south: t.south, west: t.west, resolutionArcSec: t.samples === 3601 ? 1 : 3 });
    } catch (err) {
      const message = err instanceof ContractError ? err.userMessage : msg(`${file}: ${String(err)}`, `${file}：${String(err)}`);
      report.errors.push({ file, message });
    }
  }
  flush();
  return report;
}
