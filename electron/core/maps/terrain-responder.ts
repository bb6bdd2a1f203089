// The station's side of the MAVLink terrain protocol: a vehicle flying terrain-relative (ArduPilot with
// TERRAIN_ENABLE) asks for grid blocks with TERRAIN_REQUEST and will not arm until it has them
// ("waiting for terrain data"). We answer each wanted 4x4 sub-grid with TERRAIN_DATA from the loaded
// elevation model, on the link the request came in on, and TERRAIN_CHECK with TERRAIN_REPORT.
// ArduPilot repeats its request until the mask is clear, so a sub-grid already answered within the
// last RESEND_MS is not sent again: a slow radio is not flooded with copies still in flight.
import type { TerrainVehicleInfo } from '../../../shared/contract/areas/maps';
import type { LinkManager } from '../links';
import type { Message } from '../mavlink';
import type { Clock } from '../protocol/port';
import { maskBits, subgridHeights, type GridBlockRef } from '../../../shared/terrain/mavlink-grid';
import type { GroundElevationFn } from '../../../shared/terrain/model';

const RESEND_MS = 2000;
/** ArduPilot's TERRAIN_SPACING default, for a vehicle that checks before it ever asked. */
const DEFAULT_SPACING_M = 100;
/** TERRAIN_SPACING is a uint16; ArduPilot accepts 5..(much less than this). A 0 would loop forever. */
const MIN_SPACING_M = 1;

/** Per vehicle: requests heard, sub-grids sent, sub-grids we had no ground for, TERRAIN_CHECKs. */
export type TerrainVehicleStats = TerrainVehicleInfo;

export class TerrainResponder {
  private readonly stats = new Map<string, TerrainVehicleStats>();
  private readonly lastSent = new Map<string, number>();
  /** The grid spacing each vehicle last asked for: TERRAIN_REPORT answers in the vehicle's own grid. */
  private readonly spacingOf = new Map<string, number>();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly links: LinkManager,
    private readonly ground: GroundElevationFn,
    private readonly clock: Clock,
  ) {}

  start(): void {
    this.unsubscribe ??= this.links.onMessage((m, linkId) => this.handle(m, linkId));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  list(): TerrainVehicleStats[] {
    return [...this.stats.values()].map((s) => ({ ...s }));
  }

  private statsOf(m: Message): TerrainVehicleStats {
    const key = `${m.sysid}:${m.compid}`;
    let s = this.stats.get(key);
    if (!s) {
      s = { key, requests: 0, gridsSent: 0, gridsMissing: 0, checks: 0, lastRequestAt: null };
      this.stats.set(key, s);
    }
    return s;
  }

  handle(m: Message, linkId: string): void {
    if (m.name === 'TERRAIN_REQUEST') this.answerRequest(m, linkId);
    else if (m.name === 'TERRAIN_CHECK') this.answerCheck(m, linkId);
  }

  private answerRequest(m: Message, linkId: string): void {
    const f = m.fields;
    const latE7 = typeof f.lat === 'number' ? f.lat : NaN;
    const lonE7 = typeof f.lon === 'number' ? f.lon : NaN;
    const spacingM = typeof f.grid_spacing === 'number' ? f.grid_spacing : 0;
    const mask = typeof f.mask === 'bigint' || typeof f.mask === 'number' ? f.mask : 0;
    if (!Number.isFinite(latE7) || !Number.isFinite(lonE7) || Math.abs(latE7) > 90e7 || Math.abs(lonE7) > 180e7 || spacingM < MIN_SPACING_M) return;
    const s = this.statsOf(m);
    s.requests++;
    this.spacingOf.set(s.key, spacingM);
    const now = this.clock.now();
    s.lastRequestAt = now;
    const block: GridBlockRef = { latE7, lonE7, spacingM };
    for (const gridbit of maskBits(mask)) {
      const sentKey = `${s.key}|${linkId}|${latE7},${lonE7},${spacingM}|${gridbit}`;
      const last = this.lastSent.get(sentKey);
      if (last !== undefined && now - last < RESEND_MS) continue;
      const data = subgridHeights(block, gridbit, this.ground);
      if (!data) {
        s.gridsMissing++;
        continue;
      }
      this.links.send(linkId, 'TERRAIN_DATA', { lat: latE7, lon: lonE7, grid_spacing: spacingM, gridbit, data });
      this.lastSent.set(sentKey, now);
      s.gridsSent++;
    }
    this.forgetOld(now);
  }

  private answerCheck(m: Message, linkId: string): void {
    const f = m.fields;
    const latE7 = typeof f.lat === 'number' ? f.lat : NaN;
    const lonE7 = typeof f.lon === 'number' ? f.lon : NaN;
    if (!Number.isFinite(latE7) || !Number.isFinite(lonE7)) return;
    const s = this.statsOf(m);
    s.checks++;
    const spacingM = this.spacingOf.get(s.key) ?? DEFAULT_SPACING_M;
    const h = this.ground(latE7 / 1e7, lonE7 / 1e7);
    // spacing 0 means "no terrain here" in TERRAIN_REPORT; pending/loaded count 4x4 grids.
    this.links.send(linkId, 'TERRAIN_REPORT', {
      lat: latE7, lon: lonE7, spacing: h === null ? 0 : spacingM, terrain_height: h ?? 0, current_height: 0, pending: 0, loaded: h === null ? 0 : 1,
    });
  }

  private forgetOld(now: number): void {
    if (this.lastSent.size < 10_000) return;
    for (const [k, t] of this.lastSent) if (now - t >= RESEND_MS) this.lastSent.delete(k);
  }
}
