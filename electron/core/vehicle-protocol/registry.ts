// The protocol engines of every vehicle in a fleet, made on first use and kept for the vehicle's
// life, so the one-transfer-at-a-time rule and the per-command-id queue hold across callers (the UI,
// a CLI command, a script), who all reach the same vehicle through here.
import type { LinkManager } from '../links';
import type { Clock } from '../protocol/port';
import type { Fleet } from '../vehicle';
import { VehicleProtocol, type ProtocolTimings } from './vehicle-protocol';

export interface VehicleProtocolsOptions {
  links: LinkManager;
  fleet: Fleet;
  clock: Clock;
  timings?: ProtocolTimings;
}

export class VehicleProtocols {
  private readonly byKey = new Map<string, VehicleProtocol>();

  constructor(private readonly opts: VehicleProtocolsOptions) {}

  /** The engines for a vehicle heard on the fleet's links; undefined for a key never heard. */
  get(key: string): VehicleProtocol | undefined {
    let vp = this.byKey.get(key);
    if (vp) return vp;
    const vehicle = this.opts.fleet.get(key);
    if (!vehicle) return undefined;
    vp = new VehicleProtocol({ links: this.opts.links, vehicle, clock: this.opts.clock, timings: this.opts.timings });
    this.byKey.set(key, vp);
    return vp;
  }

  /** Cancel every transfer and command in flight; their promises settle as cancelled. */
  dispose(): void {
    for (const vp of this.byKey.values()) vp.dispose();
    this.byKey.clear();
  }
}
