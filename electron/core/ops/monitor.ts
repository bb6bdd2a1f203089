// The station's live operations picture: manned traffic and separation, the alerts every crew member
// hears, and each vehicle's mission as last sent through the station. One tick a second judges
// everything and publishes it; events in between (a STATUSTEXT, an upload) go out at once.
import type { Events } from '../../../shared/contract/api';
import type { OpsPicture } from '../../../shared/contract/areas/ops';
import { droneCallsign, type Conflict, type TrafficPicture, type VehicleEstimate } from '../../../shared/contract/ops-types';
import type { VehicleSnapshot } from '../../../shared/contract/types';
import type { Clock, TimerHandle } from '../protocol/port';
import type { LiveSession } from '../station-parts/live-session';
import type { VehicleOperations } from '../station-parts/vehicle-operations';
import { TrafficService } from '../traffic/service';
import { AlertBook } from './alerts';
import { FlightEstimates } from './estimates';
import { MissionPictures } from './mission-pictures';
import { STATUSTEXT_ALERT_MAX_SEVERITY, vehicleConditions, type VehicleFacts } from './vehicle-alerts';

export const OPS_TICK_MS = 1000;

export interface OpsMonitorOptions {
  clock: Clock;
  session: LiveSession;
  operations: VehicleOperations;
  emit<E extends 'traffic' | 'alert' | 'missionPicture' | 'estimates'>(name: E, payload: Events[E]): void;
}

function callsignOf(key: string): string {
  return droneCallsign(Number(key.split(':')[0]));
}

function conflictMessage(c: Conflict): { en: string; zh: string } {
  const own = callsignOf(c.vehicleKey);
  const other = c.otherCallsign ?? c.otherId.replace(/^icao:/, '');
  const h = Math.round(c.horizontalM);
  const v = c.verticalM === null ? null : Math.round(c.verticalM);
  const where = v === null ? `${h} m` : `${h} m, ${v} m vertically`;
  const whereZh = v === null ? `${h} 米` : `水平 ${h} 米，垂直 ${v} 米`;
  const stale = c.stale ? ' (last known position)' : '';
  const staleZh = c.stale ? '（最后已知位置）' : '';
  if (c.level === 'violation') return { en: `Separation: ${other} ${where} from ${own}${stale}`, zh: `间隔告警：${other} 距 ${own} ${whereZh}${staleZh}` };
  const t = Math.round(c.timeToConflictS);
  return { en: `Traffic: ${other} conflict with ${own} in ${t} seconds${stale}`, zh: `交通提示：${other} 将在 ${t} 秒内与 ${own} 冲突${staleZh}` };
}

export class OpsMonitor {
  readonly traffic: TrafficService;
  readonly alerts: AlertBook;
  readonly missions = new MissionPictures();
  private readonly facts = new Map<string, VehicleFacts>();
  private readonly unsubscribes: Array<() => void> = [];
  private timer: TimerHandle | null = null;
  private last: TrafficPicture | null = null;
  private readonly estimates = new FlightEstimates();
  private lastEstimates: VehicleEstimate[] = [];

  constructor(private readonly opts: OpsMonitorOptions) {
    this.traffic = new TrafficService({ clock: opts.clock, links: opts.session.links, vehicles: () => this.vehicles() });
    this.alerts = new AlertBook((a) => opts.emit('alert', a));
  }

  private vehicles(): VehicleSnapshot[] {
    // The live snapshots, not copies: everything here only reads them, once a second.
    return this.opts.session.fleet.all().map((v) => v.snap as VehicleSnapshot);
  }

  private factsOf(key: string): VehicleFacts {
    let f = this.facts.get(key);
    if (!f) this.facts.set(key, (f = { hadFix: false, fenceBreached: false }));
    return f;
  }

