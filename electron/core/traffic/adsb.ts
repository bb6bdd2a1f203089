// ADSB_VEHICLE (MAVLink 246) from a drone's own ADS-B receiver (uAvionix pingRX and the like) into a
// traffic update. Only fields the sender flags as valid are taken: a zero latitude with
// VALID_COORDS unset is "unknown", not the Gulf of Guinea.
import type { AircraftClass } from '../../../shared/contract/ops-types';
import type { Message } from '../mavlink';
import type { TrafficUpdate } from './sbs';

const VALID_COORDS = 1;
const VALID_ALTITUDE = 2;
const VALID_HEADING = 4;
const VALID_VELOCITY = 8;
const VALID_CALLSIGN = 16;
const VALID_SQUAWK = 32;
const VERTICAL_VELOCITY_VALID = 128;

/** ADSB_EMITTER_TYPE to our separation classes. */
export function emitterClass(emitterType: number): AircraftClass {
  if (emitterType === 7) return 'helicopter'; // ROTOCRAFT
  if (emitterType === 14) return 'drone'; // UAV
  if (emitterType >= 1 && emitterType <= 6) return 'fixedwing';
  if (emitterType === 9 || emitterType === 12) return 'fixedwing'; // glider, ultralight
  return 'unknown';
}

export interface AdsbReading {
  update: TrafficUpdate;
  aircraftClass: AircraftClass;
}

const n = (v: unknown): number => (typeof v === 'number' ? v : 0);

export function readAdsbVehicle(m: Message): AdsbReading | null {
  if (m.name !== 'ADSB_VEHICLE') return null;
  const f = m.fields;
  const flags = n(f.flags);
  const icaoNum = n(f.ICAO_address);
  if (icaoNum <= 0 || icaoNum > 0xffffff) return null;
  const update: TrafficUpdate = { icao: icaoNum.toString(16).toUpperCase().padStart(6, '0') };
  if (flags & VALID_COORDS) {
    const lat = n(f.lat) / 1e7;
    const lon = n(f.lon) / 1e7;
    if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      update.lat = lat;
      update.lon = lon;
    }
  }
  if (flags & VALID_ALTITUDE) update.altMslM = n(f.altitude) / 1000;
  if (flags & VALID_HEADING) update.headingDeg = n(f.heading) / 100;
  if (flags & VALID_VELOCITY) update.groundSpeedMps = n(f.hor_velocity) / 100;
  // ver_velocity is positive up (cm/s); receivers without the newer flag still send it with velocity.
  if (flags & (VERTICAL_VELOCITY_VALID | VALID_VELOCITY)) update.climbMps = n(f.ver_velocity) / 100;
  if (flags & VALID_CALLSIGN && typeof f.callsign === 'string' && f.callsign.trim() !== '') update.callsign = f.callsign.trim().toUpperCase();
  // Senders put the four squawk digits in the integer as written (7700 for 7700).
  if (flags & VALID_SQUAWK) update.squawk = String(n(f.squawk)).padStart(4, '0');
  return { update, aircraftClass: emitterClass(n(f.emitter_type)) };
}
