// The station's replay area: records every live link, keeps flights in the library (with crash
// recovery), and runs one replay player whose vehicles reach the UI like live ones.
import { basename, join } from 'node:path';
import type { ReplayMethod } from '../../../../shared/contract/areas/replay';
import { ContractError, msg } from '../../../../shared/contract/errors';
import type { ReplayState } from '../../../../shared/contract/flight-types';
import type { NotesQuery } from '../../../../shared/contract/notes';
import type { ReplayPicture } from '../../../../shared/contract/replay-picture';
import type { MissionItem } from '../../../../shared/plan';
import { exportTrack, notesCsv } from '../../recording/flight-export';
import { FlightLibrary } from '../../recording/flight-library';
import { FlightTracker, type FlightStart } from '../../recording/flight-tracker';
import { LinkRecorder } from '../../recording/link-recorder';
import { legErrors, plannedWaypoints } from '../../recording/planned-vs-flown';
import { openReplay, type OpenReplay } from '../../recording/replay-session';
import type { AreaContext, StationArea } from '../area';

export interface ReplayAreaOptions {
  /** The notes store (the ops area's); the lead wires it at merge. Without it: no notes, no debrief. */
  notes?: NotesQuery;
  startOn?: FlightStart;
  endGraceMs?: number;
}

/** The UI hears the replay's vehicles at most this often while playing (like live's coalescing). */
const VEHICLES_EVERY_MS = 150;
const CLOSED: ReplayState = { open: false, playing: false, speed: 1, tMs: 0, startMs: 0, endMs: 0 };

