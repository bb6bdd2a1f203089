// Feeds the security area's stores from the station: its events and its first read.
import type { StationClient } from '../../../shared/contract/client';
import { useSecurityStore } from '../security';

/** Returns the unsubscribe functions. */
export function bindSecurity(client: StationClient): Array<() => void> {
  const store = useSecurityStore.getState;
  const offs = [
    client.on('signing', (p) => Array.isArray(p?.aircraft) && store().signingReceived(p.aircraft)),
    client.on('vehicleFault', (p) => store().faultArrived(p)),
    client.on('linksRestored', (p) => store().restoreArrived(p)),
  ];
  const ignore = (): void => undefined;
  client.call('getSigning').then((list) => store().signingReceived(list), ignore);
  return offs;
}
