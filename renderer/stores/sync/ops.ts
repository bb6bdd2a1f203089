// Feeds the ops area's stores from the station: its events and its first read. New active alerts
// are spoken here, once, whichever view is showing.
import type { StationClient } from '../../../shared/contract/client';
import { speakAlert } from '../../ops/speech';
import { useLanguageStore } from '../language';
import { useOpsStore } from '../ops';

/** Returns the unsubscribe functions. */
export function bindOps(client: StationClient): Array<() => void> {
  const ops = () => useOpsStore.getState();
  const offs = [
    // The live view keeps the crews' notes; trainers' debrief notes belong to the replay.
    client.on('note', (n) => n?.kind === 'crew' && ops().noteReceived(n)),
    client.on('alert', (a) => {
      if (ops().alertReceived(a) && a.active && ops().speech) speakAlert(a, useLanguageStore.getState().language);
    }),
    client.on('traffic', (t) => ops().trafficReceived(t)),
    client.on('missionPicture', (m) => ops().missionReceived(m)),
    client.on('estimates', (e) => ops().estimatesReceived(e?.estimates)),
  ];
  const ignore = (): void => undefined;
  client.call('listNotes', { kind: 'crew' }).then((list) => ops().notesReplaced(list), ignore);
  client.call('getOpsPicture', {}).then((p) => {
    if (typeof p !== 'object' || p === null) return;
    ops().alertsReplaced(p.alerts);
    ops().trafficReceived(p.traffic);
    ops().missionsReplaced(p.missions);
    ops().estimatesReceived(p.estimates);
  }, ignore);
  return offs;
}
