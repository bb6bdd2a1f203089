// The station's security area: MAVLink 2 signing (keys, guard, vehicle states) and the audit log of
// every operation on a vehicle, over the shared station context. Keys are sealed by the host's
// SecretBox (Electron: safeStorage) or, on the server host, by a 0600 key file in the data folder.
import { join } from 'node:path';
import type { SecurityMethod } from '../../../../shared/contract/areas/security';
import { AuditLog } from '../../security/audit-log';
import { LinkRestore } from '../../security/link-restore';
import { KeyFileBox } from '../../security/secret-box';
import { VehicleFaultWatcher } from '../../security/vehicle-faults';
import { SigningService } from '../../security/signing-service';
import type { AreaContext, StationArea } from '../area';

export const KEY_FILE_NAME = 'signing-master.key';

export function createSecurityArea(ctx: AreaContext): StationArea<SecurityMethod> {
  const box = ctx.secretBox ?? new KeyFileBox(join(ctx.dataDir, KEY_FILE_NAME));

  const audit = new AuditLog(ctx.db);
  // Registered now, not in start(): an operation must never run before its audit is listening.
  const faults = new VehicleFaultWatcher(ctx.session.fleet, ctx.clock, (f) => ctx.hub.emit('vehicleFault', f));
  const signing = new SigningService({
    db: ctx.db,
    box,
    session: ctx.session,
    hub: ctx.hub,
    clock: ctx.clock,
    onBadSignature: (key) => faults.signatureRejected(key),
  });
  const unlistenAudit = ctx.operations.onOperation((r) => {
    audit.operation(r);
    faults.operationEnded(r);
  });
  const linkRestore = new LinkRestore(ctx.db, ctx.session.links, () => Date.now());
  return {
    api: {
      getSigning: () => signing.list(),
      setSigningKey: (p) => signing.setKey(p.sysid, p.source === 'passphrase' ? { source: 'passphrase', passphrase: p.passphrase } : { source: 'random' }),
      clearSigningKey: (p) => signing.clearKey(p.sysid),
      setRequireSigned: (p) => signing.setRequireSigned(p.sysid, p.require),
      sendSigningSetup: (p) => signing.sendSetup(p.sysid, p.linkId),
      listAudit: (p) => audit.list(p),
      getLinkRestore: () => linkRestore.lastReport,
      listVehicleFaults: () => faults.list(),
    },
    start: async () => {
      signing.start();
      faults.start();
      const report = await linkRestore.start();
      if (report.atMs !== null) ctx.hub.emit('linksRestored', report);
    },
    close: () => {
      linkRestore.stop();
      faults.stop();
      unlistenAudit();
      signing.close();
    },
  };
}