export function createReplayArea(ctx: AreaContext, opts: ReplayAreaOptions = {}): StationArea<ReplayMethod> {
  const recorder = new LinkRecorder(ctx.session.links, join(ctx.dataDir, 'recordings'));
  const library = new FlightLibrary(ctx.db);
  const tracker = new FlightTracker({
    session: ctx.session, library, dir: join(ctx.dataDir, 'flights'), clock: ctx.clock, notes: opts.notes,
    startOn: opts.startOn, endGraceMs: opts.endGraceMs, onChange: (f) => ctx.hub.emit('flightsChanged', { id: f.id }),
  });
  const unlistenOps = ctx.operations.onOperation((op) => tracker.onOperation(op));
  let current: OpenReplay | null = null;
  let lastVehiclesMs = 0;

  const playerOpts = {
    onVehicles: (tMs: number, vehicles: import('../../../../shared/contract/types').VehicleSnapshot[], immediate: boolean) => {
      const now = performance.now();
      if (!immediate && now - lastVehiclesMs < VEHICLES_EVERY_MS) return;
      lastVehiclesMs = now;
      ctx.hub.emit('replayVehicles', { tMs, vehicles });
      if (!immediate && current) ctx.hub.emit('replayState', current.player.state());
    },
    onState: (s: ReplayState) => ctx.hub.emit('replayState', s),
  };

  const open = (): OpenReplay => {
    if (!current) throw new ContractError('replay_not_open', msg('No flight or log is open for replay.', '没有打开用于回放的飞行或日志。'));
    return current;
  };
  const notesOf = (from: number, to: number) => opts.notes?.notesBetween(from, to) ?? [];
  const swap = (next: OpenReplay) => {
    current?.player.close();
    current = next;
    next.player.seek(next.player.startMs);
    return next.info;
  };

  return {
    api: {
      listFlights: (p) => library.search(p),
      flightLogbook: (p) => library.logbook(p),
      setAircraftRegistration: (p) => {
        library.setRegistration(p.vehicleKey, p.registration);
        return null;
      },
      setFlightDetails: (p) => {
        if (!library.get(p.id)) throw noFlight(p.id);
        library.setDetails(p.id, { pilot: p.pilot, missionName: p.missionName, registration: p.registration });
        ctx.hub.emit('flightsChanged', { id: p.id });
        return library.get(p.id)!;
      },
      openFlight: (p) => {
        const flight = library.get(p.id);
        if (!flight) throw noFlight(p.id);
        const notes = notesOf(flight.startMs, flight.endMs ?? ctx.clock.now());
        return swap(openReplay(flight.tlogPath, flight, notes, playerOpts));
      },
      openTlog: (p) => {
        const probe = openReplay(p.path, null, [], playerOpts);
        const notes = notesOf(probe.info.startMs, probe.info.endMs);
        if (notes.length) probe.info.marks = [...probe.info.marks, ...notes.map((n) => ({ tMs: n.tMs, kind: 'note' as const, vehicleKey: n.vehicleKey, label: n.text }))].sort((a, b) => a.tMs - b.tMs);
        return swap(probe);
      },
      closeReplay: () => {
        current?.player.close();
        current = null;
        ctx.hub.emit('replayState', CLOSED);
        return null;
      },
      getReplay: () => current?.player.state() ?? CLOSED,
      replayControl: (p) => (p.action === 'play' ? open().player.play(p.speed) : open().player.pause(p.speed)),
      replaySeek: (p) => open().player.seek(p.tMs),
      replayStep: (p) => open().player.step(p.seconds),
      replayNotes: () => {
        const { info } = open();
        return notesOf(info.startMs, info.endMs).sort((a, b) => a.tMs - b.tMs);
      },
      addDebriefNote: (p, caller) => {
        const { info } = open();
        if (!opts.notes) throw new ContractError('notes_unavailable', msg('The notes store is not available on this station.', '此地面站的备注存储不可用。'));
        const note = opts.notes.addNote({
          tMs: p.tMs, kind: 'debrief', author: caller.name, role: caller.role, callsign: null,
          vehicleKey: p.vehicleKey ?? null, category: p.category, text: p.text, pos: null, flightId: info.flightId,
        });
        const flight = info.flightId ? library.get(info.flightId) : undefined;
        if (flight) {
          library.setNoteCount(flight.id, notesOf(flight.startMs, flight.endMs ?? info.endMs).length);
          ctx.hub.emit('flightsChanged', { id: flight.id });
        }
        return note;
      },
      replayPicture: (): ReplayPicture => {
        const { scan, flight } = open();
        const tracks = [...scan.vehicles.values()].map((v) => ({ vehicleKey: v.key, points: v.track.map((p) => ({ tMs: p.tMs, lat: p.lat, lon: p.lon, altRelM: p.altRelM })) }));
        const upload = flight ? library.operations(flight.id).filter((o) => o.kind === 'upload' && o.ok).pop() : undefined;
        const items = (upload?.detail as { plan?: { mission?: { items?: MissionItem[] } } } | null)?.plan?.mission?.items;
        if (!flight || !items) return { tracks, planned: null, legs: [] };
        const flown = scan.vehicles.get(flight.vehicleKey);
        const seqOffset = flown?.autopilot === 'ardupilot' ? 1 : 0;
        const waypoints = plannedWaypoints(items.map((it) => ({ ...it, x: it.x ?? NaN, y: it.y ?? NaN, z: it.z ?? NaN })), seqOffset);
        return { tracks, planned: { vehicleKey: flight.vehicleKey, waypoints }, legs: legErrors(waypoints, flown?.track ?? []) };
      },
      exportReplay: (p) => {
      const { scan, info, flight } = open();
      const base = (flight ? `flight-${new Date(flight.startMs).toISOString().slice(0, 16).replace(/[:T]/g, '-')}` : basename(info.path).replace(/\.tlog$/i, '')) || 'flight';
      const vehicles = [...scan.vehicles.values()].filter((v) => v.track.length > 0);
      if (p.format === 'notes-csv') {
        return { fileName: `${base}-notes.csv`, mime: 'text/csv', base64: Buffer.from(notesCsv(notesOf(info.startMs, info.endMs))).toString('base64') };
      }
      const body = exportTrack(p.format, base, vehicles);
      const mime = { kml: 'application/vnd.google-earth.kml+xml', kmz: 'application/vnd.google-earth.kmz', gpx: 'application/gpx+xml', csv: 'text/csv' }[p.format];
      return { fileName: `${base}.${p.format}`, mime, base64: Buffer.from(body).toString('base64') };
      },
    },
    start: () => {
      recorder.start();
      tracker.start();
    },
    close: () => {
      current?.player.close();
      unlistenOps();
      tracker.close();
      recorder.close();
    },
  };
}

function noFlight(id: string): ContractError {
  return new ContractError('no_such_flight', msg(`There is no flight "${id}" in the library.`, `飞行记录库中没有“${id}”。`));
}
