// STATUSTEXT: the autopilot's messages to the pilot ("PreArm: ...", "EKF variance"). A text longer
// than 50 characters comes in chunks sharing a non-zero id; the last chunk is the one shorter than 50.
import { num, type Reducer, type VehicleModel } from './types';
import type { StatusText } from '../../../../shared/contract/types';

const CHUNK_LENGTH = 50;
const MAX_CHUNKS = 20;
/** A chunked text whose last part never came is shown as far as it got, after this long. */
const CHUNK_TIMEOUT_MS = 2000;

function complete(model: VehicleModel, text: string, severity: number, nowMs: number): { statusText: StatusText } {
  const st: StatusText = { severity, text, t: nowMs };
  model.snap.lastStatusText = st;
  return { statusText: st };
}

export const reduceStatusText: Reducer = (model, f, ctx) => {
  const severity = Math.min(7, Math.max(0, num(f, 'severity') | 0));
  const text = typeof f.text === 'string' ? f.text : '';
  const id = num(f, 'id') | 0;
  const chunkSeq = num(f, 'chunk_seq') | 0;
  const pending = model.statusChunks;
  // A new message id (or a stale unfinished one) ends the previous reassembly: show what we have.
  let flushed: { statusText: StatusText } | undefined;
  if (pending && (pending.id !== id || ctx.nowMs - pending.startedMs > CHUNK_TIMEOUT_MS)) {
    model.statusChunks = null;
    flushed = complete(model, pending.parts.join(''), pending.severity, ctx.nowMs);
  }
  if (id === 0) return complete(model, text, severity, ctx.nowMs);
  const chunks = model.statusChunks ?? { id, severity, parts: [], startedMs: ctx.nowMs };
  model.statusChunks = chunks;
  if (chunkSeq < MAX_CHUNKS) chunks.parts[chunkSeq] = text;
  if (text.length < CHUNK_LENGTH || chunkSeq >= MAX_CHUNKS - 1) {
    model.statusChunks = null;
    return complete(model, Array.from(chunks.parts, (p) => p ?? '').join(''), chunks.severity, ctx.nowMs);
  }
  return flushed;
};
