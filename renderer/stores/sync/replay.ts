// Feeds the replay area's stores from the station: its events and its first read.
import type { StationClient } from '../../../shared/contract/client';
import { useReplayStore } from '../replay';
import { loadFlights } from '../replay-actions';

/** Returns the unsubscribe functions. */
export function bindReplay(client: StationClient): Array<() => void> {
  const ignore = (): void => undefined;
  client.call('getReplay', {}).then((s) => useReplayStore.getState().stateArrived(s), ignore);
  const firstRead = () =>
    Promise.all([client.call('listFlights', {}), client.call('flightLogbook', {})]).then(([flights, book]) => useReplayStore.getState().setFlights(flights, book), ignore);
  void firstRead();
  return [
    client.on('replayVehicles', (p) => Array.isArray(p?.vehicles) && useReplayStore.getState().vehiclesArrived(p.vehicles)),
    client.on('replayState', (p) => typeof p?.open === 'boolean' && useReplayStore.getState().stateArrived(p)),
    client.on('flightsChanged', () => void loadFlights().catch(ignore)),
  ];
}
