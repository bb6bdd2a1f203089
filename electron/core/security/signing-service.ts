// MAVLink 2 signing in the station: keys (sealed in the database), the guard in the LinkManager, each
// vehicle's signing state in its snapshot, SETUP_SIGNING on the link the pilot picks, and the
// `signing` event for the UI.
import type { AircraftSigning } from '../../../shared/contract/areas/security';
import { ContractError, msg } from '../../../shared/contract/errors';
import type { VehicleSigningState } from '../../../shared/contract/types';
import type { Clock, TimerHandle } from '../protocol/port';
import type { StationDb } from '../recording/station-db';
import type { EventHub } from '../station-parts/event-hub';
import type { LiveSession } from '../station-parts/live-session';
import { signingTimestamp } from '../mavlink/signing';
import type { SecretBox } from './secret-box';
import { SigningGuard } from './signing-guard';
import { keyFingerprint, newSigningKey, SigningKeyStore, type StoredKey } from './signing-keys';

const PUBLISH_MS = 1000;
const MSG_SETUP_SIGNING = 'SETUP_SIGNING';

export interface SigningServiceOptions {
  db: StationDb;
  box: SecretBox;
  session: LiveSession;
  hub: EventHub;
  clock: Clock;
  unixNow?: () => number;
  /** A vehicle ("sysid:compid") just turned bad_signature: frames claiming to be it are being dropped. */
  onBadSignature?: (vehicleKey: string) => void;
}

export class SigningService {
  readonly guard: SigningGuard;
  private readonly store: SigningKeyStore;
  private readonly keys = new Map<number, StoredKey>();
  private readonly setupSentMs = new Map<number, number>();
  private timer: TimerHandle | null = null;
  private lastJson = '';
  private readonly unixNow: () => number;
  private unlisten: (() => void) | null = null;

  constructor(private readonly opts: SigningServiceOptions) {
    this.unixNow = opts.unixNow ?? Date.now;
    this.store = new SigningKeyStore(opts.db, opts.box);
    this.guard = new SigningGuard({
      now: () => opts.clock.now(),
      unixNow: this.unixNow,
      onStateChange: (vkey, state) => this.applyState(vkey, state),
    });
    const { keys, failed } = this.store.loadAll();
    for (const k of keys) {
      this.keys.set(k.sysid, k);
      this.guard.setKey(k.sysid, k.key, k.requireSigned);
    }
    for (const f of failed) {
      process.emitWarning(`signing key of system ${f.sysid} cannot be opened: ${f.error instanceof Error ? f.error.message : String(f.error)}`);
    }
    opts.session.links.setGuard(this.guard);
  }

  start(): void {
    this.unlisten = this.opts.session.fleet.listen({
      vehicleAdded: (v) => this.applyState(v.key, this.guard.stateOf(v.sysid, v.compid)),
    });
    const tick = () => {
      this.guard.refreshStates();
      this.publish(false);
      this.timer = this.opts.clock.setTimeout(tick, PUBLISH_MS);
    };
    this.timer = this.opts.clock.setTimeout(tick, PUBLISH_MS);
  }

  close(): void {
    if (this.timer !== null) this.opts.clock.clearTimeout(this.timer);
    this.timer = null;
    this.unlisten?.();
    this.opts.session.links.setGuard(null);
  }

  list(): AircraftSigning[] {
    const ids = new Set([...this.keys.keys(), ...this.guard.sysids()]);
    return [...ids].sort((a, b) => a - b).map((id) => this.describe(id));
  }

  describe(sysid: number): AircraftSigning {
    const k = this.keys.get(sysid);
    return {
      sysid,
      hasKey: !!k,
      keyStore: k?.store ?? null,
      keySource: k?.source ?? null,
      fingerprint: k ? keyFingerprint(k.key) : null,
      requireSigned: k?.requireSigned ?? false,
      state: this.guard.aircraftState(sysid),
      counts: this.guard.countsOf(sysid),
      setupSentMs: this.setupSentMs.get(sysid) ?? null,
    };
  }

  setKey(sysid: number, source: { source: 'passphrase'; passphrase: string } | { source: 'random' }): AircraftSigning {
    const key = newSigningKey(source);
    const require = this.keys.get(sysid)?.requireSigned ?? false;
    const stored = this.store.save(sysid, key, source.source, require, this.unixNow());
    this.keys.set(sysid, stored);
    this.setupSentMs.delete(sysid);
    this.guard.setKey(sysid, key, require);
    return this.changed(sysid);
  }

  clearKey(sysid: number): AircraftSigning {
    this.store.remove(sysid);
    this.keys.delete(sysid);
    this.setupSentMs.delete(sysid);
    this.guard.clearKey(sysid);
    return this.changed(sysid);
  }

  setRequireSigned(sysid: number, require: boolean): AircraftSigning {
    const k = this.requireKey(sysid);
    this.store.setRequireSigned(sysid, require, this.unixNow());
    k.requireSigned = require;
    this.guard.setRequireSigned(sysid, require);
    return this.changed(sysid);
  }

  /** SETUP_SIGNING to every component of the aircraft, on the pilot's link; unsigned (see SigningGuard). */
  sendSetup(sysid: number, linkId: string): AircraftSigning {
    const k = this.requireKey(sysid);
    const link = this.opts.session.links.info(linkId);
    if (!link) throw new ContractError('no_such_link', msg(`There is no link "${linkId}".`, `没有链路“${linkId}”。`));
    if (link.state !== 'open') {
      throw new ContractError('link_not_open', msg(`Link ${link.spec} is not open (${link.state}).`, `链路 ${link.spec} 未打开（${link.state}）。`));
    }
    this.opts.session.links.send(linkId, MSG_SETUP_SIGNING, {
      target_system: sysid,
      target_component: 0,
      secret_key: [...k.key],
      initial_timestamp: signingTimestamp(this.unixNow()),
    });
    this.setupSentMs.set(sysid, this.unixNow());
    return this.changed(sysid);
  }

  private requireKey(sysid: number): StoredKey {
    const k = this.keys.get(sysid);
    if (!k) {
      throw new ContractError('no_signing_key', msg(`Aircraft ${sysid} has no signing key yet: set one first.`, `飞行器 ${sysid} 尚无签名密钥：请先设置。`));
    }
    return k;
  }

  private changed(sysid: number): AircraftSigning {
    this.publish(true);
    return this.describe(sysid);
  }

  private applyState(vkey: string, state: VehicleSigningState): void {
    if (state === 'bad_signature') this.opts.onBadSignature?.(vkey);
    const v = this.opts.session.fleet.get(vkey);
    if (!v || v.snap.signing === state) return;
    v.model.snap.signing = state;
    v.dirty = true;
  }

  private publish(force: boolean): void {
    const aircraft = this.list();
    const json = JSON.stringify(aircraft);
    if (!force && json === this.lastJson) return;
    this.lastJson = json;
    this.opts.hub.emit('signing', { aircraft });
  }
}
