// Row: framing + decode throughput, ours against node-mavlink's splitter + parser + data() on the same bytes.
import { Readable } from 'node:stream';
import { decodeFrame, Encoder, Framer } from '../electron/core/mavlink';
import type { BenchRow } from './table';

/** A fixed telemetry mix, as an ArduCopter streams it (positions and attitude most often). */
export function telemetryMix(frames: number): Buffer {
  const enc = new Encoder({ sysid: 1, compid: 1 });
  const parts: Uint8Array[] = [];
  for (let i = 0; parts.length < frames; i++) {
    parts.push(enc.encode('GLOBAL_POSITION_INT', { time_boot_ms: i * 100, lat: 460726000 + i, lon: 1220933000 - i, alt: 300000, relative_alt: 20000, vx: 100, vy: -50, vz: 3, hdg: (i * 37) % 36000 }));
    parts.push(enc.encode('ATTITUDE', { time_boot_ms: i * 100, roll: 0.1, pitch: -0.05, yaw: 1.57, rollspeed: 0.01, pitchspeed: 0.02, yawspeed: 0.03 }));
    parts.push(enc.encode('VFR_HUD', { airspeed: 10, groundspeed: 9.5, heading: 90, throttle: 45, alt: 300, climb: 0.5 }));
    if (i % 2 === 0) parts.push(enc.encode('SYS_STATUS', { voltage_battery: 15800, current_battery: 1230, battery_remaining: 87, onboard_control_sensors_present: 0x1234 }));
    if (i % 2 === 0) parts.push(enc.encode('GPS_RAW_INT', { time_usec: i * 100000, lat: 460726000, lon: 1220933000, alt: 300000, eph: 80, epv: 120, vel: 950, cog: 9000, fix_type: 3, satellites_visible: 16 }));
    if (i % 4 === 0) parts.push(enc.encode('HEARTBEAT', { type: 2, autopilot: 3, base_mode: 217, custom_mode: 4, system_status: 4, mavlink_version: 3 }));
    if (i % 4 === 0) parts.push(enc.encode('BATTERY_STATUS', { voltages: [4000, 4000, 4000, 4000, 65535, 65535, 65535, 65535, 65535, 65535], current_battery: 1230, battery_remaining: 87 }));
  }
  return Buffer.concat(parts.slice(0, frames));
}

function chunked(buf: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}

function runOurs(chunks: Buffer[]): number {
  const framer = new Framer();
  let n = 0;
  for (const c of chunks) framer.push(c, (f) => {
    if (decodeFrame(f)) n++;
  });
  return n;
}

async function runNodeMavlink(chunks: Buffer[]): Promise<number> {
  const nm = await import('node-mavlink');
  const registry = { ...nm.minimal.REGISTRY, ...nm.common.REGISTRY, ...nm.ardupilotmega.REGISTRY } as Record<number, any>;
  return new Promise((resolve, reject) => {
    let n = 0;
    const stream = Readable.from(chunks).pipe(new nm.MavLinkPacketSplitter()).pipe(new nm.MavLinkPacketParser());
    stream.on('data', (packet: any) => {
      const clazz = registry[packet.header.msgid];
      if (clazz) {
        packet.protocol.data(packet.payload, clazz);
        n++;
      }
    });
    stream.on('end', () => resolve(n));
    stream.on('error', reject);
  });
}

export async function benchMavlinkParse(): Promise<BenchRow> {
  const frames = 200_000;
  const buf = telemetryMix(frames);
  const chunks = chunked(buf, 1024); // a UDP/serial-sized chunking
  runOurs(chunks); // warm up the JIT on the same code path
  await runNodeMavlink(chunks.slice(0, 200));
  // Best of three, alternating, so a busy moment on a 2-core machine hurts both sides alike.
  let oursRate = 0;
  let theirRate = 0;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    const ours = runOurs(chunks);
    const t1 = performance.now();
    const theirs = await runNodeMavlink(chunks);
    const t2 = performance.now();
    if (ours !== frames || theirs !== frames) throw new Error(`frame counts differ: ours ${ours}, node-mavlink ${theirs}, expected ${frames}`);
    oursRate = Math.max(oursRate, ours / ((t1 - t0) / 1000));
    theirRate = Math.max(theirRate, theirs / ((t2 - t1) / 1000));
  }
  return {
    name: 'MAVLink framing + decode (telemetry mix, 1 KiB chunks)',
    value: oursRate,
    unit: 'msg/s',
    baselineName: 'node-mavlink splitter + parser + data()',
    baseline: theirRate,
    target: '>= 10x baseline',
    pass: oursRate / theirRate >= 10,
  };
}
