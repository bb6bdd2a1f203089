// The dialect registry: every message of common + ardupilotmega (and what ardupilotmega includes),
// taken from mavlink-mappings (the definitions node-mavlink uses), with a decoder and an encoder
// compiled per message. We do not use node-mavlink's parser itself: its splitter skips a whole claimed
// frame after a stray STX with an unknown id (losing the good frame behind it) and it builds a class
// instance per message, which is ~10x slower than the straight-line DataView code generated here.
import { ardupilotmega, common, icarous, minimal, standard, uavionix, type MavLinkPacketRegistry } from 'mavlink-mappings';
import type { Fields, FieldValue } from './types';

export type WireType = 'uint8_t' | 'int8_t' | 'uint16_t' | 'int16_t' | 'uint32_t' | 'int32_t' | 'uint64_t' | 'int64_t' | 'float' | 'double' | 'char';

export interface FieldDef {
  /** Spec name (snake_case). */
  name: string;
  type: WireType;
  /** Offset in the payload (wire order: sorted by size, extensions last). */
  offset: number;
  /** Element size in bytes. */
  size: number;
  /** 0 for a scalar; the element count for an array (char[] included). */
  arrayLength: number;
  extension: boolean;
  units: string;
}

type Decoder = (dv: DataView, o: number, u8: Uint8Array) => Fields;
type Encoder = (dv: DataView, o: number, u8: Uint8Array, v: Partial<Fields>) => void;

export interface MessageDef {
  id: number;
  name: string;
  crcExtra: number;
  /** Payload length without extension fields (MAVLink 1 frames carry exactly this). */
  baseLength: number;
  /** Payload length with extensions. */
  maxLength: number;
  fields: FieldDef[];
  /** Decode a full-length (zero-extended) payload at byte offset o. */
  decode: Decoder;
  /** Encode values (missing fields are 0 / empty) into a zeroed full-length payload at offset o. */
  encode: Encoder;
}

const READ: Record<WireType, string> = {
  uint8_t: 'getUint8', int8_t: 'getInt8', uint16_t: 'getUint16', int16_t: 'getInt16', uint32_t: 'getUint32',
  int32_t: 'getInt32', uint64_t: 'getBigUint64', int64_t: 'getBigInt64', float: 'getFloat32', double: 'getFloat64', char: '',
};
const WRITE: Record<WireType, string> = {
  uint8_t: 'setUint8', int8_t: 'setInt8', uint16_t: 'setUint16', int16_t: 'setInt16', uint32_t: 'setUint32',
  int32_t: 'setInt32', uint64_t: 'setBigUint64', int64_t: 'setBigInt64', float: 'setFloat32', double: 'setFloat64', char: '',
};

function readString(u8: Uint8Array, start: number, length: number): string {
  let end = start;
  const max = start + length;
  while (end < max && u8[end] !== 0) end++;
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(u8[i]);
  // MAVLink strings are ASCII in practice; decode UTF-8 only when high bytes are present.
  if (/[\x80-\xff]/.test(s)) {
    try {
      return new TextDecoder('utf-8').decode(u8.subarray(start, end));
    } catch {
      return s;
    }
  }
  return s;
}

function writeString(u8: Uint8Array, start: number, length: number, value: FieldValue | undefined): void {
  if (typeof value !== 'string') return;
  const bytes = new TextEncoder().encode(value);
  u8.set(bytes.subarray(0, length), start);
}

function toBig(v: FieldValue | undefined): bigint {
  if (typeof v === 'bigint') return BigInt.asUintN(64, v);
  const n = typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0;
  return BigInt(n);
}
function toNum(v: FieldValue | undefined): number {
  return typeof v === 'number' ? v : 0;
}

/**
 * 64-bit values as numbers while exact; past 2^53 (bit masks such as TERRAIN_REQUEST.mask) as bigint,
 * because a double would silently drop the low bits.
 */
function from64(v: bigint): number | bigint {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v;
}

const helpers = { readString, writeString, toBig, toNum, from64 };

