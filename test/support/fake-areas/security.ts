// FakeStation's security calls: plausible answers without the core (keys are remembered by
// fingerprint only; no frames are signed here).
import { createHash } from 'node:crypto';
import type { AircraftSigning, SecurityMethod } from '../../../shared/contract/areas/security';
import type { FakeAreaContext, FakeArea } from './context';

export function fakeSecurityArea(ctx: FakeAreaContext): FakeArea<SecurityMethod> {
  const aircraft = new Map<number, AircraftSigning>();
  const entry = (sysid: number): AircraftSigning => {
    let a = aircraft.get(sysid);
    if (!a) {
      a = {
        sysid,
        hasKey: false,
        keyStore: null,
        keySource: null,
        fingerprint: null,
        requireSigned: false,
        state: 'unsigned',
        counts: { signedOk: 0, unsigned: 0, badSignature: 0, replayed: 0, dropped: 0 },
        setupSentMs: null,
      };
      aircraft.set(sysid, a);
    }
    return a;
  };
  const changed = (a: AircraftSigning): AircraftSigning => {
    ctx.emit('signing', { aircraft: [...aircraft.values()].map((x) => ({ ...x })) });
    return { ...a };
  };
  return {
    getSigning: () => [...aircraft.values()].map((a) => ({ ...a })),
    setSigningKey: (p, caller) => {
      ctx.record('setSigningKey', caller);
      const a = entry(p.sysid);
      const material = p.source === 'passphrase' ? p.passphrase : String(Math.random());
      Object.assign(a, { hasKey: true, keyStore: 'keyFile', keySource: p.source, fingerprint: createHash('sha256').update(material).digest('hex').slice(0, 8) });
      return changed(a);
    },
    clearSigningKey: (p, caller) => {
      ctx.record('clearSigningKey', caller);
      const a = entry(p.sysid);
      Object.assign(a, { hasKey: false, keyStore: null, keySource: null, fingerprint: null, requireSigned: false, setupSentMs: null });
      return changed(a);
    },
    setRequireSigned: (p, caller) => {
      ctx.record('setRequireSigned', caller);
      const a = entry(p.sysid);
      a.requireSigned = p.require;
      return changed(a);
    },
    listAudit: () => [],
    listVehicleFaults: () => [],
    getLinkRestore: () => ({ restored: [], failed: [], atMs: null }),
    sendSigningSetup: (p, caller) => {
      ctx.record('sendSigningSetup', caller);
      const a = entry(p.sysid);
      a.setupSentMs = Date.now();
      a.state = 'signed';
      return changed(a);
    },
  };
}
