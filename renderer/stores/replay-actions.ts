// What the replay view asks of the station; results land in the replay store.
import type { FlightFilter, ReplayInfo, ReplayState } from '../../shared/contract/flight-types';
import type { Note, NoteCategory } from '../../shared/contract/notes';
import { call, type Outcome } from './actions';
import { useReplayStore } from './replay';

export async function loadFlights(filter: FlightFilter = useReplayStore.getState().filter): Promise<void> {
  const [flights, logbook] = await Promise.all([call('listFlights', filter), call('flightLogbook', filter)]);
  if (flights.ok && logbook.ok) useReplayStore.getState().setFlights(flights.value, logbook.value);
}

async function afterOpen(out: Outcome<ReplayInfo>): Promise<Outcome<ReplayInfo>> {
  if (!out.ok) return out;
  useReplayStore.getState().opened(out.value);
  const [notes, picture, state] = await Promise.all([call('replayNotes', {}), call('replayPicture', {}), call('getReplay', {})]);
  if (notes.ok) useReplayStore.getState().setNotes(notes.value);
  if (picture.ok) useReplayStore.getState().setPicture(picture.value);
  if (state.ok) useReplayStore.getState().stateArrived(state.value);
  return out;
}

export async function openFlight(id: string): Promise<Outcome<ReplayInfo>> {
  return afterOpen(await call('openFlight', { id }));
}

export async function openTlog(path: string): Promise<Outcome<ReplayInfo>> {
  return afterOpen(await call('openTlog', { path }));
}

export async function closeReplay(): Promise<void> {
  await call('closeReplay', {});
  useReplayStore.getState().closed();
}

function stateOf(out: Outcome<ReplayState>): Outcome<ReplayState> {
  if (out.ok) useReplayStore.getState().stateArrived(out.value);
  return out;
}

export async function play(speed?: number): Promise<Outcome<ReplayState>> {
  return stateOf(await call('replayControl', { action: 'play', ...(speed === undefined ? {} : { speed }) }));
}

export async function pause(speed?: number): Promise<Outcome<ReplayState>> {
  return stateOf(await call('replayControl', { action: 'pause', ...(speed === undefined ? {} : { speed }) }));
}

export async function seek(tMs: number): Promise<Outcome<ReplayState>> {
  return stateOf(await call('replaySeek', { tMs }));
}

export async function step(seconds: number): Promise<Outcome<ReplayState>> {
  return stateOf(await call('replayStep', { seconds }));
}

export async function addDebriefNote(tMs: number, text: string, category: NoteCategory): Promise<Outcome<Note>> {
  const out = await call('addDebriefNote', { tMs, text, category });
  if (out.ok) {
    const s = useReplayStore.getState();
    s.setNotes([...s.notes, out.value].sort((a, b) => a.tMs - b.tMs));
    if (s.info) useReplayStore.setState({ info: { ...s.info, marks: [...s.info.marks, { tMs, kind: 'note' as const, vehicleKey: null, label: text }].sort((a, b) => a.tMs - b.tMs) } });
  }
  return out;
}

export type ExportKind = 'kml' | 'kmz' | 'gpx' | 'csv' | 'notes-csv';

/** Asks the station for the file and hands it to the browser's download (works in both hosts). */
export async function exportReplay(format: ExportKind): Promise<Outcome<string>> {
  const out = await call('exportReplay', { format });
  if (!out.ok) return out;
  const bin = atob(out.value.base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: out.value.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = out.value.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, value: out.value.fileName };
}
