// One pass over an indexed tlog through the same Fleet and reducers as live, gathering what the
// library and the timeline need: arm/disarm, mode changes, waypoints reached, alerts, the track
// (at most 1 Hz per vehicle), maximum altitude, distance flown and the area covered.
import type { FlightBbox, TimelineMark } from '../../../shared/contract/flight-types';
import { distanceM } from '../../../shared/geo/distance';
import { ardupilotDialect, decodeFrame, type Frame, type Message } from '../mavlink';
import type { Clock } from '../protocol/port';
import { Fleet } from '../vehicle';
import type { TlogIndex } from './tlog-index';

/** MAV_SEVERITY_WARNING and worse count as alerts. */
const ALERT_SEVERITY_MAX = 4;
/** Position changes smaller than this are GPS noise, not distance flown. */
const MIN_STEP_M = 0.5;
const TRACK_INTERVAL_MS = 1000;

export interface TrackPoint {
  tMs: number;
  lat: number;
  lon: number;
  altRelM: number | null;
  altMslM: number | null;
  headingDeg: number | null;
  groundSpeedMps: number | null;
  batteryV: number | null;
  mode: string;
  armed: boolean;
  missionCurrent: number | null;
}

export interface VehicleScan {
  key: string;
  /** 'ardupilot' numbers mission items from 1 on the wire (home is seq 0). */
  autopilot: string;
  maxAltRelM: number | null;
  distanceM: number;
  bbox: FlightBbox | null;
  alertCount: number;
  track: TrackPoint[];
  /** Times the vehicle was armed and disarmed. */
  firstArmMs: number | null;
  lastDisarmMs: number | null;
}

export interface TlogScan {
  vehicles: Map<string, VehicleScan>;
  marks: TimelineMark[];
}

/** A clock the replay moves: timers never fire (the fleet's silence watch is driven by hand). */
export class ReplayClock implements Clock {
  t = 0;
  now(): number {
    return this.t;
  }
  setTimeout(): unknown {
    return null;
  }
  clearTimeout(): void {}
}

export function frameOf(index: TlogIndex, k: number): Frame {
  const p = index.offset[k];
  const buf = index.buf;
  const v2 = buf[p] === 0xfd;
  const headerLen = v2 ? 10 : 6;
  return {
    version: v2 ? 2 : 1,
    seq: buf[p + (v2 ? 4 : 2)],
    sysid: index.sysid[k],
    compid: index.compid[k],
    msgid: index.msgid[k],
    payload: buf.subarray(p + headerLen, p + headerLen + buf[p + 1]),
    raw: buf.subarray(p, p + index.length[k]),
    signed: v2 && (buf[p + 2] & 1) === 1,
  };
}

export function messageAt(index: TlogIndex, k: number): Message | undefined {
  try {
    return decodeFrame(frameOf(index, k));
  } catch {
    return undefined; // a payload our decoder cannot read: skipped like an unknown id
  }
}

export const REPLAY_LINK = 'replay';
/** A replay's fleet: never our own sysid 255 filtered away? It is: a recorded GCS is not a vehicle either. */
export function replayFleet(clock: Clock): Fleet {
  return new Fleet({ ownSysid: 255, clock });
}

/**
 * What the scan reads: the timeline's messages and the track's fields. The high-rate rest (ATTITUDE,
 * IMU, servo outputs) is skipped undecoded, which makes a scan of an hour-long log several times faster.
 */
const SCANNED = new Set(
  ['HEARTBEAT', 'GLOBAL_POSITION_INT', 'MISSION_ITEM_REACHED', 'MISSION_CURRENT', 'STATUSTEXT', 'VFR_HUD', 'SYS_STATUS', 'BATTERY_STATUS', 'HOME_POSITION', 'GPS_RAW_INT'].map(
    (name) => ardupilotDialect().byName(name)!.id,
  ),
);

