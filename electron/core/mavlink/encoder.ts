// Builds MAVLink frames. One Encoder per link: MAVLink sequence numbers are per link (per sender on
// that link), so each link owns its encoder and its counter.
import { frameCrc } from './crc';
import { ardupilotDialect, type Dialect } from './dialect';
import { STX_V1, STX_V2 } from './framer';
import type { Fields } from './types';

export const GCS_SYSID = 255;
export const GCS_COMPID = 190; // MAV_COMP_ID_MISSIONPLANNER: what ground stations use

export interface EncodeOptions {
  sysid?: number;
  compid?: number;
  /** MAVLink 1 framing (for old radios and tests); default 2. */
  version?: 1 | 2;
}

export class UnknownMessageError extends Error {
  constructor(name: string) {
    super(`Unknown MAVLink message ${name}`);
  }
}

export class Encoder {
  private seq = 0;
  sysid: number;
  compid: number;

  constructor(opts: { sysid?: number; compid?: number } = {}, private readonly dialect: Dialect = ardupilotDialect()) {
    this.sysid = opts.sysid ?? GCS_SYSID;
    this.compid = opts.compid ?? GCS_COMPID;
  }

  /** The sequence number the next frame will carry. */
  get nextSeq(): number {
    return this.seq;
  }

  encode(name: string, fields: Partial<Fields>, opts: EncodeOptions = {}): Uint8Array {
    const def = this.dialect.byName(name);
    if (!def) throw new UnknownMessageError(name);
    const version = opts.version ?? 2;
    const sysid = opts.sysid ?? this.sysid;
    const compid = opts.compid ?? this.compid;
    const seq = this.seq;
    this.seq = (this.seq + 1) & 0xff;

    if (version === 1) {
      const len = def.baseLength;
      const out = new Uint8Array(6 + def.maxLength + 2);
      const dv = new DataView(out.buffer);
      def.encode(dv, 6, out, fields);
      out[0] = STX_V1;
      out[1] = len;
      out[2] = seq;
      out[3] = sysid;
      out[4] = compid;
      out[5] = def.id & 0xff;
      const crc = frameCrc(out, 1, 6 + len, def.crcExtra);
      out[6 + len] = crc & 0xff;
      out[7 + len] = crc >> 8;
      return out.subarray(0, 8 + len);
    }

    const out = new Uint8Array(10 + def.maxLength + 2);
    const dv = new DataView(out.buffer);
    def.encode(dv, 10, out, fields);
    // Trailing zero bytes of the payload are not sent (MAVLink 2 truncation); at least one byte stays.
    let len = def.maxLength;
    while (len > 1 && out[10 + len - 1] === 0) len--;
    out[0] = STX_V2;
    out[1] = len;
    out[2] = 0;
    out[3] = 0;
    out[4] = seq;
    out[5] = sysid;
    out[6] = compid;
    out[7] = def.id & 0xff;
    out[8] = (def.id >> 8) & 0xff;
    out[9] = (def.id >> 16) & 0xff;
    const crc = frameCrc(out, 1, 10 + len, def.crcExtra);
    out[10 + len] = crc & 0xff;
    out[11 + len] = crc >> 8;
    return out.slice(0, 12 + len);
  }
}
