// SBS-1 (BaseStation) lines, as dump1090 --net serves them on TCP 30003: comma-separated, 22 fields,
// e.g. `MSG,3,111,11111,4951CD,111111,2017/01/09,20:57:04.943,2017/01/09,20:57:04.943,,6050,,,38.80811,-9.23425,,,,,,0`.
// Each MSG line carries only some fields (1: callsign, 3: position, 4: velocity, 5/7: altitude,
// 6: squawk); empty fields mean "not in this message", so a line becomes a partial update.
// Units on the wire are aviation's: feet, knots, feet per minute; converted here, once.
export const FT_TO_M = 0.3048;
export const KT_TO_MPS = 1852 / 3600;
export const FPM_TO_MPS = FT_TO_M / 60;

export interface TrafficUpdate {
  icao: string;
  callsign?: string;
  altMslM?: number;
  lat?: number;
  lon?: number;
  groundSpeedMps?: number;
  headingDeg?: number;
  climbMps?: number;
  squawk?: string;
  onGround?: boolean;
}

export type SbsParse = { ok: true; update: TrafficUpdate } | { ok: false; reason: string };

/** A finite number from a field, undefined when empty; NaN (malformed) when present but not a number. */
function num(field: string | undefined): number | undefined {
  if (field === undefined) return undefined;
  const t = field.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
}

export function parseSbsLine(line: string): SbsParse {
  const f = line.replace(/\r?\n$/, '').split(',');
  if (f[0] !== 'MSG') return { ok: false, reason: 'not a MSG line' };
  if (f.length < 11) return { ok: false, reason: 'too few fields' };
  const type = Number(f[1]);
  if (!Number.isInteger(type) || type < 1 || type > 8) return { ok: false, reason: 'bad transmission type' };
  const icao = (f[4] ?? '').trim().toUpperCase();
  if (!/^~?[0-9A-F]{6}$/.test(icao)) return { ok: false, reason: 'bad ICAO address' };
  const update: TrafficUpdate = { icao: icao.replace('~', '') };
  const callsign = (f[10] ?? '').trim();
  if (callsign !== '') {
    if (!/^[A-Z0-9 -]{1,8}$/i.test(callsign)) return { ok: false, reason: 'bad callsign' };
    update.callsign = callsign.toUpperCase();
  }
  const altFt = num(f[11]);
  const gsKt = num(f[12]);
  const track = num(f[13]);
  const lat = num(f[14]);
  const lon = num(f[15]);
  const vrFpm = num(f[16]);
  for (const [name, v] of [['altitude', altFt], ['ground speed', gsKt], ['track', track], ['latitude', lat], ['longitude', lon], ['vertical rate', vrFpm]] as const) {
    if (v !== undefined && Number.isNaN(v)) return { ok: false, reason: `bad ${name}` };
  }
  if ((lat === undefined) !== (lon === undefined)) return { ok: false, reason: 'latitude without longitude' };
  if (lat !== undefined && lon !== undefined) {
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return { ok: false, reason: 'position out of range' };
    // dump1090 prints 0,0 for "no position yet" on some builds: never an aircraft over Ulanhot.
    if (!(lat === 0 && lon === 0)) {
      update.lat = lat;
      update.lon = lon;
    }
  }
  if (altFt !== undefined) {
    if (altFt < -2000 || altFt > 100_000) return { ok: false, reason: 'altitude out of range' };
    update.altMslM = altFt * FT_TO_M;
  }
  if (gsKt !== undefined) {
    if (gsKt < 0 || gsKt > 2000) return { ok: false, reason: 'ground speed out of range' };
    update.groundSpeedMps = gsKt * KT_TO_MPS;
  }
  if (track !== undefined) update.headingDeg = ((track % 360) + 360) % 360;
  if (vrFpm !== undefined) update.climbMps = vrFpm * FPM_TO_MPS;
  const squawk = (f[17] ?? '').trim();
  if (/^[0-7]{4}$/.test(squawk)) update.squawk = squawk;
  const ground = (f[21] ?? '').trim();
  if (ground === '-1' || ground === '1') update.onGround = true;
  else if (ground === '0') update.onGround = false;
  return { ok: true, update };
}

/** Splits a TCP byte stream into lines, keeping a partial last line for the next chunk (bounded). */
export class LineSplitter {
  private rest = '';
  constructor(private readonly maxLineChars = 1024) {}

  push(chunk: string): string[] {
    const text = this.rest + chunk;
    const parts = text.split('\n');
    this.rest = parts.pop() ?? '';
    // A feed that never sends a newline must not grow our memory without end.
    if (this.rest.length > this.maxLineChars) this.rest = '';
    return parts.map((p) => p.replace(/\r$/, '')).filter((p) => p.length > 0);
  }
}
