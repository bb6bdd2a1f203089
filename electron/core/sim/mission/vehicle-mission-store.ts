// The vehicle's mission, fence and rally lists (MAV_MISSION_TYPE 0, 1, 2) as ArduCopter keeps them:
// a fixed capacity per list (so a too-long upload is refused with NO_SPACE), items stored in wire
// form after the autopilot's normalisation, and item 0 of the mission answered as HOME.
import type { WireMissionItem } from '../../protocol/mission-item';

export interface HomePosition {
  latDeg: number;
  lonDeg: number;
  altMslM: number;
}

export interface VehicleMissionStoreOptions {
  /** Max items per mission type; ArduCopter's real limits depend on the board's storage. */
  capacity?: Partial<Record<0 | 1 | 2, number>>;
  home?: HomePosition;
  /** ArduPilot flavour: normalise items on store and answer item 0 with home. Default true. */
  ardupilot?: boolean;
}

export type StoredItem = Omit<WireMissionItem, 'seq' | 'mission_type'>;

const DEFAULT_CAPACITY = { 0: 724, 1: 100, 2: 20 } as const;
const NAV_WAYPOINT = 16;
const NAV_LOITER_TIME = 19;
const NAV_RETURN_TO_LAUNCH = 20;

export class VehicleMissionStore {
  private readonly lists = new Map<number, StoredItem[]>([
    [0, []],
    [1, []],
    [2, []],
  ]);
  readonly capacity: Record<0 | 1 | 2, number>;
  readonly ardupilot: boolean;
  home: HomePosition;
  /** MISSION_CURRENT.seq */
  currentSeq = 0;
  /** Told after a list is replaced or cleared (the AUTO executor restarts its walk). */
  onChange: ((type: number) => void) | undefined;

  constructor(opts: VehicleMissionStoreOptions = {}) {
    this.capacity = { ...DEFAULT_CAPACITY, ...opts.capacity };
    this.home = opts.home ?? { latDeg: 0, lonDeg: 0, altMslM: 0 };
    this.ardupilot = opts.ardupilot ?? true;
  }

  count(type: number): number {
    return this.lists.get(type)?.length ?? 0;
  }

  fits(type: number, count: number): boolean {
    const cap = this.capacity[type as 0 | 1 | 2];
    return cap !== undefined && count <= cap;
  }

  /** Replace a whole list at once: the vehicle never flies a half-received mission. */
  replace(type: number, items: readonly StoredItem[]): void {
    this.lists.set(type, items.map((it) => (this.ardupilot ? normaliseArduPilot(it) : { ...it })));
    if (type === 0) this.currentSeq = 0;
    this.onChange?.(type);
  }

  clear(type: number): void {
    this.lists.set(type, []);
    if (type === 0) this.currentSeq = 0;
    this.onChange?.(type);
  }

  /** The item as a download returns it. */
  read(type: number, seq: number): StoredItem | undefined {
    const item = this.lists.get(type)?.[seq];
    if (!item) return undefined;
    if (this.ardupilot && type === 0 && seq === 0) return this.homeItem();
    return { ...item };
  }

  /** For tests that simulate a corrupted store, and for the AUTO executor. */
  raw(type: number): StoredItem[] {
    return this.lists.get(type) ?? [];
  }

  private homeItem(): StoredItem {
    return {
      command: NAV_WAYPOINT,
      frame: 0,
      current: 0,
      autocontinue: 1,
      param1: 0,
      param2: 0,
      param3: 0,
      param4: 0,
      x: Math.round(this.home.latDeg * 1e7),
      y: Math.round(this.home.lonDeg * 1e7),
      z: this.home.altMslM,
    };
  }
}

/**
 * What ArduPilot's packed mission storage does to an item (AP_Mission): no NaN (unused params read
 * back 0), no autocontinue bit (always 1), LOITER_TIME keeps only a 0/1 flag of param3, RTL keeps no
 * frame (reads back MAV_FRAME_GLOBAL). The GCS verifier knows exactly these rules.
 */
export function normaliseArduPilot(item: StoredItem): StoredItem {
  const out = { ...item, current: 0, autocontinue: 1 };
  for (const k of ['param1', 'param2', 'param3', 'param4', 'z'] as const) if (Number.isNaN(out[k])) out[k] = 0;
  if (out.command === NAV_LOITER_TIME) out.param3 = out.param3 === 0 ? 0 : 1;
  if (out.command === NAV_RETURN_TO_LAUNCH) out.frame = 0;
  return out;
}
