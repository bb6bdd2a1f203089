import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ardupilotDialect, decodeFrame, Encoder, Framer, type Frame } from '../../electron/core/mavlink';
import { walkTlog } from '../support/tlog-walk';

const FIXTURES = join(__dirname, '..', 'fixtures');
const TLOGS = ['capture.mav2.battery_status.tlog', 'flocked-tlog_data_0.tlog', 'uavlogviewer-vtol.tlog'];

function frameAll(chunks: Uint8Array[]): { frames: Frame[]; framer: Framer } {
  const framer = new Framer();
  const frames: Frame[] = [];
  // Copy each frame's bytes: the framer hands out views that the test keeps beyond the callback.
  const keep = (f: Frame) => frames.push({ ...f, raw: f.raw.slice(), payload: f.payload.slice() });
  for (const c of chunks) framer.push(c, keep);
  framer.flush(keep);
  return { frames, framer };
}

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString('hex');
}

/** A deterministic PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function telemetryFrames(enc: Encoder): Uint8Array[] {
  return [
    enc.encode('HEARTBEAT', { type: 2, autopilot: 3, base_mode: 217, custom_mode: 4, system_status: 4, mavlink_version: 3 }),
    enc.encode('GLOBAL_POSITION_INT', { time_boot_ms: 1000, lat: 460726000, lon: 1220933000, alt: 300000, relative_alt: 20000, vx: 100, vy: -50, vz: 0, hdg: 9000 }),
    enc.encode('ATTITUDE', { time_boot_ms: 1000, roll: 0.1, pitch: -0.05, yaw: 1.57, rollspeed: 0, pitchspeed: 0, yawspeed: 0 }),
    enc.encode('VFR_HUD', { airspeed: 10, groundspeed: 9.5, heading: 90, throttle: 45, alt: 300, climb: 0.5 }),
    enc.encode('SYS_STATUS', { voltage_battery: 15800, current_battery: 1230, battery_remaining: 87 }),
    enc.encode('STATUSTEXT', { severity: 4, text: 'PreArm: Need 3D Fix' }),
  ];
}

describe('framer on real tlogs', () => {
  for (const name of TLOGS) {
    it(`finds every intact frame of ${name}, in order`, () => {
      const buf = new Uint8Array(readFileSync(join(FIXTURES, 'tlog', name)));
      const records = walkTlog(buf);
      expect(records.length).toBeGreaterThan(0);
      // Each record checked alone: the ones that pass CRC against today's dialect.
      const intact = records.filter((r) => frameAll([r.frame]).frames.length === 1).map((r) => hex(r.frame));
      const { frames } = frameAll([buf]);
      const found = frames.map((f) => hex(f.raw));
      // Every intact frame is found. (Timestamps can in rare cases contain a valid-looking frame; we
      // require the intact ones as an ordered subsequence.)
      let j = 0;
      for (const h of found) if (h === intact[j]) j++;
      expect(j).toBe(intact.length);
      for (const f of frames) expect(decodeFrame(f)).toBeDefined();
    });
  }

  it('decodes the same field values as node-mavlink on every frame of the vtol log', async () => {
    const nm = await import('node-mavlink');
    const registry = { ...nm.minimal.REGISTRY, ...nm.common.REGISTRY, ...nm.ardupilotmega.REGISTRY } as Record<number, any>;
    const buf = new Uint8Array(readFileSync(join(FIXTURES, 'tlog', 'uavlogviewer-vtol.tlog')));
    const { frames } = frameAll([buf]);
    let compared = 0;
    for (const f of frames.slice(0, 3000)) {
      const ours = decodeFrame(f)!;
      const clazz = registry[f.msgid];
      if (!clazz) continue;
      const protocol = f.version === 2 ? new nm.MavLinkProtocolV2() : new nm.MavLinkProtocolV1();
      const theirs = protocol.data(Buffer.from(f.payload), clazz) as Record<string, unknown>;
      for (const field of ardupilotDialect().byId(f.msgid)!.fields) {
        const a = ours.fields[field.name];
        const camel = field.name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
        let b = theirs[camel];
        if (typeof b === 'bigint') b = Number(b);
        if (typeof a === 'string') continue; // node-mavlink keeps trailing garbage after NUL
        if (typeof a === 'number' && Number.isNaN(a)) continue;
        expect(a, `${ours.name}.${field.name}`).toEqual(b);
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(2000);
  });
});

describe('framer on hostile byte streams', () => {
  const enc = new Encoder({ sysid: 1, compid: 1 });

  it('recovers every frame whatever the chunking, down to single bytes', () => {
    const frames = telemetryFrames(enc);
    const all = Buffer.concat(frames);
    const byByte = frameAll([...all].map((b) => Uint8Array.of(b))).frames;
    expect(byByte.map((f) => hex(f.raw))).toEqual(frames.map(hex));
    const rand = rng(7);
    for (let trial = 0; trial < 50; trial++) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < all.length; ) {
        const n = 1 + Math.floor(rand() * 40);
        chunks.push(all.subarray(i, i + n));
        i += n;
      }
      expect(frameAll(chunks).frames.length).toBe(frames.length);
    }
  });

  it('never loses a good frame behind a stray STX with an unknown id and a long claimed length', () => {
    const good = telemetryFrames(enc)[1];
    // 0xFD, len 255, incompat 0, compat 0, seq, sys, comp, msgid 0xABCDEF (unknown)
    const stray = Uint8Array.of(0xfd, 0xff, 0, 0, 7, 1, 1, 0xef, 0xcd, 0xab);
    const { frames, framer } = frameAll([stray, good]);
    expect(frames.map((f) => hex(f.raw))).toEqual([hex(good)]);
    expect(framer.stats.unknownIds).toBe(1);
    expect(framer.stats.bytesSkipped).toBe(stray.length);
  });

  it('never loses a good frame behind a stray STX with a known id (bad CRC)', () => {
    const good = telemetryFrames(enc)[0];
    const stray = Uint8Array.of(0xfe, 0x09, 0, 1, 1, 0); // v1 HEARTBEAT header, then the good v2 frame as "payload"
    const { frames, framer } = frameAll([stray, good]);
    expect(frames.map((f) => hex(f.raw))).toEqual([hex(good)]);
    expect(framer.stats.crcErrors).toBeGreaterThanOrEqual(1);
  });

  it('finds all frames in a stream full of noise (with many STX bytes) and counts the noise', () => {
    const rand = rng(42);
    const frames = telemetryFrames(enc);
    const parts: Uint8Array[] = [];
    let noise = 0;
    for (let k = 0; k < 200; k++) {
      const n = Math.floor(rand() * 30);
      const junk = new Uint8Array(n);
      for (let i = 0; i < n; i++) junk[i] = rand() < 0.2 ? (rand() < 0.5 ? 0xfd : 0xfe) : Math.floor(rand() * 256);
      noise += n;
      parts.push(junk, frames[k % frames.length]);
    }
    const { frames: found, framer } = frameAll(parts);
    expect(found.length).toBe(200);
    expect(framer.stats.bytesSkipped).toBe(noise);
  });

  it('delivers a good frame at once when a corrupt length byte before it claims more bytes than have come', () => {
    const [hb, pos] = telemetryFrames(enc);
    const corrupt = pos.slice();
    corrupt[1] = 250; // the length byte hit by noise: now claims bytes that belong to later frames
    const framer = new Framer();
    const got: string[] = [];
    framer.push(Buffer.concat([corrupt, hb]), (f) => got.push(hex(f.raw)));
    // No flush and nothing more on the link: the heartbeat must not wait for unrelated traffic.
    expect(got).toEqual([hex(hb)]);
    expect(framer.pendingBytes).toBe(0);
  });

  it('skips a truncated frame and keeps the good one after it', () => {
    const [hb, pos] = telemetryFrames(enc);
    const truncated = pos.subarray(0, pos.length - 5);
    const { frames, framer } = frameAll([truncated, hb]);
    expect(frames.map((f) => hex(f.raw))).toEqual([hex(hb)]);
    expect(framer.stats.bytesSkipped).toBe(truncated.length);
  });

  it('counts a truncated frame at the end of a stream as skipped', () => {
    const [hb, pos] = telemetryFrames(enc);
    const { frames, framer } = frameAll([hb, pos.subarray(0, 10)]);
    expect(frames.length).toBe(1);
    expect(framer.stats.bytesSkipped).toBe(10);
  });

  it('reads MAVLink 1 and 2 mixed', () => {
    const v1 = enc.encode('HEARTBEAT', { type: 2, autopilot: 3 }, { version: 1 });
    const v2 = enc.encode('HEARTBEAT', { type: 2, autopilot: 3 });
    const { frames } = frameAll([v1, v2, v1]);
    expect(frames.map((f) => f.version)).toEqual([1, 2, 1]);
    expect(frames.map((f) => decodeFrame(f)!.fields.autopilot)).toEqual([3, 3, 3]);
  });

  it('reads signed MAVLink 2 frames (signature kept in raw), the published vectors included', () => {
    const vectors = JSON.parse(readFileSync(join(FIXTURES, 'signing', 'vectors.json'), 'utf8')).vectors as Array<{ frame_hex: string; frame_len: number }>;
    for (const v of vectors) {
      const bytes = Uint8Array.from(Buffer.from(v.frame_hex, 'hex'));
      const { frames } = frameAll([bytes, telemetryFrames(enc)[0]]);
      expect(frames.length).toBe(2);
      expect(frames[0].signed).toBe(true);
      expect(frames[0].raw.length).toBe(v.frame_len);
      expect(decodeFrame(frames[0])!.name).toBe('HEARTBEAT');
    }
  });

  it('counts sequence gaps and reports link quality', () => {
    const e = new Encoder({ sysid: 3, compid: 1 });
    const sent = Array.from({ length: 100 }, () => e.encode('HEARTBEAT', {}));
    const kept = sent.filter((_, i) => i % 10 !== 5); // lose 10 %
    const { framer } = frameAll(kept);
    expect(framer.stats.seqGaps).toBe(10);
    expect(framer.quality.percent).toBe(90);
  });

  it('decodes MAVLink 2 truncated payloads as zeros', () => {
    const f = enc.encode('GLOBAL_POSITION_INT', { lat: 1 });
    expect(f[1]).toBeLessThan(ardupilotDialect().byName('GLOBAL_POSITION_INT')!.maxLength);
    const { frames } = frameAll([f]);
    expect(decodeFrame(frames[0])!.fields).toMatchObject({ lat: 1, lon: 0, hdg: 0 });
  });
});

describe('encoder', () => {
  it('round-trips every message of the dialect with random values', () => {
    const rand = rng(1);
    const dialect = ardupilotDialect();
    const enc = new Encoder();
    let n = 0;
    for (let id = 0; id < 65536; id++) {
      const def = dialect.byId(id);
      if (!def) continue;
      const values: Record<string, number | string | number[]> = {};
      for (const f of def.fields) {
        const gen = () => {
          switch (f.type) {
            case 'float':
            case 'double':
              return Math.fround(rand() * 1000 - 500);
            case 'uint8_t':
              return Math.floor(rand() * 256);
            case 'int8_t':
              return Math.floor(rand() * 256) - 128;
            case 'uint16_t':
              return Math.floor(rand() * 65536);
            case 'int16_t':
              return Math.floor(rand() * 65536) - 32768;
            case 'uint32_t':
              return Math.floor(rand() * 2 ** 32);
            case 'int32_t':
              return Math.floor(rand() * 2 ** 32) - 2 ** 31;
            default:
              return Math.floor(rand() * 2 ** 40);
          }
        };
        if (f.type === 'char') values[f.name] = 'x'.repeat(1 + Math.floor(rand() * (f.arrayLength - 1)));
        else if (f.arrayLength) values[f.name] = Array.from({ length: f.arrayLength }, gen);
        else values[f.name] = gen();
      }
      const bytes = enc.encode(def.name, values);
      const { frames } = frameAll([bytes]);
      expect(frames.length, def.name).toBe(1);
      const back = decodeFrame(frames[0])!;
      expect(back.name).toBe(def.name);
      expect(back.fields).toEqual(values);
      n++;
    }
    expect(n).toBeGreaterThan(250);
  });

  it('numbers frames per encoder, wrapping at 256', () => {
    const enc = new Encoder();
    const seqs = Array.from({ length: 300 }, () => enc.encode('HEARTBEAT', {})[4]);
    expect(seqs[0]).toBe(0);
    expect(seqs[255]).toBe(255);
    expect(seqs[256]).toBe(0);
  });

  it('uses system 255 component 190 by default', () => {
    const f = new Encoder().encode('HEARTBEAT', {});
    expect([f[5], f[6]]).toEqual([255, 190]);
  });
});
