// What is open in the replay: the player, the file's facts, the timeline marks, the tracks, and the
// flight it belongs to. Opening checks the file is a readable regular file and, for a library flight,
// that it still matches the hash taken at close.
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ContractError, msg } from '../../../shared/contract/errors';
import type { FlightRecord, ReplayInfo, TimelineMark } from '../../../shared/contract/flight-types';
import type { Note } from '../../../shared/contract/notes';
import { scanTlog, type TlogScan } from './flight-scan';
import { sha256 } from './flight-tracker';
import { ReplayPlayer, type ReplayPlayerOptions } from './replay-player';
import { indexTlog } from './tlog-index';

/** Node reads a file into one buffer; beyond this a replay would not fit anyway. */
const MAX_TLOG_BYTES = 2 ** 31 - 1;

export interface OpenReplay {
  player: ReplayPlayer;
  info: ReplayInfo;
  scan: TlogScan;
  flight: FlightRecord | null;
}

/** Reads a tlog a person named, with errors they can act on. */
export function readTlogFile(path: string): Uint8Array {
  const full = isAbsolute(path) ? path : resolve(path);
  let size: number;
  try {
    const st = statSync(full);
    if (!st.isFile()) throw new ContractError('tlog_not_file', msg(`${full} is not a file.`, `${full} 不是文件。`));
    size = st.size;
  } catch (err) {
    if (err instanceof ContractError) throw err;
    throw new ContractError('tlog_not_found', msg(`Cannot open ${full}: no such file or no permission.`, `无法打开 ${full}：文件不存在或无权限。`));
  }
  if (size > MAX_TLOG_BYTES) throw new ContractError('tlog_too_large', msg(`${full} is larger than 2 GB.`, `${full} 超过 2 GB。`));
  try {
    return new Uint8Array(readFileSync(full));
  } catch {
    throw new ContractError('tlog_unreadable', msg(`Cannot read ${full}.`, `无法读取 ${full}。`));
  }
}

export function openReplay(path: string, flight: FlightRecord | null, notes: Note[], opts: ReplayPlayerOptions): OpenReplay {
  return openReplayBytes(readTlogFile(path), path, flight, notes, opts);
}

/** The whole read of a tlog's bytes (index, scan, player): apart from the file so the fuzzer feeds it. */
export function openReplayBytes(bytes: Uint8Array, path: string, flight: FlightRecord | null, notes: Note[], opts: ReplayPlayerOptions): OpenReplay {
  const index = indexTlog(bytes);
  if (index.count === 0) {
    throw new ContractError('tlog_empty', msg(`${path} holds no MAVLink frames we can read.`, `${path} 中没有可读取的 MAVLink 帧。`));
  }
  const hashOk = flight?.tlogSha256 ? sha256(bytes) === flight.tlogSha256 : null;
  const scan = scanTlog(index);
  const noteMarks: TimelineMark[] = notes.map((n) => ({ tMs: n.tMs, kind: 'note', vehicleKey: n.vehicleKey, label: n.text }));
  const marks = [...scan.marks, ...noteMarks].sort((a, b) => a.tMs - b.tMs);
  const s = index.stats;
  const player = new ReplayPlayer(index, opts);
  const info: ReplayInfo = {
    flightId: flight?.id ?? null,
    path,
    startMs: player.startMs,
    endMs: player.endMs,
    frames: index.count,
    skipped: { crcErrors: s.crcErrors, unknownIds: s.unknownIds, bytesSkipped: s.bytesSkipped, timestampsOutOfOrder: s.timestampsOutOfOrder, timestampsLittleEndian: s.timestampsLittleEndian },
    hashOk,
    marks,
  };
  return { player, info, scan, flight };
}