export function scanTlog(index: TlogIndex, onlyKey?: string): TlogScan {
  const clock = new ReplayClock();
  const fleet = replayFleet(clock);
  const vehicles = new Map<string, VehicleScan>();
  const marks: TimelineMark[] = [];
  const last = new Map<string, { armed: boolean; mode: string; lastPos: { lat: number; lon: number } | null; lastTrackMs: number }>();
  fleet.listen({
    statusText: (v, text) => {
      if (onlyKey && v.key !== onlyKey) return;
      if (text.severity <= ALERT_SEVERITY_MAX) {
        const s = vehicles.get(v.key);
        if (s) s.alertCount++;
        marks.push({ tMs: clock.t, kind: 'alert', vehicleKey: v.key, label: text.text });
      }
    },
  });
  for (let k = 0; k < index.count; k++) {
    if (!SCANNED.has(index.msgid[k]!)) continue;
    const message = messageAt(index, k);
    if (!message) continue;
    clock.t = index.timeUs[k] / 1000;
    fleet.handle(message, REPLAY_LINK);
    const key = `${message.sysid}:${message.compid}`;
    if (onlyKey && key !== onlyKey) continue;
    const v = fleet.get(key);
    if (!v) continue;
    let scan = vehicles.get(key);
    let prev = last.get(key);
    if (!scan || !prev) {
      scan = { key, autopilot: v.snap.autopilot, maxAltRelM: null, distanceM: 0, bbox: null, alertCount: 0, track: [], firstArmMs: null, lastDisarmMs: null };
      vehicles.set(key, scan);
      prev = { armed: false, mode: v.snap.mode, lastPos: null, lastTrackMs: -Infinity };
      last.set(key, prev);
    }
    const s = v.snap;
    if (message.name === 'HEARTBEAT') {
      if (s.armed !== prev.armed) {
        marks.push({ tMs: clock.t, kind: s.armed ? 'arm' : 'disarm', vehicleKey: key, label: s.mode });
        if (s.armed) scan.firstArmMs ??= clock.t;
        else scan.lastDisarmMs = clock.t;
        prev.armed = s.armed;
      }
      if (s.mode !== prev.mode) {
        marks.push({ tMs: clock.t, kind: 'mode', vehicleKey: key, label: s.mode });
        prev.mode = s.mode;
      }
    } else if (message.name === 'MISSION_ITEM_REACHED') {
      marks.push({ tMs: clock.t, kind: 'waypoint', vehicleKey: key, label: String(message.fields.seq) });
    } else if (message.name === 'GLOBAL_POSITION_INT' && s.lat !== null && s.lon !== null && !(s.lat === 0 && s.lon === 0)) {
      const pos = { lat: s.lat, lon: s.lon };
      if (s.altRelM !== null) scan.maxAltRelM = Math.max(scan.maxAltRelM ?? -Infinity, s.altRelM);
      if (prev.lastPos) {
        const step = distanceM(prev.lastPos, pos);
        if (step >= MIN_STEP_M) {
          scan.distanceM += step;
          prev.lastPos = pos;
        }
      } else {
        prev.lastPos = pos;
      }
      const b = scan.bbox;
      scan.bbox = b
        ? { minLat: Math.min(b.minLat, pos.lat), minLon: Math.min(b.minLon, pos.lon), maxLat: Math.max(b.maxLat, pos.lat), maxLon: Math.max(b.maxLon, pos.lon) }
        : { minLat: pos.lat, minLon: pos.lon, maxLat: pos.lat, maxLon: pos.lon };
      if (clock.t - prev.lastTrackMs >= TRACK_INTERVAL_MS) {
        prev.lastTrackMs = clock.t;
        scan.track.push({
          tMs: clock.t, lat: pos.lat, lon: pos.lon, altRelM: s.altRelM, altMslM: s.altMslM, headingDeg: s.headingDeg,
          groundSpeedMps: s.groundSpeedMps, batteryV: s.batteryV, mode: s.mode, armed: s.armed, missionCurrent: s.missionCurrent,
        });
      }
    }
  }
  return { vehicles, marks };
}
