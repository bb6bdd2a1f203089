// Flight sessions without anyone pressing a button: a flight opens when a vehicle arms (or when it is
// first heard, if so configured) and closes a grace period after it disarms. Each flight writes its own
// tlog (every frame of the links the vehicle is heard on, both ways), keeps the operations issued
// during it (and the last mission uploaded before it), and at close is measured from its own tlog and
// hashed. Flights a crash left open are measured, hashed and marked 'recovered' at the next start.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FlightOperation, FlightRecord } from '../../../shared/contract/flight-types';
import type { NotesQuery } from '../../../shared/contract/notes';
import type { Clock, TimerHandle } from '../protocol/port';
import type { OperationRecord } from '../station-parts/vehicle-operations';
import type { LiveSession } from '../station-parts/live-session';
import type { Vehicle } from '../vehicle';
import { scanTlog } from './flight-scan';
import type { FlightLibrary } from './flight-library';
import { recordingName } from './link-recorder';
import { indexTlog } from './tlog-index';
import { TlogWriter } from './tlog-writer';

export type FlightStart = 'arm' | 'link';

/** GCS_FLIGHT_START=link (desktop and server alike): flights open when the link is up; anything else: at arming. */
export function flightStartFromEnv(env: NodeJS.ProcessEnv = process.env): FlightStart {
  return env.GCS_FLIGHT_START === 'link' ? 'link' : 'arm';
}

export interface FlightTrackerOptions {
  session: LiveSession;
  library: FlightLibrary;
  dir: string;
  clock: Clock;
  notes?: NotesQuery;
  startOn?: FlightStart;
  /** How long after disarm a flight stays open (a quick re-arm after a bounce is the same flight). */
  endGraceMs?: number;
  /** A flight opened, closed or was recovered. */
  onChange?: (flight: FlightRecord) => void;
}

interface ActiveFlight {
  record: FlightRecord;
  vehicleKey: string;
  writer: TlogWriter;
  disarmedAtMs: number | null;
}

const CHECK_MS = 500;
const PRE_FLIGHT_OPS_MS = 30_000;
const SILENT_CLOSE_MS = 5 * 60_000;

export class FlightTracker {
  private readonly active = new Map<string, ActiveFlight>();
  private readonly lastCaller = new Map<string, string>();
  private readonly lastUpload = new Map<string, OperationRecord>();
  /** Operations just before a flight opened (the arm command's ACK may beat the armed HEARTBEAT). */
  private readonly recent = new Map<string, OperationRecord[]>();
  private readonly lastFrames = new Map<string, Map<string, Uint8Array>>();
  private readonly unsubscribe: Array<() => void> = [];
  private timer: TimerHandle | null = null;
  private readonly startOn: FlightStart;
  private readonly endGraceMs: number;

  constructor(private readonly opts: FlightTrackerOptions) {
    this.startOn = opts.startOn ?? 'arm';
    this.endGraceMs = opts.endGraceMs ?? 10_000;
  }

  /** Recovers flights left open by a crash, then starts watching. Returns the recovered ones. */
  start(): FlightRecord[] {
    const recovered = this.opts.library.openFlights().map((f) => this.finish(f, 'recovered'));
    const { links, fleet } = this.opts.session;
    this.unsubscribe.push(
      links.onMessage((message) => {
        const v = fleet.get(`${message.sysid}:${message.compid}`);
        if (v) this.watch(v);
      }),
      links.onRawFrame((linkId, raw, direction) => {
        if (direction === 'in') this.remember(linkId, raw);
        const us = Math.round(this.opts.clock.now() * 1000);
        for (const f of this.active.values()) {
          if (fleet.get(f.vehicleKey)?.snap.linkIds.includes(linkId)) f.writer.write(raw, us);
        }
      }),
    );
    const tick = () => {
      this.closeDue();
      this.timer = this.opts.clock.setTimeout(tick, CHECK_MS);
    };
    this.timer = this.opts.clock.setTimeout(tick, CHECK_MS);
    return recovered;
  }

  /** Every operation the station ran: who flies (the last caller), the mission, the flight's record. */
  onOperation(op: OperationRecord): void {
    if (op.caller) this.lastCaller.set(op.key, op.caller.name);
    if (op.kind === 'upload' && !op.error) this.lastUpload.set(op.key, op);
    const f = this.active.get(op.key);
    if (!f) {
      const since = this.opts.clock.now() - PRE_FLIGHT_OPS_MS;
      this.recent.set(op.key, [...(this.recent.get(op.key) ?? []).filter((r) => r.endedMs >= since), op]);
      return;
    }
    if (op.caller) this.opts.library.setPilotIfUnknown(f.record.id, op.caller.name);
    this.opts.library.addOperation(f.record.id, operationRow(op), op.kind === 'upload' ? { plan: op.plan, types: op.types } : undefined);
  }

  /** The latest frame of each kind from each vehicle on each link, to start a flight's tlog with its state. */
  private remember(linkId: string, raw: Uint8Array): void {
    const v2 = raw[0] === 0xfd;
    const sys = raw[v2 ? 5 : 3]!;
    const comp = raw[v2 ? 6 : 4]!;
    const msgid = v2 ? raw[7]! | (raw[8]! << 8) | (raw[9]! << 16) : raw[5]!;
    let kinds = this.lastFrames.get(linkId);
    if (!kinds) this.lastFrames.set(linkId, (kinds = new Map()));
    // Copy: the framer's buffer is reused.
    kinds.set(`${sys}:${comp}:${msgid}`, raw.slice());
  }