  start(): void {
    const { session, operations, clock } = this.opts;
    this.traffic.start();
    this.unsubscribes.push(
      session.links.onMessage((m) => {
        if (m.name !== 'FENCE_STATUS') return;
        this.factsOf(`${m.sysid}:${m.compid}`).fenceBreached = m.fields.breach_status !== 0;
      }),
      session.fleet.listen({
        statusText: (v, text) => {
          if (text.severity > STATUSTEXT_ALERT_MAX_SEVERITY) return;
          this.alerts.event({ kind: 'statustext', severity: text.severity <= 2 ? 'critical' : 'warning', subject: v.key, message: { en: `${callsignOf(v.key)}: ${text.text}`, zh: `${callsignOf(v.key)}：${text.text}` } }, clock.now());
        },
      }),
      operations.onOperation((r) => {
        const autopilot = session.fleet.get(r.key)?.snap.autopilot;
        const pic = this.missions.apply(r, autopilot === 'ardupilot' ? 1 : 0, clock.now());
        if (pic) this.opts.emit('missionPicture', pic);
      }),
    );
    const loop = () => {
      this.tick();
      this.timer = clock.setTimeout(loop, OPS_TICK_MS);
    };
    this.timer = clock.setTimeout(loop, OPS_TICK_MS);
  }

  /** Judges everything now: alerts raised and cleared, the traffic picture published. */
  tick(): void {
    const nowMs = this.opts.clock.now();
    const vehicles = this.vehicles();
    const keep = new Set<string>();
    for (const v of vehicles) {
      const facts = this.factsOf(v.key);
      if (!v.linkLost && v.gpsFix !== null && v.gpsFix >= 3) facts.hadFix = true;
      for (const c of vehicleConditions(v, facts, callsignOf(v.key))) {
        keep.add(c.id);
        this.alerts.raise(c.id, c.spec, nowMs);
      }
    }
    this.alerts.reconcile('veh:', keep, nowMs);
    this.lastEstimates = this.estimates.update(vehicles, nowMs);
    if (this.lastEstimates.length > 0) this.opts.emit('estimates', { estimates: this.lastEstimates });

    const picture = this.traffic.picture();
    const keepTraffic = new Set<string>();
    for (const c of picture.conflicts) {
      // A predicted conflict that becomes a violation is a new, louder alert.
      const id = `sep:${c.vehicleKey}:${c.otherId}:${c.level}`;
      keepTraffic.add(id);
      this.alerts.raise(id, { kind: c.level === 'violation' ? 'separation' : 'separationPredicted', severity: c.level === 'violation' ? 'critical' : 'warning', subject: c.vehicleKey, message: conflictMessage(c) }, nowMs);
    }
    for (const b of picture.breaches) {
      const id = `blk:${b.blockId}:${b.aircraftId}`;
      keepTraffic.add(id);
      const who = b.callsign ?? b.aircraftId;
      const alt = Math.round(b.altM);
      const block = picture.blocks.find((x) => x.id === b.blockId);
      const name = block?.label || b.blockId;
      this.alerts.raise(id, {
        kind: 'altitudeBlock', severity: 'warning', subject: b.aircraftId,
        message: b.side === 'above'
          ? { en: `${who} above altitude block ${name}: ${alt} m`, zh: `${who} 高于高度层 ${name}：${alt} 米` }
          : { en: `${who} below altitude block ${name}: ${alt} m`, zh: `${who} 低于高度层 ${name}：${alt} 米` },
      }, nowMs);
    }
    this.alerts.reconcile('sep:', keepTraffic, nowMs);
    this.alerts.reconcile('blk:', keepTraffic, nowMs);
    this.alerts.expireOneOffs(nowMs);

    // Publish while there is anything to show, and once more when it all went away.
    const empty = picture.tracks.length === 0 && picture.conflicts.length === 0 && picture.feeds.length === 0 && picture.blocks.length === 0;
    const wasEmpty = this.last === null || (this.last.tracks.length === 0 && this.last.conflicts.length === 0 && this.last.feeds.length === 0 && this.last.blocks.length === 0);
    if (!empty || !wasEmpty) this.opts.emit('traffic', picture);
    this.last = picture;
  }

  picture(): OpsPicture {
    return { traffic: this.last ?? this.traffic.picture(), alerts: this.alerts.all(), missions: this.missions.all(), estimates: this.lastEstimates };
  }

  close(): void {
    if (this.timer !== null) this.opts.clock.clearTimeout(this.timer);
    this.timer = null;
    for (const u of this.unsubscribes.splice(0)) u();
    this.traffic.close();
  }
}
