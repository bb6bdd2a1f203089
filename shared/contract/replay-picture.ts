// Replay area: planned against flown. The flown track of each vehicle, the mission uploaded for the
// flight, and how far the track strayed from each leg.
export interface ReplayTrackPoint {
  tMs: number;
  lat: number;
  lon: number;
  altRelM: number | null;
}

export interface PlannedWaypoint {
  seq: number;
  lat: number;
  lon: number;
  altM: number;
}

export interface LegError {
  /** Leg from waypoint `fromSeq` to `toSeq`. */
  fromSeq: number;
  toSeq: number;
  /** Cross-track error of the track points flown while on this leg. */
  maxM: number;
  meanM: number;
  samples: number;
}

export interface ReplayPicture {
  tracks: Array<{ vehicleKey: string; points: ReplayTrackPoint[] }>;
  planned: { vehicleKey: string; waypoints: PlannedWaypoint[] } | null;
  legs: LegError[];
}