  /** The flight opened most recently among those in progress (notes entered now belong to it). */
  currentFlightId(): string | null {
    let latest: FlightRecord | null = null;
    for (const f of this.active.values()) if (!latest || f.record.startMs >= latest.startMs) latest = f.record;
    return latest?.id ?? null;
  }

  activeFlight(vehicleKey: string): FlightRecord | undefined {
    return this.active.get(vehicleKey)?.record;
  }

  private watch(v: Vehicle): void {
    const f = this.active.get(v.key);
    const now = this.opts.clock.now();
    if (!f) {
      if (this.startOn === 'link' || v.snap.armed) this.open(v, now);
      return;
    }
    if (this.startOn === 'arm') {
      if (v.snap.armed) f.disarmedAtMs = null;
      else f.disarmedAtMs ??= now;
    }
  }

  private open(v: Vehicle, now: number): void {
    const id = randomUUID();
    const tlogPath = join(this.opts.dir, recordingName(now, `flight_${v.key.replace(':', '-')}`));
    const upload = this.lastUpload.get(v.key);
    const record = this.opts.library.create({ id, vehicleKey: v.key, pilot: this.lastCaller.get(v.key) ?? null, startMs: now, tlogPath, missionName: null });
    const since = now - PRE_FLIGHT_OPS_MS;
    const before = (this.recent.get(v.key) ?? []).filter((r) => r.endedMs >= since && r !== upload);
    this.recent.delete(v.key);
    for (const op of upload ? [upload, ...before] : before) {
      this.opts.library.addOperation(id, operationRow(op), op.kind === 'upload' ? { plan: op.plan, types: op.types } : undefined);
    }
    const writer = new TlogWriter(tlogPath, { nowMs: () => this.opts.clock.now() });
    // The vehicle's state as the flight begins (its HEARTBEAT first, then the rest), so a replay of the
    // flight shows the vehicle from its first moment rather than after the next HEARTBEAT.
    const us = Math.round(now * 1000);
    const mine = [...(this.lastFrames.get(v.snap.linkIds[0] ?? '') ?? new Map<string, Uint8Array>())].filter(([k]) => k.startsWith(`${v.key}:`));
    mine.sort(([a], [b]) => (a.endsWith(':0') ? 0 : 1) - (b.endsWith(':0') ? 0 : 1));
    for (const [, raw] of mine) writer.write(raw, us);
    this.active.set(v.key, { record, vehicleKey: v.key, writer, disarmedAtMs: null });
    this.opts.onChange?.(record);
  }

  private closeDue(): void {
    const now = this.opts.clock.now();
    for (const f of [...this.active.values()]) {
      const snap = this.opts.session.fleet.get(f.vehicleKey)?.snap;
      const silent = snap?.linkLost ?? true;
      // A link-started flight ends when the vehicle falls silent; an armed one after disarm + grace,
      // or when it has not been heard for long (a lost aircraft: the record must still close).
      const goneLong = silent && now - (snap?.lastHeartbeatMs ?? 0) >= SILENT_CLOSE_MS;
      const due = this.startOn === 'arm' ? (f.disarmedAtMs !== null && now - f.disarmedAtMs >= this.endGraceMs) || goneLong : silent;
      if (due) this.closeFlight(f);
    }
  }

  private closeFlight(f: ActiveFlight): FlightRecord {
    f.writer.close();
    this.active.delete(f.vehicleKey);
    return this.finish(f.record, 'closed');
  }

  /** Measures the flight from its own tlog, counts its notes, hashes the file, and stores it all. */
  private finish(f: FlightRecord, status: 'closed' | 'recovered'): FlightRecord {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(f.tlogPath));
    } catch {
      bytes = new Uint8Array(0); // the file never got a frame (or is gone): an empty flight, still closed
    }
    const index = indexTlog(bytes);
    const scan = scanTlog(index, f.vehicleKey).vehicles.get(f.vehicleKey);
    const endMs = index.count ? Math.max(f.startMs, index.endUs / 1000) : f.startMs;
    const noteCount = this.opts.notes?.notesBetween(f.startMs, endMs, { vehicleKey: f.vehicleKey }).length ?? 0;
    const done = this.opts.library.finish(
      f.id,
      {
        endMs: Math.round(endMs),
        maxAltRelM: scan?.maxAltRelM ?? null,
        distanceM: scan?.distanceM ?? 0,
        bbox: scan?.bbox ?? null,
        noteCount,
        alertCount: scan?.alertCount ?? 0,
        sha256: sha256(bytes),
      },
      status,
    );
    this.opts.onChange?.(done);
    return done;
  }

  /** Station closing: flights in progress are closed as they stand. */
  close(): void {
    if (this.timer !== null) this.opts.clock.clearTimeout(this.timer);
    this.timer = null;
    for (const u of this.unsubscribe.splice(0)) u();
    for (const f of [...this.active.values()]) this.closeFlight(f);
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function operationRow(op: OperationRecord): FlightOperation {
  let summary: string;
  if (op.kind === 'upload') summary = `upload ${op.types.join('+')} (${op.plan.mission.items.length} items)`;
  else if (op.kind === 'command') {
    const { action, ...rest } = op.params as { action: string } & Record<string, unknown>;
    const args = Object.values(rest).filter((x) => typeof x === 'number' || typeof x === 'string');
    summary = [action, ...args].join(' ');
  } else summary = `${op.kind} ${op.types.join('+')}`;
  return { kind: op.kind, atMs: op.startedMs, caller: op.caller?.name ?? null, ok: !op.error, summary, error: op.error?.message ?? null };
}
