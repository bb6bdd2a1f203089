// The station's manned-traffic picture: tracks from the drones' ADS-B receivers, SBS-1 feeds and
// radio reports, checked once a second against every drone of ours (and the drones against each
// other) and against the commander's altitude blocks.
import type { AircraftClass, AltitudeBlock, Conflict, SeparationSettings, TrafficFeedInfo, TrafficPicture, TrafficTrack } from '../../../shared/contract/ops-types';
import { droneCallsign } from '../../../shared/contract/ops-types';
import type { VehicleSnapshot } from '../../../shared/contract/types';
import type { LinkManager } from '../links';
import type { Clock } from '../protocol/port';
import { readAdsbVehicle } from './adsb';
import { checkAltitudeBlocks, type BlockSubject } from './altitude-blocks';
import { SbsClient } from './sbs-client';
import { checkPair, DEFAULT_SEPARATION, type Kinematics } from './separation';
import { TrafficStore, type ManualReport } from './store';

interface Feed {
  client: SbsClient;
  info: Omit<TrafficFeedInfo, 'state' | 'error' | 'lines' | 'rejected'>;
}

export interface TrafficServiceOptions {
  clock: Clock;
  links: LinkManager;
  vehicles: () => VehicleSnapshot[];
  settings?: SeparationSettings;
}

function droneKinematics(v: VehicleSnapshot): Kinematics | null {
  if (v.lat === null || v.lon === null || v.linkLost) return null;
  return { lat: v.lat, lon: v.lon, altMslM: v.altMslM, headingDeg: v.headingDeg, groundSpeedMps: v.groundSpeedMps, climbMps: v.climbMps, tMs: v.updatedMs };
}

export class TrafficService {
  readonly store: TrafficStore;
  private readonly feeds = new Map<string, Feed>();
  private settings: SeparationSettings;
  private blocks: AltitudeBlock[] = [];
  private nextFeedId = 1;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly opts: TrafficServiceOptions) {
    this.settings = opts.settings ?? DEFAULT_SEPARATION;
    this.store = new TrafficStore({ staleAfterMs: this.settings.staleAfterMs, dropAfterMs: this.settings.dropAfterMs });
  }

  start(): void {
    this.unsubscribe = this.opts.links.onMessage((m) => {
      if (m.name !== 'ADSB_VEHICLE') return;
      const r = readAdsbVehicle(m);
      if (r) this.store.update(r.update, 'adsb', r.aircraftClass, this.opts.clock.now());
    });
  }

  openFeed(host: string, port: number, aircraftClass: AircraftClass): TrafficFeedInfo {
    const id = `sbs${this.nextFeedId++}`;
    const client = new SbsClient({ host, port, onUpdate: (u) => this.store.update(u, 'sbs', aircraftClass, this.opts.clock.now()) });
    this.feeds.set(id, { client, info: { id, host, port, aircraftClass } });
    client.start();
    return this.feedInfo(id)!;
  }

  closeFeed(id: string): boolean {
    const f = this.feeds.get(id);
    if (!f) return false;
    f.client.close();
    this.feeds.delete(id);
    return true;
  }

  report(r: ManualReport): TrafficTrack | undefined {
    const id = this.store.report(r);
    return this.store.list(this.opts.clock.now()).find((t) => t.id === id);
  }

  /** New minima and look-ahead; the track ages stay (the store was built with them). */
  setSeparation(next: Pick<SeparationSettings, 'byClass' | 'lookAheadS'>): SeparationSettings {
    this.settings = { ...this.settings, byClass: next.byClass, lookAheadS: next.lookAheadS };
    return this.settings;
  }

  setBlocks(blocks: AltitudeBlock[]): void {
    this.blocks = blocks;
  }

  private feedInfo(id: string): TrafficFeedInfo | undefined {
    const f = this.feeds.get(id);
    if (!f) return undefined;
    return { ...f.info, state: f.client.state, error: f.client.error, lines: f.client.stats.lines, rejected: f.client.stats.rejected };
  }

  /** Expires old tracks and judges every pair: the picture the UI draws and the alerts come from. */
  picture(): TrafficPicture {
    const nowMs = this.opts.clock.now();
    this.store.expire(nowMs);
    const tracks = this.store.list(nowMs);
    const vehicles = this.opts.vehicles();
    const conflicts: Conflict[] = [];
    const drones = vehicles.map((v) => ({ v, k: droneKinematics(v) })).filter((d): d is { v: VehicleSnapshot; k: Kinematics } => d.k !== null);
    for (const d of drones) {
      for (const t of tracks) {
        const minima = this.settings.byClass[t.aircraftClass];
        const r = checkPair(d.k, { ...t, tMs: t.lastSeenMs }, minima, this.settings, nowMs);
        if (r.predicted) conflicts.push({ vehicleKey: d.v.key, otherId: t.id, otherCallsign: t.callsign, otherClass: t.aircraftClass, level: r.violation ? 'violation' : 'predicted', encounter: r.encounter, horizontalM: r.horizontalM, verticalM: r.verticalM, timeToConflictS: r.timeToConflictS, stale: r.stale });
      }
    }
    for (let i = 0; i < drones.length; i++) {
      for (let j = i + 1; j < drones.length; j++) {
        const [a, b] = [drones[i], drones[j]];
        // Drones parked side by side at home are not in conflict: only two flying ones can be.
        if (!a.v.armed || !b.v.armed) continue;
        const r = checkPair(a.k, b.k, this.settings.byClass.drone, this.settings, nowMs);
        if (r.predicted) conflicts.push({ vehicleKey: a.v.key, otherId: b.v.key, otherCallsign: droneCallsign(b.v.sysid), otherClass: 'drone', level: r.violation ? 'violation' : 'predicted', encounter: r.encounter, horizontalM: r.horizontalM, verticalM: r.verticalM, timeToConflictS: r.timeToConflictS, stale: r.stale });
      }
    }
    const subjects: BlockSubject[] = [
      ...vehicles.filter((v) => !v.linkLost).map((v) => ({ id: v.key, callsign: droneCallsign(v.sysid), manned: false, altMslM: v.altMslM, altRelM: v.altRelM })),
      ...tracks.filter((t) => !t.stale).map((t) => ({ id: t.id, callsign: t.callsign, manned: true, altMslM: t.altMslM, altRelM: null })),
    ];
    const refElev = vehicles.find((v) => v.home)?.home?.altMslM ?? null;
    const breaches = checkAltitudeBlocks(this.blocks, subjects, refElev);
    const feeds = [...this.feeds.keys()].map((id) => this.feedInfo(id)!);
    return { tracks, conflicts, breaches, feeds, blocks: this.blocks, settings: this.settings };
  }

  close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const id of [...this.feeds.keys()]) this.closeFeed(id);
  }
}
