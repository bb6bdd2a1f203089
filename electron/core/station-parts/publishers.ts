// Bounded-rate publishing to the UI. Vehicles: every 150 ms, only those that changed, latest state
// wins (a 50 Hz ATTITUDE stream becomes ~7 updates a second). Links: on a state change at once,
// otherwise at most once a second and only when the statistics moved.
import type { Clock, TimerHandle } from '../protocol/port';
import type { LinkManager } from '../links';
import type { Fleet } from '../vehicle';
import type { EventHub } from './event-hub';

export const VEHICLE_PUBLISH_MS = 150;
export const LINK_PUBLISH_MS = 1000;

export class Publishers {
  private vehicleTimer: TimerHandle | null = null;
  private linkTimer: TimerHandle | null = null;
  private lastLinksJson = '';
  private unlisten: (() => void) | null = null;

  constructor(
    private readonly hub: EventHub,
    private readonly fleet: Fleet,
    private readonly links: LinkManager,
    private readonly clock: Clock,
  ) {}

  start(): void {
    const vehicles = () => {
      this.publishVehicles();
      this.vehicleTimer = this.clock.setTimeout(vehicles, VEHICLE_PUBLISH_MS);
    };
    this.vehicleTimer = this.clock.setTimeout(vehicles, VEHICLE_PUBLISH_MS);
    const links = () => {
      this.publishLinks(false);
      this.linkTimer = this.clock.setTimeout(links, LINK_PUBLISH_MS);
    };
    this.linkTimer = this.clock.setTimeout(links, LINK_PUBLISH_MS);
    this.unlisten = this.links.onLinkState(() => this.publishLinks(true));
  }

  stop(): void {
    if (this.vehicleTimer !== null) this.clock.clearTimeout(this.vehicleTimer);
    if (this.linkTimer !== null) this.clock.clearTimeout(this.linkTimer);
    this.vehicleTimer = this.linkTimer = null;
    this.unlisten?.();
    this.unlisten = null;
  }

  publishVehicles(): void {
    const changed = this.fleet.all().filter((v) => v.dirty);
    if (changed.length === 0) return;
    for (const v of changed) v.dirty = false;
    this.hub.emit('vehicles', { vehicles: changed.map((v) => v.snapshot()) });
  }

  /** force: a state change (open, reconnecting, closed) is news now, not in a second. */
  publishLinks(force: boolean): void {
    const list = this.links.list();
    const json = JSON.stringify(list);
    if (!force && json === this.lastLinksJson) return;
    this.lastLinksJson = json;
    this.hub.emit('links', { links: list });
  }
}
