// Asks vehicles for their telemetry: when first heard, when back after a link loss, after a reboot
// (the autopilot forgot our rates), and again when an ArduPilot vehicle still sends only heartbeats
// or home never came (requests are not acknowledged and can be lost on a lossy radio).
import type { Clock, TimerHandle } from '../protocol/port';
import type { LinkManager } from '../links';
import { homeRequest, telemetryRequests, type Fleet, type OutgoingMessage, type Vehicle } from '../vehicle';

const CHECK_MS = 1000;
/** Streams asked for but nothing after this long: ask again. */
const RETRY_AFTER_MS = 5000;
const MAX_HOME_TRIES = 5;

interface RequestState {
  lastRequestMs: number;
  homeTries: number;
  lastHomeRequestMs: number;
}

export class TelemetryRequester {
  private readonly state = new Map<string, RequestState>();
  private timer: TimerHandle | null = null;
  private unlisten: (() => void) | null = null;

  constructor(
    private readonly fleet: Fleet,
    private readonly links: LinkManager,
    private readonly clock: Clock,
  ) {}

  start(): void {
    this.unlisten = this.fleet.listen({
      vehicleAdded: (v) => this.requestAll(v),
      linkRecovered: (v) => this.requestAll(v),
      rebooted: (v) => this.requestAll(v),
    });
    const tick = () => {
      this.check();
      this.timer = this.clock.setTimeout(tick, CHECK_MS);
    };
    this.timer = this.clock.setTimeout(tick, CHECK_MS);
  }

  stop(): void {
    this.unlisten?.();
    this.unlisten = null;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  requestAll(v: Vehicle): void {
    const now = this.clock.now();
    const st = this.stateOf(v);
    st.lastRequestMs = now;
    st.lastHomeRequestMs = now;
    st.homeTries = 1;
    this.send(v, telemetryRequests(v.snap.autopilot, v.sysid, v.compid));
  }

  private check(): void {
    const now = this.clock.now();
    for (const v of this.fleet.all()) {
      const st = this.state.get(v.key);
      if (!st || v.snap.linkLost) continue;
      const m = v.model;
      const streamsMissing = v.snap.autopilot === 'ardupilot' && (m.lastStreamMs === null || now - m.lastStreamMs > RETRY_AFTER_MS);
      if (streamsMissing && now - st.lastRequestMs > RETRY_AFTER_MS) {
        this.requestAll(v);
        continue;
      }
      if (m.lastHomeMs === null && st.homeTries < MAX_HOME_TRIES && now - st.lastHomeRequestMs > RETRY_AFTER_MS / 2) {
        st.homeTries++;
        st.lastHomeRequestMs = now;
        this.send(v, [homeRequest(v.sysid, v.compid)]);
      }
    }
  }

  private stateOf(v: Vehicle): RequestState {
    let st = this.state.get(v.key);
    if (!st) this.state.set(v.key, (st = { lastRequestMs: 0, homeTries: 0, lastHomeRequestMs: 0 }));
    return st;
  }

  /** On the link the vehicle was heard on most recently: that is the way back to it. */
  private send(v: Vehicle, messages: OutgoingMessage[]): void {
    const linkId = v.snap.linkIds[0];
    if (!linkId) return;
    for (const m of messages) this.links.send(linkId, m.name, m.fields);
  }
}
