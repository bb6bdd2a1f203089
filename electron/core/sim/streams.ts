// Which telemetry goes out, and how often. ArduPilot streams only what it is asked for: per data
// stream (REQUEST_DATA_STREAM, the SRn_* parameters) or per message (MAV_CMD_SET_MESSAGE_INTERVAL,
// which takes a message out of its stream). HEARTBEAT goes at 1 Hz regardless.
//
// `defaultHz` plays the role of the SRn_* parameters at boot: ArduPilot's real default for a GCS
// port is 0 (silent until asked), but then a plain listener (`gcs monitor`, a tlog recorder, a
// second GCS watching) would see nothing but heartbeats; so the simulator boots with every stream at
// defaultHz, and a GCS's requests change them exactly as they would change SRn_* on a real vehicle.
// `--stream-default 0` gives ArduPilot's silent behaviour.

/** MAV_DATA_STREAM ids and the messages ArduCopter sends in each (GCS_Mavlink.cpp stream tables). */
export const DATA_STREAMS: Readonly<Record<number, readonly string[]>> = {
  1: ['RAW_IMU', 'SCALED_PRESSURE'], // RAW_SENSORS
  2: ['SYS_STATUS', 'POWER_STATUS', 'MEMINFO', 'MISSION_CURRENT', 'GPS_RAW_INT', 'NAV_CONTROLLER_OUTPUT', 'POSITION_TARGET_GLOBAL_INT'], // EXTENDED_STATUS
  3: ['SERVO_OUTPUT_RAW', 'RC_CHANNELS'], // RC_CHANNELS
  6: ['GLOBAL_POSITION_INT', 'LOCAL_POSITION_NED'], // POSITION
  10: ['ATTITUDE'], // EXTRA1
  11: ['VFR_HUD'], // EXTRA2
  12: ['SYSTEM_TIME', 'BATTERY_STATUS', 'EXTENDED_SYS_STATE'], // EXTRA3
};
export const MAV_DATA_STREAM_ALL = 0;
const MAX_RATE_HZ = 50; // ArduPilot caps stream rates at 50 Hz
const HEARTBEAT_INTERVAL_MS = 1000;

type Override = { kind: 'interval'; ms: number } | { kind: 'disabled' };

export class StreamScheduler {
  private readonly streamHz = new Map<number, number>();
  private readonly overrides = new Map<string, Override>();
  private readonly nextDueMs = new Map<string, number>();

  constructor(defaultHz: number) {
    for (const id of Object.keys(DATA_STREAMS)) this.streamHz.set(Number(id), clampHz(defaultHz));
  }

  /** REQUEST_DATA_STREAM: start_stop 0 stops the stream; ALL (0) applies to every stream. */
  requestDataStream(streamId: number, rateHz: number, start: boolean, nowMs: number): boolean {
    const hz = start ? clampHz(rateHz) : 0;
    const ids = streamId === MAV_DATA_STREAM_ALL ? Object.keys(DATA_STREAMS).map(Number) : [streamId];
    if (!ids.every((id) => id in DATA_STREAMS)) return false;
    for (const id of ids) {
      this.streamHz.set(id, hz);
      for (const name of DATA_STREAMS[id]) this.reschedule(name, nowMs);
    }
    return true;
  }

  /** MAV_CMD_SET_MESSAGE_INTERVAL: -1 disables, 0 returns the message to its stream's rate. */
  setMessageInterval(name: string, intervalUs: number, nowMs: number): void {
    if (intervalUs < 0) this.overrides.set(name, { kind: 'disabled' });
    else if (intervalUs === 0) this.overrides.delete(name);
    else this.overrides.set(name, { kind: 'interval', ms: Math.max(1000 / MAX_RATE_HZ, intervalUs / 1000) });
    this.reschedule(name, nowMs);
  }

  /** Current interval of a message in ms; 0 when it is not sent. */
  intervalMs(name: string): number {
    const o = this.overrides.get(name);
    if (o) return o.kind === 'disabled' ? 0 : o.ms;
    if (name === 'HEARTBEAT') return HEARTBEAT_INTERVAL_MS;
    for (const [id, names] of Object.entries(DATA_STREAMS)) {
      if (names.includes(name)) {
        const hz = this.streamHz.get(Number(id)) ?? 0;
        return hz > 0 ? 1000 / hz : 0;
      }
    }
    return 0;
  }

  /** After a reboot: uptime starts from zero again, so every stream is due from there on. */
  restartClock(): void {
    this.nextDueMs.clear();
  }

  /** The messages due at nowMs (each at most once per call; a late tick does not burst). */
  due(nowMs: number): string[] {
    const out: string[] = [];
    for (const name of this.scheduled()) {
      const interval = this.intervalMs(name);
      if (interval <= 0) continue;
      const next = this.nextDueMs.get(name) ?? nowMs;
      if (nowMs + 1e-6 < next) continue;
      out.push(name);
      // Keep the cadence (next = due + interval) unless we fell a whole interval behind.
      this.nextDueMs.set(name, next + interval <= nowMs ? nowMs + interval : next + interval);
    }
    return out;
  }

  private *scheduled(): Iterable<string> {
    yield 'HEARTBEAT';
    const seen = new Set<string>(['HEARTBEAT']);
    for (const names of Object.values(DATA_STREAMS)) {
      for (const n of names) {
        if (!seen.has(n)) {
          seen.add(n);
          yield n;
        }
      }
    }
    for (const n of this.overrides.keys()) {
      if (!seen.has(n)) {
        seen.add(n);
        yield n;
      }
    }
  }

  private reschedule(name: string, nowMs: number): void {
    this.nextDueMs.set(name, nowMs);
  }
}

function clampHz(hz: number): number {
  return Number.isFinite(hz) && hz > 0 ? Math.min(hz, MAX_RATE_HZ) : 0;
}
