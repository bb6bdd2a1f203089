// FakeStation's ops calls: plausible answers without the core (notes kept in memory).
import type { OpsMethod } from '../../../shared/contract/areas/ops';
import type { Note } from '../../../shared/contract/notes';
import type { AltitudeBlock, TrafficPicture } from '../../../shared/contract/ops-types';
import { DEFAULT_SEPARATION } from '../../../electron/core/traffic/separation';
import type { FakeAreaContext, FakeArea } from './context';

export function fakeOpsArea(ctx: FakeAreaContext): FakeArea<OpsMethod> {
  const notes: Note[] = [];
  let nextId = 1;
  const traffic: TrafficPicture = { tracks: [], conflicts: [], breaches: [], feeds: [], blocks: [] as AltitudeBlock[], settings: DEFAULT_SEPARATION };
  return {
    listNotes(p, caller) {
      ctx.record('listNotes', caller);
      return notes.filter((n) => (p.fromMs === undefined || n.tMs >= p.fromMs) && (p.toMs === undefined || n.tMs <= p.toMs)).slice(-p.limit);
    },
    addNote(p, caller) {
      ctx.record('addNote', caller);
      const note: Note = {
        id: `fake-${nextId++}`, tMs: p.tMs ?? Date.now(), kind: p.kind, author: p.author ?? caller.name, role: caller.role,
        callsign: p.callsign, vehicleKey: p.vehicleKey, category: p.category, text: p.text, pos: p.pos, flightId: null,
      };
      notes.push(note);
      ctx.emit('note', note);
      return note;
    },
    getOpsPicture(_p, caller) {
      ctx.record('getOpsPicture', caller);
      return { traffic, alerts: [], missions: [], estimates: [] };
    },
    openTrafficFeed(p, caller) {
      ctx.record('openTrafficFeed', caller);
      const feed = { id: `sbs${nextId++}`, host: p.host, port: p.port, aircraftClass: p.aircraftClass, state: 'connecting' as const, error: null, lines: 0, rejected: 0 };
      traffic.feeds.push(feed);
      return feed;
    },
    closeTrafficFeed(p, caller) {
      ctx.record('closeTrafficFeed', caller);
      traffic.feeds = traffic.feeds.filter((f) => f.id !== p.id);
      return null;
    },
    reportTraffic(p, caller) {
      ctx.record('reportTraffic', caller);
      const track = {
        id: `manual:${p.callsign.toUpperCase()}`, source: 'manual' as const, icao: null, callsign: p.callsign.toUpperCase(), aircraftClass: p.aircraftClass,
        lat: p.lat, lon: p.lon, altMslM: p.altMslM, headingDeg: p.headingDeg, groundSpeedMps: p.groundSpeedMps, climbMps: null, squawk: null, lastSeenMs: p.tMs ?? Date.now(), stale: false,
      };
      traffic.tracks = [...traffic.tracks.filter((t) => t.id !== track.id), track];
      ctx.emit('traffic', traffic);
      return track;
    },
    setSeparation(p, caller) {
      ctx.record('setSeparation', caller);
      traffic.settings = { ...traffic.settings, ...p };
      ctx.emit('traffic', traffic);
      return traffic.settings;
    },
    setAltitudeBlocks(p, caller) {
      ctx.record('setAltitudeBlocks', caller);
      traffic.blocks = p.blocks;
      ctx.emit('traffic', traffic);
      return p.blocks;
    },
  };
}
