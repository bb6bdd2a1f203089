export * from './types';
export { Dialect, ardupilotDialect, type MessageDef, type FieldDef } from './dialect';
export { Framer, STX_V1, STX_V2 } from './framer';
export { decodeFrame, decodePayload } from './decode';
export { Encoder, GCS_SYSID, GCS_COMPID, UnknownMessageError, type EncodeOptions } from './encoder';
export { LinkQuality } from './link-quality';
export { crcAccumulate, frameCrc } from './crc';
export { FrameSigner, SignatureVerifier, keyFromPassphrase, signFrame, signatureInfo, signatureMatches, signingTimestamp, SIGNING_KEY_LEN, type VerifyResult } from './signing';
