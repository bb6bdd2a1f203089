// The operations picture in the UI: coordination notes, alerts, manned traffic and each vehicle's
// mission as the station last sent or read it. Fed only by the station's events and first read.
import { create } from 'zustand';
import type { Note } from '../../shared/contract/notes';
import type { MissionPicture, OpsAlert, TrafficPicture, VehicleEstimate } from '../../shared/contract/ops-types';

/** What a click on the map means right now: nothing special, or picking a point for an action. */
export type MapPick = null | 'notePin' | 'goto' | 'roi' | 'trafficReport';

const NOTES_KEPT = 1000;
const ALERTS_KEPT = 300;

interface OpsState {
  notes: Note[];
  alerts: OpsAlert[];
  traffic: TrafficPicture | null;
  missions: Readonly<Record<string, MissionPicture>>;
  pick: MapPick;
  /** The point last picked on the map for `pick`. */
  picked: { lat: number; lon: number } | null;
  speech: boolean;
  estimates: Readonly<Record<string, VehicleEstimate>>;
  estimatesReceived(list: VehicleEstimate[]): void;
  noteReceived(n: Note): void;
  notesReplaced(list: Note[]): void;
  /** Returns true when the alert is new (the caller speaks it). */
  alertReceived(a: OpsAlert): boolean;
  alertsReplaced(list: OpsAlert[]): void;
  trafficReceived(t: TrafficPicture): void;
  missionReceived(m: MissionPicture): void;
  missionsReplaced(list: MissionPicture[]): void;
  setPick(pick: MapPick): void;
  setPicked(p: { lat: number; lon: number } | null): void;
  setSpeech(on: boolean): void;
}

function isNote(x: unknown): x is Note {
  return typeof x === 'object' && x !== null && typeof (x as Note).id === 'string' && typeof (x as Note).text === 'string' && typeof (x as Note).tMs === 'number';
}
function isAlert(x: unknown): x is OpsAlert {
  return typeof x === 'object' && x !== null && typeof (x as OpsAlert).id === 'string' && typeof (x as OpsAlert).kind === 'string';
}

export const useOpsStore = create<OpsState>()((set, get) => ({
  notes: [],
  alerts: [],
  traffic: null,
  missions: {},
  pick: null,
  picked: null,
  speech: true,
  estimates: {},
  estimatesReceived: (list) => Array.isArray(list) && set({ estimates: Object.fromEntries(list.filter((e) => typeof e?.key === 'string').map((e) => [e.key, e])) }),
  noteReceived: (n) => {
    if (!isNote(n)) return;
    set((s) => (s.notes.some((x) => x.id === n.id) ? s : { notes: [...s.notes, n].sort((a, b) => a.tMs - b.tMs).slice(-NOTES_KEPT) }));
  },
  notesReplaced: (list) => Array.isArray(list) && set({ notes: list.filter(isNote) }),
  alertReceived: (a) => {
    if (!isAlert(a)) return false;
    const isNew = !get().alerts.some((x) => x.id === a.id);
    set((s) => ({ alerts: isNew ? [...s.alerts, a].slice(-ALERTS_KEPT) : s.alerts.map((x) => (x.id === a.id ? a : x)) }));
    return isNew;
  },
  alertsReplaced: (list) => Array.isArray(list) && set({ alerts: list.filter(isAlert).slice(-ALERTS_KEPT) }),
  trafficReceived: (t) => typeof t === 'object' && t !== null && Array.isArray(t.tracks) && set({ traffic: t }),
  missionReceived: (m) => typeof m?.key === 'string' && set((s) => ({ missions: { ...s.missions, [m.key]: m } })),
  missionsReplaced: (list) => Array.isArray(list) && set({ missions: Object.fromEntries(list.map((m) => [m.key, m])) }),
  setPick: (pick) => set({ pick, picked: null }),
  setPicked: (picked) => set({ picked }),
  setSpeech: (speech) => set({ speech }),
}));
