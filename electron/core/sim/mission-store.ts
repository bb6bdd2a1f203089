// Where the vehicle keeps its mission, fence and rally points (MAV_MISSION_TYPE 0, 1, 2). The
// transfer protocol (MISSION_COUNT / MISSION_REQUEST_INT / MISSION_ITEM_INT / MISSION_ACK) and the
// AUTO executor (NAV_WAYPOINT, LOITER_TURNS, DO_JUMP ...) come with the missions issue:
//   - transfer: add handlers to the message table in message-handlers.ts, reading/writing this store;
//   - AUTO: navigation.ts asks `MissionStore` for the current item instead of holding position.
// Items are kept in their wire form so a download returns exactly what was uploaded.

export interface StoredMissionItem {
  seq: number;
  frame: number;
  command: number;
  current: number;
  autocontinue: number;
  param1: number;
  param2: number;
  param3: number;
  param4: number;
  /** degE7 for global frames (MISSION_ITEM_INT x/y), as on the wire. */
  x: number;
  y: number;
  z: number;
}

export const MissionType = { MISSION: 0, FENCE: 1, RALLY: 2 } as const;
export type MissionTypeNumber = (typeof MissionType)[keyof typeof MissionType];

const NAV_TAKEOFF = 22;

export class MissionStore {
  private readonly lists = new Map<number, StoredMissionItem[]>([
    [MissionType.MISSION, []],
    [MissionType.FENCE, []],
    [MissionType.RALLY, []],
  ]);
  /** MISSION_CURRENT.seq: the item AUTO flies next. */
  currentSeq = 0;

  items(type: MissionTypeNumber): readonly StoredMissionItem[] {
    return this.lists.get(type) ?? [];
  }

  replace(type: MissionTypeNumber, items: StoredMissionItem[]): void {
    this.lists.set(type, items.map((it, seq) => ({ ...it, seq })));
    if (type === MissionType.MISSION) this.currentSeq = 0;
  }

  count(type: MissionTypeNumber): number {
    return this.items(type).length;
  }

  /** ArduCopter refuses AUTO on the ground, armed, unless the first item after home is a takeoff. */
  startsWithTakeoff(): boolean {
    const first = this.items(MissionType.MISSION)[1];
    return first?.command === NAV_TAKEOFF;
  }
}
