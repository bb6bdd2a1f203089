// Every manned aircraft the station knows of, merged from all sources by ICAO address (a radio
// report by callsign). Tracks age: stale after a while without a position (still shown, greyed,
// no longer projected), dropped later. SBS lines carry position, velocity and callsign in separate
// messages, so partial tracks are kept and shown once they have a position.
import type { AircraftClass, TrafficSource, TrafficTrack } from '../../../shared/contract/ops-types';
import type { TrafficUpdate } from './sbs';

export interface ManualReport {
  callsign: string;
  lat: number;
  lon: number;
  altMslM: number | null;
  aircraftClass: AircraftClass;
  headingDeg?: number | null;
  groundSpeedMps?: number | null;
  /** When the crew was at that position (a radio report is often a little late). */
  tMs: number;
}

/** A track as kept: a position may not have arrived yet. */
type TrackState = Omit<TrafficTrack, 'lat' | 'lon' | 'stale'> & {
  lat: number | null;
  lon: number | null;
  /** Any message at all (a callsign-only line keeps a partial alive, not a position). */
  lastHeardMs: number;
};

export interface TrafficStoreOptions {
  staleAfterMs: number;
  dropAfterMs: number;
  /** Most tracks kept: a busy feed near an airport must not grow memory without bound. */
  maxTracks?: number;
}

export class TrafficStore {
  private readonly tracks = new Map<string, TrackState>();
  private readonly maxTracks: number;

  constructor(private readonly opts: TrafficStoreOptions) {
    this.maxTracks = opts.maxTracks ?? 500;
  }

  /** Applies a transponder update; returns the track id. */
  update(u: TrafficUpdate, source: TrafficSource, cls: AircraftClass, nowMs: number): string {
    const id = `icao:${u.icao}`;
    let t = this.tracks.get(id);
    if (!t) {
      if (this.tracks.size >= this.maxTracks) this.evictOldest();
      t = { id, source, icao: u.icao, callsign: null, aircraftClass: cls, lat: null, lon: null, altMslM: null, headingDeg: null, groundSpeedMps: null, climbMps: null, squawk: null, lastSeenMs: 0, lastHeardMs: nowMs };
      this.tracks.set(id, t);
    }
    // A better-informed source (the drone's receiver gives the emitter type) keeps its class.
    if (t.aircraftClass === 'unknown' && cls !== 'unknown') t.aircraftClass = cls;
    t.source = source;
    t.lastHeardMs = nowMs;
    if (u.callsign !== undefined) t.callsign = u.callsign;
    if (u.altMslM !== undefined) t.altMslM = u.altMslM;
    if (u.headingDeg !== undefined) t.headingDeg = u.headingDeg;
    if (u.groundSpeedMps !== undefined) t.groundSpeedMps = u.groundSpeedMps;
    if (u.climbMps !== undefined) t.climbMps = u.climbMps;
    if (u.squawk !== undefined) t.squawk = u.squawk;
    if (u.lat !== undefined && u.lon !== undefined) {
      t.lat = u.lat;
      t.lon = u.lon;
      t.lastSeenMs = nowMs;
    }
    return id;
  }

  report(r: ManualReport): string {
    const id = `manual:${r.callsign.trim().toUpperCase()}`;
    this.tracks.set(id, {
      id, source: 'manual', icao: null, callsign: r.callsign.trim().toUpperCase(), aircraftClass: r.aircraftClass,
      lat: r.lat, lon: r.lon, altMslM: r.altMslM, headingDeg: r.headingDeg ?? null, groundSpeedMps: r.groundSpeedMps ?? null,
      climbMps: null, squawk: null, lastSeenMs: r.tMs, lastHeardMs: r.tMs,
    });
    return id;
  }

  remove(id: string): boolean {
    return this.tracks.delete(id);
  }

  /** Drops tracks past the drop age. Returns true when something was dropped. */
  expire(nowMs: number): boolean {
    let dropped = false;
    for (const [id, t] of this.tracks) {
      const last = Math.max(t.lastSeenMs, t.lastHeardMs);
      if (nowMs - last > this.opts.dropAfterMs) {
        this.tracks.delete(id);
        dropped = true;
      }
    }
    return dropped;
  }

  /** Tracks with a position, stale flag set by age. */
  list(nowMs: number): TrafficTrack[] {
    const out: TrafficTrack[] = [];
    for (const t of this.tracks.values()) {
      if (t.lat === null || t.lon === null) continue;
      out.push({
        id: t.id, source: t.source, icao: t.icao, callsign: t.callsign, aircraftClass: t.aircraftClass,
        lat: t.lat, lon: t.lon, altMslM: t.altMslM, headingDeg: t.headingDeg, groundSpeedMps: t.groundSpeedMps,
        climbMps: t.climbMps, squawk: t.squawk, lastSeenMs: t.lastSeenMs, stale: nowMs - t.lastSeenMs > this.opts.staleAfterMs,
      });
    }
    return out;
  }

  get size(): number {
    return this.tracks.size;
  }

  private evictOldest(): void {
    let oldest: TrackState | null = null;
    for (const t of this.tracks.values()) if (!oldest || t.lastHeardMs < oldest.lastHeardMs) oldest = t;
    if (oldest) this.tracks.delete(oldest.id);
  }
}
