import { ardupilotDialect, type Dialect, type MessageDef } from './dialect';
import type { Frame, Message } from './types';

// MAVLink 2 senders drop trailing zero bytes of the payload; decoders read them back as zeros.
// One scratch buffer per dialect size is enough because decode is synchronous.
let scratch = new Uint8Array(256);
let scratchView = new DataView(scratch.buffer);

// Frames of one received chunk share its ArrayBuffer: one DataView per buffer, not one per message.
let viewOf: ArrayBufferLike | null = null;
let view: DataView = scratchView;
let bytes: Uint8Array = scratch;

export function decodePayload(def: MessageDef, payload: Uint8Array): Message['fields'] {
  if (payload.length >= def.maxLength) {
    if (payload.buffer !== viewOf) {
      viewOf = payload.buffer;
      view = new DataView(payload.buffer);
      bytes = new Uint8Array(payload.buffer);
    }
    return def.decode(view, payload.byteOffset, bytes);
  }
  if (scratch.length < def.maxLength) {
    scratch = new Uint8Array(def.maxLength);
    scratchView = new DataView(scratch.buffer);
  }
  scratch.fill(0, 0, def.maxLength);
  scratch.set(payload, 0);
  return def.decode(scratchView, 0, scratch);
}

/** Decode a checked frame; undefined when its id is not in the dialect. */
export function decodeFrame(frame: Frame, dialect: Dialect = ardupilotDialect()): Message | undefined {
  const def = dialect.byId(frame.msgid);
  if (!def) return undefined;
  return {
    msgid: frame.msgid,
    name: def.name,
    sysid: frame.sysid,
    compid: frame.compid,
    seq: frame.seq,
    fields: decodePayload(def, frame.payload),
  };
}
