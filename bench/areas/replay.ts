// The replay area's benchmarks, run by bench/run.ts: opening and indexing a generated 1-hour,
// 4-vehicle tlog (about 50 MB) beside node-mavlink's tlog splitter + parser on the same file in the
// same run, and seeking in it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Encoder } from '../../electron/core/mavlink';
import { scanTlog } from '../../electron/core/recording/flight-scan';
import { ReplayPlayer } from '../../electron/core/recording/replay-player';
import { indexTlog } from '../../electron/core/recording/tlog-index';
import type { BenchRow } from '../table';

const VEHICLES = 4;
const SECONDS = 3600;

/** One hour of four ArduCopters: attitude 50 Hz, position/VFR_HUD/RAW_IMU 10 Hz, GPS/SYS_STATUS 5 Hz, heartbeat 1 Hz. */
export function generateTlog(seconds = SECONDS, vehicles = VEHICLES): Buffer {
  const encs = Array.from({ length: vehicles }, (_, i) => new Encoder({ sysid: i + 1, compid: 1 }));
  const parts: Uint8Array[] = [];
  const t0Us = 1_764_000_000_000_000;
  const rec = (us: number, frame: Uint8Array) => {
    const b = new Uint8Array(8 + frame.length);
    new DataView(b.buffer).setBigUint64(0, BigInt(us), false);
    b.set(frame, 8);
    parts.push(b);
  };
  for (let tick = 0; tick < seconds * 50; tick++) {
    const us = t0Us + tick * 20_000;
    for (let v = 0; v < vehicles; v++) {
      const e = encs[v]!;
      const ms = tick * 20;
      rec(us + v, e.encode('ATTITUDE', { time_boot_ms: ms, roll: Math.sin(tick / 50) * 0.1, pitch: -0.05, yaw: (tick % 628) / 100 }));
      if (tick % 5 === v % 5) {
        rec(us + v, e.encode('GLOBAL_POSITION_INT', { time_boot_ms: ms, lat: 460726000 + tick * 3 + v * 1000, lon: 1220933000 - tick * 2, alt: 300000, relative_alt: 20000 + (tick % 1000), vx: 100, vy: -50, vz: 3, hdg: (tick * 37) % 36000 }));
        rec(us + v, e.encode('RAW_IMU', { time_usec: ms * 1000, xacc: 3, yacc: -2, zacc: -1000, xgyro: 1, ygyro: 2, zgyro: 3, xmag: 200, ymag: -100, zmag: 400 }));
        rec(us + v, e.encode('VFR_HUD', { airspeed: 10, groundspeed: 9.5, heading: 90, throttle: 45, alt: 300, climb: 0.5 }));
      }
      if (tick % 10 === v) {
        rec(us + v, e.encode('GPS_RAW_INT', { time_usec: ms * 1000, lat: 460726000, lon: 1220933000, alt: 300000, eph: 80, epv: 120, vel: 950, cog: 9000, fix_type: 3, satellites_visible: 16 }));
        rec(us + v, e.encode('SYS_STATUS', { voltage_battery: 15800 - tick / 10, current_battery: 1230, battery_remaining: 87 }));
      }
      if (tick % 50 === v) rec(us + v, e.encode('HEARTBEAT', { type: 2, autopilot: 3, base_mode: 217, custom_mode: (tick / 50) % 600 < 300 ? 4 : 3, system_status: 4, mavlink_version: 3 }));
    }
  }
  return Buffer.concat(parts);
}

async function nodeMavlinkTlog(buf: Buffer): Promise<number> {
  const nm = await import('node-mavlink');
  return new Promise((resolve, reject) => {
    let n = 0;
    const chunks: Buffer[] = [];
    for (let i = 0; i < buf.length; i += 65536) chunks.push(buf.subarray(i, i + 65536));
    const stream = Readable.from(chunks).pipe(new nm.MavLinkTLogPacketSplitter()).pipe(new nm.MavLinkPacketParser());
    stream.on('data', () => n++);
    stream.on('end', () => resolve(n));
    stream.on('error', reject);
  });
}

let cached: { file: string; bytes: number; frames: number; theirFrames: number; scanMs: number; openMs: number; seekMs: number; oursMBps: number; theirsMBps: number } | null = null;

async function measure(): Promise<NonNullable<typeof cached>> {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'replay-bench-'));
  const file = join(dir, 'hour.tlog');
  writeFileSync(file, generateTlog());
  try {
    let openMs = Infinity;
    let oursMBps = 0;
    let theirsMBps = 0;
    let frames = 0;
    let theirFrames = 0;
    let bytes = 0;
    let player: ReplayPlayer | null = null;
    for (let round = 0; round < 3; round++) {
      const t0 = performance.now();
      const buf = readFileSync(file);
      const index = indexTlog(new Uint8Array(buf.buffer, buf.byteOffset, buf.length));
      player = new ReplayPlayer(index);
      const t1 = performance.now();
      const theirs = await nodeMavlinkTlog(buf);
      const t2 = performance.now();
      frames = index.count;
      bytes = buf.length;
      // node-mavlink's splitter loses a few frames whose timestamp bytes look like a frame start; we
      // only check it read nearly all, so the rates compare like with like.
      if (theirs < frames * 0.99) throw new Error(`frame counts differ: ours ${frames}, node-mavlink ${theirs}`);
      theirFrames = theirs;
      openMs = Math.min(openMs, t1 - t0);
      oursMBps = Math.max(oursMBps, bytes / 1e6 / ((t1 - t0) / 1000));
      theirsMBps = Math.max(theirsMBps, bytes / 1e6 / ((t2 - t1) / 1000));
    }
    // 20 seeks to random moments (fixed seed), mean time.
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const p = player!;
    p.seek(p.startMs + 1000);
    const s0 = performance.now();
    for (let i = 0; i < 20; i++) p.seek(p.startMs + rnd() * (p.endMs - p.startMs));
    const seekMs = (performance.now() - s0) / 20;
    // What the station's openFlight adds: the timeline and track scan.
    const buf = readFileSync(file);
    const sc0 = performance.now();
    scanTlog(indexTlog(new Uint8Array(buf.buffer, buf.byteOffset, buf.length)));
    const scanMs = performance.now() - sc0;
    cached = { file, bytes, frames, theirFrames, scanMs, openMs, seekMs, oursMBps, theirsMBps };
    return cached;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const replayBenches: Array<() => Promise<BenchRow>> = [
  async () => {
    const m = await measure();
    return {
      name: `tlog open + index (1 h, ${VEHICLES} vehicles, ${(m.bytes / 1e6).toFixed(0)} MB, ${m.frames} frames)`,
      value: m.oursMBps,
      unit: 'MB/s',
      baselineName: `node-mavlink tlog splitter + parser (${m.theirFrames} frames)`,
      baseline: m.theirsMBps,
      target: `open < 1000 ms (was ${m.openMs.toFixed(0)} ms)`,
      pass: m.openMs < 1000,
    };
  },
  async () => {
    const m = await measure();
    return {
      name: 'index + timeline/track scan (what opening a library flight costs, same log)',
      value: m.scanMs, unit: 'ms', lowerIsBetter: true, target: '< 1000 ms (issue target is for open+index)', pass: m.scanMs < 1000,
    };
  },
  async () => {
    const m = await measure();
    return { name: 'replay seek (mean of 20 random, same log)', value: m.seekMs, unit: 'ms', lowerIsBetter: true, target: '< 50 ms', pass: m.seekMs < 50 };
  },
];
