// The station's MAVLink 2 signing policy, sitting in the LinkManager (a FrameGuard): per aircraft
// (system id) an optional key; frames from a keyed aircraft are verified with the spec's timestamp
// rules, bad or replayed ones are dropped, unsigned ones dropped too when the pilot requires signing;
// what we send to a keyed aircraft is signed. It also keeps each vehicle's signed / unsigned /
// bad-signature state for its snapshot.
import type { SigningCounts } from '../../../shared/contract/areas/security';
import type { VehicleSigningState } from '../../../shared/contract/types';
import type { FrameGuard } from '../links/manager';
import { ardupilotDialect, type Fields, type Frame } from '../mavlink';
import { FrameSigner, SignatureVerifier } from '../mavlink/signing';

/** A rejected frame keeps the vehicle marked "bad signature" this long after it. */
export const BAD_SIGNATURE_HOLD_MS = 10_000;
/** Radios inject RADIO_STATUS unsigned; ArduPilot accepts it unsigned too. */
const MSG_RADIO_STATUS = 109;
const MSG_SETUP_SIGNING = 256;
/** Vehicles remembered: one per (sysid, compid) that sent anything; bounded against spoofed floods. */
const MAX_TRACKED = 1024;

interface AircraftKey {
  key: Uint8Array;
  verifier: SignatureVerifier;
  signer: FrameSigner;
  requireSigned: boolean;
  /** The key this one replaced: the vehicle still holds it until SETUP_SIGNING, which must be signed with it. */
  previous: FrameSigner | null;
}

interface Tracked {
  lastSignedOk: boolean;
  lastSigned: boolean;
  lastRejectMs: number | null;
}

export interface SigningGuardOptions {
  /** Station clock (ms) for how long a bad signature stays shown. */
  now(): number;
  /** Wall clock (Unix ms) for signing timestamps (the spec's time base, even when tests fake the station clock). */
  unixNow?(): number;
  /** A vehicle's state changed (key "sysid:compid"). */
  onStateChange?(vehicleKey: string, state: VehicleSigningState): void;
  /** Counts changed for an aircraft (called at most once per frame). */
  onCounts?(sysid: number): void;
}

export class SigningGuard implements FrameGuard {
  private readonly keys = new Map<number, AircraftKey>();
  private readonly tracked = new Map<string, Tracked>();
  private readonly counts = new Map<number, SigningCounts>();
  private readonly dialect = ardupilotDialect();
  /** Links each aircraft was heard on: broadcasts (our HEARTBEAT) there are signed with its key. */
  private readonly heardOn = new Map<number, Set<string>>();

  constructor(private readonly opts: SigningGuardOptions) {}

  setKey(sysid: number, key: Uint8Array, requireSigned: boolean): void {
    const verifier = new SignatureVerifier(key);
    const old = this.keys.get(sysid);
    const previous = old ? new FrameSigner(old.key, old.verifier) : null;
    this.keys.set(sysid, { key, verifier, signer: new FrameSigner(key, verifier), requireSigned, previous });
    this.resetStates(sysid);
  }

  clearKey(sysid: number): void {
    this.keys.delete(sysid);
    this.resetStates(sysid);
  }

  setRequireSigned(sysid: number, require: boolean): void {
    const k = this.keys.get(sysid);
    if (k) k.requireSigned = require;
  }

  keyOf(sysid: number): Uint8Array | null {
    return this.keys.get(sysid)?.key ?? null;
  }

  countsOf(sysid: number): SigningCounts {
    return { ...(this.counts.get(sysid) ?? emptyCounts()) };
  }

  /** Aircraft with a key or heard from. */
  sysids(): number[] {
    return [...new Set([...this.keys.keys(), ...this.counts.keys()])].sort((a, b) => a - b);
  }

  /** The state of a vehicle now (the bad-signature mark fades after BAD_SIGNATURE_HOLD_MS). */
  stateOf(sysid: number, compid: number): VehicleSigningState {
    const t = this.tracked.get(`${sysid}:${compid}`);
    return t ? this.stateFrom(sysid, t) : 'unsigned';
  }

  /** The worst state among an aircraft's components (the autopilot's usually). */
  aircraftState(sysid: number): VehicleSigningState {
    const order: VehicleSigningState[] = ['bad_signature', 'unverified', 'unsigned', 'signed'];
    let worst: VehicleSigningState | null = null;
    for (const [key, t] of this.tracked) {
      if (!key.startsWith(`${sysid}:`)) continue;
      const s = this.stateFrom(sysid, t);
      if (worst === null || order.indexOf(s) < order.indexOf(worst)) worst = s;
    }
    return worst ?? 'unsigned';
  }

