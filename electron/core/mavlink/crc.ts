// CRC-16/MCRF4XX (the "X.25" accumulate of the MAVLink spec), table-driven: this runs on every byte
// of every frame, so it is the framer's hot loop.
const TABLE = new Uint16Array(256);
for (let i = 0; i < 256; i++) {
  let crc = i;
  for (let b = 0; b < 8; b++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
  TABLE[i] = crc;
}

export const CRC_INIT = 0xffff;

/** Accumulate bytes[start, end) into crc. */
export function crcAccumulate(crc: number, bytes: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; i++) crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]) & 0xff];
  return crc;
}

export function crcByte(crc: number, byte: number): number {
  return (crc >>> 8) ^ TABLE[(crc ^ byte) & 0xff];
}

/** CRC over a frame's header+payload (without STX) finished with the message's CRC_EXTRA. */
export function frameCrc(bytes: Uint8Array, start: number, end: number, crcExtra: number): number {
  return crcByte(crcAccumulate(CRC_INIT, bytes, start, end), crcExtra);
}
