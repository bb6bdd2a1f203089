// One vehicle: one autopilot, identified by (sysid, compid), as heard on one or more links. Holds the
// telemetry snapshot the reducers keep current and a dirty flag for the coalesced UI updates.
import type { VehicleSnapshot } from '../../../shared/contract/types';
import type { Message } from '../mavlink';
import { REDUCERS, type ReduceResult, type VehicleModel } from './reducers';

export function vehicleKey(sysid: number, compid: number): string {
  return `${sysid}:${compid}`;
}

function emptySnapshot(sysid: number, compid: number, nowMs: number): VehicleSnapshot {
  return {
    key: vehicleKey(sysid, compid),
    sysid,
    compid,
    autopilot: 'unknown',
    type: 'other',
    mavType: 0,
    mode: '',
    customMode: 0,
    baseMode: 0,
    armed: false,
    systemStatus: 0,
    lat: null,
    lon: null,
    altMslM: null,
    altRelM: null,
    headingDeg: null,
    rollDeg: null,
    pitchDeg: null,
    groundSpeedMps: null,
    airSpeedMps: null,
    climbMps: null,
    throttlePct: null,
    batteryV: null,
    batteryA: null,
    batteryPct: null,
    gpsFix: null,
    satellites: null,
    hdop: null,
    home: null,
    missionCurrent: null,
    missionCount: null,
    lastStatusText: null,
    linkQualityPct: null,
    linkLost: false,
    lastHeartbeatMs: nowMs,
    linkIds: [],
    updatedMs: nowMs,
  };
}

export class Vehicle {
  readonly key: string;
  readonly model: VehicleModel;
  /** Changed since the last time someone took a snapshot for the UI. */
  dirty = true;

  constructor(
    readonly sysid: number,
    readonly compid: number,
    nowMs: number,
  ) {
    this.key = vehicleKey(sysid, compid);
    this.model = {
      snap: emptySnapshot(sysid, compid, nowMs),
      headingFromPosition: false,
      statusChunks: null,
      bootMs: null,
      lastStreamMs: null,
      lastHomeMs: null,
    };
  }

  get snap(): Readonly<VehicleSnapshot> {
    return this.model.snap;
  }

  /** Apply one message from this vehicle; returns what the fleet must react to (text, reboot). */
  apply(message: Message, linkId: string, nowMs: number, linkQualityPct: number | null): ReduceResult {
    const s = this.model.snap;
    if (s.linkIds[0] !== linkId) s.linkIds = [linkId, ...s.linkIds.filter((id) => id !== linkId)];
    s.linkQualityPct = linkQualityPct;
    s.updatedMs = nowMs;
    if (message.name === 'HEARTBEAT') s.lastHeartbeatMs = nowMs;
    this.dirty = true;
    const reducer = REDUCERS[message.name];
    return (reducer && reducer(this.model, message.fields, { nowMs })) || {};
  }

  /** A copy safe to hand out: later messages must not change what the UI was given. */
  snapshot(): VehicleSnapshot {
    const s = this.model.snap;
    return {
      ...s,
      home: s.home && { ...s.home },
      lastStatusText: s.lastStatusText && { ...s.lastStatusText },
      linkIds: [...s.linkIds],
    };
  }

  setLinkLost(lost: boolean, nowMs: number): void {
    if (this.model.snap.linkLost === lost) return;
    this.model.snap.linkLost = lost;
    this.model.snap.updatedMs = nowMs;
    this.dirty = true;
  }
}