  accept(frame: Frame, linkId: string): boolean {
    const k = this.keys.get(frame.sysid);
    const counts = this.countFor(frame.sysid);
    const vkey = `${frame.sysid}:${frame.compid}`;
    const t = this.track(vkey);
    if (!t) return !k; // table full of spoofed ids: keyed aircraft still fail closed
    const before = this.stateFrom(frame.sysid, t);
    let accepted = true;
    if (!k) {
      const signed = frame.signed;
      t.lastSigned = signed;
      t.lastSignedOk = false;
      // Signed frames without a key cannot be judged: the vehicle shows "unverified".
      if (!signed) counts.unsigned++;
    } else {
      const result = k.verifier.verify(frame.raw, frame.sysid, frame.compid);
      if (result === 'ok') {
        counts.signedOk++;
        t.lastSigned = true;
        t.lastSignedOk = true;
      } else if (result === 'unsigned') {
        counts.unsigned++;
        t.lastSigned = false;
        t.lastSignedOk = false;
        accepted = !k.requireSigned || frame.msgid === MSG_RADIO_STATUS;
      } else {
        if (result === 'bad_signature') counts.badSignature++;
        else counts.replayed++;
        t.lastRejectMs = this.opts.now();
        accepted = false;
      }
    }
    if (!accepted) counts.dropped++;
    else this.noteLink(frame.sysid, linkId);
    const after = this.stateFrom(frame.sysid, t);
    if (after !== before) this.opts.onStateChange?.(vkey, after);
    this.opts.onCounts?.(frame.sysid);
    return accepted;
  }

  outgoing(linkId: string, bytes: Uint8Array, _name: string, fields: Partial<Fields>): Uint8Array {
    if (bytes[0] !== 0xfd) return bytes; // MAVLink 1 cannot be signed
    const target = typeof fields.target_system === 'number' ? fields.target_system : 0;
    const msgid = bytes[7] | (bytes[8] << 8) | (bytes[9] << 16);
    const k = target !== 0 ? this.keys.get(target) : this.keyHeardOn(linkId);
    if (!k) return bytes;
    // SETUP_SIGNING carries the new key to a vehicle that holds the old one (signed with that, which it
    // checks) or none (unsigned, which it accepts): never signed with the key it is only now learning.
    const signer = msgid === MSG_SETUP_SIGNING ? k.previous : k.signer;
    if (!signer) return bytes;
    const def = this.dialect.byId(msgid);
    if (!def) return bytes;
    return signer.sign(bytes, def.crcExtra, linkNumber(linkId), (this.opts.unixNow ?? Date.now)());
  }

  /** Call periodically: a bad-signature mark fades when no rejected frame came for a while. */
  refreshStates(): void {
    for (const [vkey, t] of this.tracked) {
      if (t.lastRejectMs === null) continue;
      if (this.opts.now() - t.lastRejectMs >= BAD_SIGNATURE_HOLD_MS) {
        t.lastRejectMs = null;
        this.opts.onStateChange?.(vkey, this.stateFrom(Number(vkey.split(':')[0]), t));
      }
    }
  }

  private stateFrom(sysid: number, t: Tracked): VehicleSigningState {
    if (t.lastRejectMs !== null && this.opts.now() - t.lastRejectMs < BAD_SIGNATURE_HOLD_MS) return 'bad_signature';
    if (t.lastSignedOk) return 'signed';
    if (t.lastSigned) return this.keys.has(sysid) ? 'bad_signature' : 'unverified';
    return 'unsigned';
  }

  private resetStates(sysid: number): void {
    this.counts.delete(sysid);
    for (const [vkey, t] of this.tracked) {
      if (!vkey.startsWith(`${sysid}:`)) continue;
      t.lastSignedOk = false;
      t.lastRejectMs = null;
      this.opts.onStateChange?.(vkey, this.stateFrom(sysid, t));
    }
  }

  private track(vkey: string): Tracked | null {
    let t = this.tracked.get(vkey);
    if (!t) {
      if (this.tracked.size >= MAX_TRACKED) return null;
      t = { lastSigned: false, lastSignedOk: false, lastRejectMs: null };
      this.tracked.set(vkey, t);
    }
    return t;
  }

  private countFor(sysid: number): SigningCounts {
    let c = this.counts.get(sysid);
    if (!c) {
      c = emptyCounts();
      this.counts.set(sysid, c);
    }
    return c;
  }

  private noteLink(sysid: number, linkId: string): void {
    let set = this.heardOn.get(sysid);
    if (!set) {
      set = new Set();
      this.heardOn.set(sysid, set);
    }
    set.add(linkId);
  }

  /** The key of the keyed aircraft heard on a link (lowest sysid if several): for broadcasts there. */
  private keyHeardOn(linkId: string): AircraftKey | undefined {
    for (const sysid of [...this.keys.keys()].sort((a, b) => a - b)) {
      if (this.heardOn.get(sysid)?.has(linkId)) return this.keys.get(sysid);
    }
    return undefined;
  }
}

function emptyCounts(): SigningCounts {
  return { signedOk: 0, unsigned: 0, badSignature: 0, replayed: 0, dropped: 0 };
}

/** The signature trailer's link id: our link's number ("link-7" -> 7), one byte. */
export function linkNumber(linkId: string): number {
  const m = /(\d+)$/.exec(linkId);
  return m ? Number(m[1]) & 0xff : 0;
}
