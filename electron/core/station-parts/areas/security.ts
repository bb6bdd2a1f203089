// The station's security area: MAVLink 2 signing (keys, guard, vehicle states) over the shared
// station context. Keys are sealed by the host's SecretBox (Electron: safeStorage) or, on the server
// host, by a key file with owner-only permissions in the data folder.
import { join } from 'node:path';
import type { SecurityMethod } from '../../../../shared/contract/areas/security';
import { KeyFileBox } from '../../security/secret-box';
import { SigningService } from '../../security/signing-service';
import type { AreaContext, StationArea } from '../area';

export const KEY_FILE_NAME = 'signing-master.key';

export function createSecurityArea(ctx: AreaContext): StationArea<SecurityMethod> {
  const box = ctx.secretBox ?? new KeyFileBox(join(ctx.dataDir, KEY_FILE_NAME));
  const signing = new SigningService({ db: ctx.db, box, session: ctx.session, hub: ctx.hub, clock: ctx.clock });
  return {
    api: {
      getSigning: () => signing.list(),
      setSigningKey: (p) => signing.setKey(p.sysid, p.source === 'passphrase' ? { source: 'passphrase', passphrase: p.passphrase } : { source: 'random' }),
      clearSigningKey: (p) => signing.clearKey(p.sysid),
      setRequireSigned: (p) => signing.setRequireSigned(p.sysid, p.require),
      sendSigningSetup: (p) => signing.sendSetup(p.sysid, p.linkId),
    },
    start: () => signing.start(),
    close: () => signing.close(),
  };
}
