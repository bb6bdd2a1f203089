// Shapes of MAVLink data inside the core. Field names are the MAVLink spec's (snake_case, as in the
// XML and pymavlink); values are raw wire values (degE7, mm, cdeg, ...): reducers convert them once.

/** bigint only for 64-bit values beyond 2^53 (see dialect.ts from64). */
export type FieldValue = number | string | number[] | bigint;
export type Fields = Record<string, FieldValue>;

/** One frame as found on the wire, checked (CRC) but not decoded. Views into the received bytes. */
export interface Frame {
  version: 1 | 2;
  seq: number;
  sysid: number;
  compid: number;
  msgid: number;
  /** Payload as received (MAVLink 2 may be truncated: trailing zero bytes removed by the sender). */
  payload: Uint8Array;
  /** The whole frame, STX through CRC (and the 13-byte signature when signed), byte for byte. */
  raw: Uint8Array;
  signed: boolean;
}

/** A decoded message: the frame's header plus its fields by spec name. */
export interface Message {
  msgid: number;
  name: string;
  sysid: number;
  compid: number;
  seq: number;
  fields: Fields;
}

export interface FramerStats {
  bytesIn: number;
  framesOk: number;
  crcErrors: number;
  unknownIds: number;
  bytesSkipped: number;
  seqGaps: number;
}
