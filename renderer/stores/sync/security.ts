// Feeds the security area's stores from the station: its events and its first read.
import type { StationClient } from '../../../shared/contract/client';
import { useSecurityStore } from '../security';

const RECENT_FAULT_MS = 5 * 60_000;

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
  // A window opened (or reconnected) a little after a fault still shows it: the last few minutes' worth.
  client.call('listVehicleFaults').then((list) => {
    if (!Array.isArray(list)) return;
    const recent = list.filter((f) => Date.now() - f.atMs < RECENT_FAULT_MS);
    for (const f of recent.reverse()) store().faultArrived(f);
  }, ignore);
  return offs;
}
