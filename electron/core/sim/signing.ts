// MAVLink 2 signing on the simulated vehicle's side, as ArduPilot does it: with a key, every frame it
// sends is signed and every frame it receives must carry a good signature with a fresh timestamp
// (unsigned RADIO_STATUS excepted); SETUP_SIGNING addressed to it installs a key (all zeros: off).
// Sits around the transport as an inbound filter and an outbound wrapper, so the endpoint is unchanged.
import { ardupilotDialect, decodeFrame, Framer } from '../mavlink';
import { FrameSigner, SignatureVerifier, SIGNING_KEY_LEN } from '../mavlink/signing';
import type { InboundFilter } from './transport';

const MSG_RADIO_STATUS = 109;
const MSG_SETUP_SIGNING = 256;
/** The sim's signature trailer link id. */
const SIM_LINK_ID = 0;

export interface SimSigningStats {
  accepted: number;
  rejected: number;
}

let keySerial = 0;

export class SimSigning {
  /** Order in which keys were installed across instances: the newest key signs what a vehicle sends. */
  keyedOrder = 0;
  private signer: FrameSigner | null = null;
  private verifier: SignatureVerifier | null = null;
  private readonly framer = new Framer();
  private readonly dialect = ardupilotDialect();
  readonly stats: SimSigningStats = { accepted: 0, rejected: 0 };

  /** sysids: the vehicles behind this socket (SETUP_SIGNING for any of them applies here). */
  constructor(
    key: Uint8Array | null,
    private readonly sysids: ReadonlySet<number>,
    private readonly unixNow: () => number = Date.now,
  ) {
    if (key) this.setKey(key);
  }

  get enabled(): boolean {
    return this.signer !== null;
  }

  setKey(key: Uint8Array | null): void {
    if (!key || key.length !== SIGNING_KEY_LEN || key.every((b) => b === 0)) {
      this.signer = this.verifier = null;
      return;
    }
    this.verifier = new SignatureVerifier(key);
    this.signer = new FrameSigner(key, this.verifier);
    this.keyedOrder = ++keySerial;
  }

  /** The bytes to put on the wire for one encoded frame. */
  outbound(bytes: Uint8Array): Uint8Array {
    if (!this.signer || bytes[0] !== 0xfd || (bytes[2] & 0x01) !== 0) return bytes;
    const def = this.dialect.byId(bytes[7] | (bytes[8] << 8) | (bytes[9] << 16));
    return def ? this.signer.sign(bytes, def.crcExtra, SIM_LINK_ID, this.unixNow()) : bytes;
  }

  readonly inbound: InboundFilter = (bytes, push) => {
    if (!this.verifier) push(bytes); // no key: everything passes untouched; still watch for SETUP_SIGNING
    this.framer.push(bytes, (frame) => {
      let accepted = true;
      if (this.verifier) {
        const result = this.verifier.verify(frame.raw, frame.sysid, frame.compid);
        accepted = result === 'ok' || (result === 'unsigned' && frame.msgid === MSG_RADIO_STATUS);
        if (accepted) {
          this.stats.accepted++;
          push(frame.raw.slice());
        } else {
          this.stats.rejected++;
        }
      }
      if (accepted && frame.msgid === MSG_SETUP_SIGNING) this.setup(frame);
    });
  };

  private setup(frame: Parameters<typeof decodeFrame>[0]): void {
    const m = decodeFrame(frame, this.dialect);
    if (!m || !this.sysids.has(m.fields.target_system as number)) return;
    const key = m.fields.secret_key;
    this.setKey(Array.isArray(key) ? new Uint8Array(key) : null);
  }
}

/** `--signing-key HEX`: exactly 32 bytes. */
export function parseSigningKeyHex(text: string): Uint8Array | null {
  if (!/^[0-9a-fA-F]{64}$/.test(text)) return null;
  return new Uint8Array(Buffer.from(text, 'hex'));
}
