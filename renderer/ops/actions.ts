// What the operations view asks of the station. Each answers with an Outcome the UI shows as is.
import type { CallParams, CallResults } from '../../shared/contract/api';
import { call, type Outcome } from '../stores/actions';
import { useOpsStore } from '../stores/ops';

/** Resolves once the station has the note on disk: only then does the UI say "saved". */
export async function addNote(params: CallParams<'addNote'>): Promise<Outcome<CallResults['addNote']>> {
  const out = await call('addNote', params);
  if (out.ok) useOpsStore.getState().noteReceived(out.value);
  return out;
}

export function sendCommand(params: CallParams<'command'>): Promise<Outcome<CallResults['command']>> {
  return call('command', params);
}

export async function openTrafficFeed(host: string, port: number): Promise<Outcome<CallResults['openTrafficFeed']>> {
  return call('openTrafficFeed', { host, port, aircraftClass: 'helicopter' });
}

export function closeTrafficFeed(id: string): Promise<Outcome<null>> {
  return call('closeTrafficFeed', { id });
}

export function reportTraffic(params: CallParams<'reportTraffic'>): Promise<Outcome<CallResults['reportTraffic']>> {
  return call('reportTraffic', params);
}

export function setAltitudeBlocks(blocks: CallParams<'setAltitudeBlocks'>['blocks']): Promise<Outcome<CallResults['setAltitudeBlocks']>> {
  return call('setAltitudeBlocks', { blocks });
}

export function setSeparation(params: CallParams<'setSeparation'>): Promise<Outcome<CallResults['setSeparation']>> {
  return call('setSeparation', params);
}
