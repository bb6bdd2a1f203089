// FakeStation's replay calls: plausible answers without the core. One flight in the library over
// Ulanhot, a replay that moves only when told, notes kept in memory.
import type { ReplayMethod } from '../../../shared/contract/areas/replay';
import type { FlightRecord, ReplayInfo, ReplayState } from '../../../shared/contract/flight-types';
import type { Note } from '../../../shared/contract/notes';
import type { FakeAreaContext, FakeArea } from './context';

const START_MS = Date.UTC(2026, 10, 28, 9, 0, 0);
const END_MS = START_MS + 12 * 60_000;
const FLIGHT: FlightRecord = {
  id: 'fake-flight-1', vehicleKey: '1:1', registration: 'B-7001', pilot: 'Zhang Wei', startMs: START_MS, endMs: END_MS,
  durationS: 720, maxAltRelM: 120, distanceM: 5400, bbox: { minLat: 46.06, minLon: 122.08, maxLat: 46.085, maxLon: 122.11 },
  missionName: 'Night market overwatch', noteCount: 1, alertCount: 0, tlogPath: '/tmp/fake.tlog', tlogSha256: '0'.repeat(64), status: 'closed',
};

export function fakeReplayArea(ctx: FakeAreaContext): FakeArea<ReplayMethod> {
  let state: ReplayState = { open: false, playing: false, speed: 1, tMs: 0, startMs: 0, endMs: 0 };
  const notes: Note[] = [
    { id: 'n1', tMs: START_MS + 60_000, kind: 'crew', author: 'Li Na', role: 'commander', callsign: null, vehicleKey: '1:1', category: 'tasking', text: 'Hold over the east gate', pos: null, flightId: FLIGHT.id },
  ];
  const info = (): ReplayInfo => ({
    flightId: FLIGHT.id, path: FLIGHT.tlogPath, startMs: START_MS, endMs: END_MS, frames: 36_000,
    skipped: { crcErrors: 0, unknownIds: 0, bytesSkipped: 0, timestampsOutOfOrder: 0, timestampsLittleEndian: 0 }, hashOk: true,
    marks: [{ tMs: START_MS + 5000, kind: 'arm', vehicleKey: '1:1', label: 'GUIDED' }, ...notes.map((n) => ({ tMs: n.tMs, kind: 'note' as const, vehicleKey: n.vehicleKey, label: n.text }))],
  });
  const set = (patch: Partial<ReplayState>) => {
    state = { ...state, ...patch };
    ctx.emit('replayState', state);
    return state;
  };
  const openIt = () => {
    set({ open: true, playing: false, speed: 1, tMs: START_MS, startMs: START_MS, endMs: END_MS });
    return info();
  };
  return {
    listFlights: () => [FLIGHT],
    flightLogbook: () => ({ perPilot: [{ name: 'Zhang Wei', flights: 1, hours: 0.2 }], perAircraft: [{ name: 'B-7001', flights: 1, hours: 0.2 }], total: { flights: 1, hours: 0.2 } }),
    setAircraftRegistration: () => null,
    setFlightDetails: (p) => ({ ...FLIGHT, ...(p.pilot !== undefined ? { pilot: p.pilot } : {}), ...(p.missionName !== undefined ? { missionName: p.missionName } : {}) }),
    openFlight: openIt,
    openTlog: openIt,
    closeReplay: () => {
      set({ open: false, playing: false });
      return null;
    },
    getReplay: () => state,
    replayControl: (p) => set({ playing: p.action === 'play', speed: p.speed ?? state.speed }),
    replaySeek: (p) => set({ tMs: Math.min(Math.max(p.tMs, START_MS), END_MS) }),
    replayStep: (p) => set({ tMs: Math.min(Math.max(state.tMs + p.seconds * 1000, START_MS), END_MS) }),
    replayNotes: () => [...notes],
    addDebriefNote: (p, caller) => {
      const note: Note = { id: `n${notes.length + 1}`, tMs: p.tMs, kind: 'debrief', author: caller.name, role: caller.role, callsign: null, vehicleKey: p.vehicleKey ?? null, category: p.category, text: p.text, pos: null, flightId: FLIGHT.id };
      notes.push(note);
      return note;
    },
    replayPicture: () => ({ tracks: [], planned: null, legs: [] }),
    exportReplay: (p) => ({ fileName: `fake.${p.format === 'notes-csv' ? 'csv' : p.format}`, mime: 'text/plain', base64: btoa('time_utc,vehicle,lat,lon\n') }),
  };
}
