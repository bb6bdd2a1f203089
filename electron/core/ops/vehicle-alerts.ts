// Which alert conditions hold for one of our drones right now, from its snapshot and the few facts
// the snapshot does not carry (it once had a GPS fix; its last FENCE_STATUS). Pure: the caller
// raises what is returned and clears the rest (AlertBook.reconcile).
import type { AlertSpec } from './alerts';
import type { VehicleSnapshot } from '../../../shared/contract/types';

/**
 * Defaults (README, "Alerts"): warn at 30 %, critical at 15 %: on a police multirotor 15 % is
 * about the reserve for RTL from the edge of a 2 km patrol area.
 */
export const BATTERY_WARN_PCT = 30;
export const BATTERY_CRITICAL_PCT = 15;
/** GPS_FIX_TYPE_3D_FIX: below it a multirotor cannot hold position or navigate. */
const FIX_3D = 3;

export interface VehicleFacts {
  /** It had a 3D fix at some point: a vehicle on the bench that never had one is not "lost". */
  hadFix: boolean;
  /** FENCE_STATUS.breach_status of the last report (0 = inside). */
  fenceBreached: boolean;
}

export type Condition = { id: string; spec: AlertSpec };

export function vehicleConditions(v: VehicleSnapshot, facts: VehicleFacts, callsign: string): Condition[] {
  const out: Condition[] = [];
  const subject = v.key;
  const id = (kind: string) => `veh:${v.key}:${kind}`;
  if (v.linkLost) {
    out.push({ id: id('link'), spec: { kind: 'linkLost', severity: 'critical', subject, message: { en: `${callsign}: link lost`, zh: `${callsign}：链路中断` } } });
    // A silent vehicle's last battery and GPS values are old news: say only what is known.
    return out;
  }
  if (v.batteryPct !== null) {
    const pct = Math.round(v.batteryPct);
    if (v.batteryPct <= BATTERY_CRITICAL_PCT) {
      out.push({ id: id('batteryCritical'), spec: { kind: 'batteryCritical', severity: 'critical', subject, message: { en: `${callsign}: battery critical, ${pct} percent`, zh: `${callsign}：电量严重不足，${pct}%` } } });
    } else if (v.batteryPct <= BATTERY_WARN_PCT) {
      out.push({ id: id('batteryLow'), spec: { kind: 'batteryLow', severity: 'warning', subject, message: { en: `${callsign}: battery low, ${pct} percent`, zh: `${callsign}：电量低，${pct}%` } } });
    }
  }
  if (facts.hadFix && v.gpsFix !== null && v.gpsFix < FIX_3D) {
    out.push({ id: id('gps'), spec: { kind: 'gpsLost', severity: 'critical', subject, message: { en: `${callsign}: GPS lost`, zh: `${callsign}：GPS 信号丢失` } } });
  }
  if (facts.fenceBreached) {
    out.push({ id: id('fence'), spec: { kind: 'fenceBreach', severity: 'critical', subject, message: { en: `${callsign}: geofence breached`, zh: `${callsign}：越出电子围栏` } } });
  }
  return out;
}

/** MAV_SEVERITY 4 is WARNING; lower numbers are worse (0 EMERGENCY). */
export const STATUSTEXT_ALERT_MAX_SEVERITY = 4;