function compileDecoder(fields: FieldDef[]): Decoder {
  const parts = fields.map((f) => {
    const key = JSON.stringify(f.name);
    if (f.type === 'char') return `${key}: h.readString(u8, o + ${f.offset}, ${f.arrayLength})`;
    const read = (off: number) => {
      const call = `dv.${READ[f.type]}(o + ${off}${f.size > 1 ? ', true' : ''})`;
      return f.type === 'uint64_t' || f.type === 'int64_t' ? `h.from64(${call})` : call;
    };
    if (f.arrayLength === 0) return `${key}: ${read(f.offset)}`;
    const elems = [];
    for (let i = 0; i < f.arrayLength; i++) elems.push(read(f.offset + i * f.size));
    return `${key}: [${elems.join(', ')}]`;
  });
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('h', `return function decode(dv, o, u8) { return { ${parts.join(', ')} }; }`)(helpers) as Decoder;
}

function compileEncoder(fields: FieldDef[]): Encoder {
  const lines = fields.map((f) => {
    const key = JSON.stringify(f.name);
    if (f.type === 'char') return `h.writeString(u8, o + ${f.offset}, ${f.arrayLength}, v[${key}]);`;
    const big = f.type === 'uint64_t' || f.type === 'int64_t';
    const write = (off: number, expr: string) =>
      `dv.${WRITE[f.type]}(o + ${off}, ${big ? `h.toBig(${expr})` : `h.toNum(${expr})`}${f.size > 1 ? ', true' : ''});`;
    if (f.arrayLength === 0) return write(f.offset, `v[${key}]`);
    return `{ const a = v[${key}]; if (Array.isArray(a)) for (let i = 0; i < ${f.arrayLength} && i < a.length; i++) ${write(0, 'a[i]').replace(`o + 0`, `o + ${f.offset} + i * ${f.size}`)} }`;
  });
  return new Function('h', `return function encode(dv, o, u8, v) { ${lines.join('\n')} }`)(helpers) as Encoder;
}

function wireType(t: string): WireType {
  const base = t.replace('[]', '').replace('_mavlink_version', '');
  if (base in READ) return base as WireType;
  throw new Error(`unsupported MAVLink field type ${t}`);
}

function buildDef(cls: MavLinkPacketRegistry[number]): MessageDef {
  const fields: FieldDef[] = cls.FIELDS.map((f) => ({
    name: f.source,
    type: wireType(f.type),
    offset: f.offset,
    size: f.size,
    arrayLength: f.type.endsWith('[]') ? f.length : 0,
    extension: f.extension,
    units: f.units,
  }));
  const byteLen = (f: FieldDef) => f.size * (f.arrayLength || 1);
  const baseLength = fields.filter((f) => !f.extension).reduce((n, f) => n + byteLen(f), 0);
  const maxLength = fields.reduce((n, f) => n + byteLen(f), 0);
  return {
    id: cls.MSG_ID,
    name: cls.MSG_NAME,
    crcExtra: cls.MAGIC_NUMBER,
    baseLength,
    maxLength,
    fields,
    decode: compileDecoder(fields),
    encode: compileEncoder(fields),
  };
}

export class Dialect {
  private readonly byIdMap = new Map<number, MessageDef>();
  private readonly byNameMap = new Map<string, MessageDef>();
  /** Dense lookup for the framer's hot path (ids up to 2^16; sparse above that). */
  private readonly dense: Array<MessageDef | undefined> = [];

  constructor(registries: MavLinkPacketRegistry[]) {
    for (const reg of registries) {
      for (const cls of Object.values(reg)) {
        const def = buildDef(cls);
        this.byIdMap.set(def.id, def);
        this.byNameMap.set(def.name, def);
        if (def.id < 65536) this.dense[def.id] = def;
      }
    }
  }

  byId(id: number): MessageDef | undefined {
    return id < 65536 ? this.dense[id] : this.byIdMap.get(id);
  }

  byName(name: string): MessageDef | undefined {
    return this.byNameMap.get(name);
  }

  get size(): number {
    return this.byIdMap.size;
  }
}

let defaultDialect: Dialect | undefined;

/** minimal + standard + common + ardupilotmega and the dialects ardupilotmega includes (uAvionix, ICAROUS). */
export function ardupilotDialect(): Dialect {
  defaultDialect ??= new Dialect([minimal.REGISTRY, standard.REGISTRY, common.REGISTRY, uavionix.REGISTRY, icarous.REGISTRY, ardupilotmega.REGISTRY]);
  return defaultDialect;
}
