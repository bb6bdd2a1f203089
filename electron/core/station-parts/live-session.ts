// The live ground station without any host: links, the fleet of vehicles heard on them, and what a
// GCS does by itself on the wire (its HEARTBEAT, asking new vehicles for telemetry). The station
// facade and `gcs monitor` both run one of these.
import type { Clock, TimerHandle } from '../protocol/port';
import { LinkManager } from '../links';
import { Fleet } from '../vehicle';
import { TelemetryRequester } from './telemetry-requester';

const GCS_HEARTBEAT_MS = 1000;
const MAV_TYPE_GCS = 6;
const MAV_AUTOPILOT_INVALID = 8;
const MAV_STATE_ACTIVE = 4;

export interface LiveSessionOptions {
  sysid: number;
  clock: Clock;
  /** Watch only this vehicle system id. */
  onlySysid?: number;
  /** Listen only: no HEARTBEAT, no telemetry requests (a silent tap on someone else's link). */
  passive?: boolean;
}

export class LiveSession {
  readonly links: LinkManager;
  readonly fleet: Fleet;
  private readonly requester: TelemetryRequester | null;
  private heartbeatTimer: TimerHandle | null = null;
  private started = false;

  constructor(private readonly opts: LiveSessionOptions) {
    this.links = new LinkManager({ sysid: opts.sysid });
    this.fleet = new Fleet({
      ownSysid: opts.sysid,
      clock: opts.clock,
      qualityOf: (id) => this.links.qualityPct(id),
      onlySysid: opts.onlySysid,
    });
    this.links.onMessage((message, linkId) => this.fleet.handle(message, linkId));
    this.requester = opts.passive ? null : new TelemetryRequester(this.fleet, this.links, opts.clock);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.fleet.start();
    this.requester?.start();
    if (!this.opts.passive) {
      const beat = () => {
        this.sendHeartbeat();
        this.heartbeatTimer = this.opts.clock.setTimeout(beat, GCS_HEARTBEAT_MS);
      };
      beat();
    }
  }

  /** Our HEARTBEAT on every link: autopilots use it to know a GCS is there (GCS failsafe, SYSID_MYGCS). */
  sendHeartbeat(): void {
    this.links.broadcast('HEARTBEAT', {
      type: MAV_TYPE_GCS,
      autopilot: MAV_AUTOPILOT_INVALID,
      base_mode: 0,
      custom_mode: 0,
      system_status: MAV_STATE_ACTIVE,
      mavlink_version: 3,
    });
  }

  async close(): Promise<void> {
    this.started = false;
    if (this.heartbeatTimer !== null) this.opts.clock.clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = null;
    this.fleet.stop();
    this.requester?.stop();
    await this.links.closeAll();
  }
}
