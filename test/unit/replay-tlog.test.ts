// The tlog reader against every real fixture and against a deliberately messy file built here, and the
// writer's output read back frame for frame.
import { closeSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Encoder } from '../../electron/core/mavlink';
import { frameBytes, indexTlog, recordAt } from '../../electron/core/recording/tlog-index';
import { summarizeTlog } from '../../electron/core/recording/tlog-summary';
import { TlogWriter } from '../../electron/core/recording/tlog-writer';
import { walkTlog } from '../support/tlog-walk';

const FIXTURES = join(__dirname, '../fixtures/tlog');

function stamp(us: number, littleEndian = false): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(us), littleEndian);
  return b;
}

function cat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

describe('tlog reader on the real fixtures', () => {
  it('reads every fixture tlog without loss where the file is clean', () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.tlog'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const buf = new Uint8Array(readFileSync(join(FIXTURES, f)));
      const index = indexTlog(buf);
      const walked = walkTlog(buf);
      // Every structurally whole record the plain walker finds is a good frame to us too.
      expect(index.count, f).toBe(walked.length);
      for (let k = 1; k < index.count; k++) expect(index.timeUs[k]).toBeGreaterThanOrEqual(index.timeUs[k - 1]);
    }
  });

  it('every fixture tlog is the file SOURCES.md documents (its byte count)', () => {
    const sources = readFileSync(join(FIXTURES, '..', 'SOURCES.md'), 'utf8');
    const rows = [...sources.matchAll(/^\| `tlog\/([^`]+)` \| (\d+) \|/gm)];
    expect(rows.length).toBe(3);
    for (const [, name, bytes] of rows) expect(readFileSync(join(FIXTURES, name!)).length, name).toBe(Number(bytes));
  });

  it('UAVLogViewer vtol.tlog: an ArduPlane VTOL SITL flight of about 3.5 minutes, MAVLink 1', () => {
    const index = indexTlog(new Uint8Array(readFileSync(join(FIXTURES, 'uavlogviewer-vtol.tlog'))));
    const s = summarizeTlog(index);
    expect(s.stats.framesV1).toBe(23894);
    expect(s.stats.framesV2).toBe(0);
    expect(s.stats.bytesSkipped).toBe(0);
    expect(s.durationS).toBeCloseTo(207.6, 1);
    expect(s.systems).toEqual([{ sysid: 1, compid: 1, frames: 23894 }]);
    // 2018-08-08, when the asset was recorded.
    expect(new Date(s.startUs / 1000).toISOString().slice(0, 10)).toBe('2018-08-08');
    expect(s.messages.find((m) => m.name === 'HEARTBEAT')?.count).toBe(199);
    expect(s.messages.find((m) => m.name === 'MISSION_ITEM_REACHED')?.count).toBe(2);
  });

  it('flocked tlog_data_0: MAVLink 2 from an autopilot and a GCS (255:230)', () => {
    const s = summarizeTlog(indexTlog(new Uint8Array(readFileSync(join(FIXTURES, 'flocked-tlog_data_0.tlog')))));
    expect(s.stats.framesV2).toBe(1426);
    expect(s.systems).toEqual([{ sysid: 1, compid: 1, frames: 1136 }, { sysid: 255, compid: 230, frames: 290 }]);
    expect(s.durationS).toBeCloseTo(11.51, 2);
  });

  it('pymavlink capture.mav2.battery_status: one BATTERY_STATUS, trailing bytes counted as skipped', () => {
    const s = summarizeTlog(indexTlog(new Uint8Array(readFileSync(join(FIXTURES, 'capture.mav2.battery_status.tlog')))));
    expect(s.messages).toEqual([{ msgid: 147, name: 'BATTERY_STATUS', count: 1 }]);
    expect(s.stats.bytesSkipped).toBe(70 - 56);
  });
});

describe('tlog reader on a messy file', () => {
  const enc = new Encoder({ sysid: 1, compid: 1 });
  const hb = (v: 1 | 2) => enc.encode('HEARTBEAT', { type: 2, autopilot: 3, base_mode: 0, custom_mode: 0, system_status: 4, mavlink_version: 3 }, { version: v });
  const att = () => enc.encode('ATTITUDE', { time_boot_ms: 5, roll: 0.1, pitch: 0.2, yaw: 0.3 });
  const t0 = 1_700_000_000_000_000;

  it('mixed v1/v2, unknown id, bad CRC, little-endian and out-of-order stamps, padding, cut-off tail', () => {
    const unknown = att().slice();
    unknown[7] = 0x42; // msgid 0x424242... not in any dialect we carry
    unknown[8] = 0x42;
    unknown[9] = 0x42;
    const badCrc = att().slice();
    badCrc[badCrc.length - 1] ^= 0xff;
    const truncated = att().slice(0, 12);
    const buf = cat([
      stamp(t0), hb(1),
      stamp(t0 + 1000), hb(2),
      stamp(t0 + 2000), unknown,
      stamp(t0 + 3000), badCrc,
      stamp(t0 + 4000, true), att(),
      stamp(t0 + 1000), att(), // out of order: earlier than the one before
      stamp(t0 + 6000), att(),
      stamp(t0 + 6000 + 5 * 3600e6), att(), // a damaged stamp far in the future
      stamp(t0 + 6500), att(),
      new Uint8Array(7), // zeros in the middle (a logger's padding)
      stamp(t0 + 7000), hb(2),
      stamp(t0 + 8000), truncated,
    ]);
    const index = indexTlog(buf);
    const s = index.stats;
    expect(index.count).toBe(8);
    expect(s.framesV1).toBe(1);
    expect(s.framesV2).toBe(7);
    expect(s.unknownIds).toBe(1);
    expect(s.crcErrors).toBe(1);
    expect(s.timestampsLittleEndian).toBe(1);
    expect(s.timestampsOutOfOrder).toBe(2);
    expect(s.truncatedBytes).toBe(8 + 12);
    expect(s.bytesSkipped).toBe(8 + badCrc.length + 7 + 8 + 12);
    expect([...index.timeUs]).toEqual([t0, t0 + 1000, t0 + 4000, t0 + 4000, t0 + 6000, t0 + 6000, t0 + 6500, t0 + 7000]);
    expect(recordAt(index, t0 + 4001)).toBe(4);
  });

  it('never throws or hangs on random bytes, and always accounts for every byte', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    for (let round = 0; round < 50; round++) {
      const parts: Uint8Array[] = [];
      for (let j = 0; j < 20; j++) {
        parts.push(stamp(t0 + j * 1000), j % 3 ? att() : hb(j % 2 ? 1 : 2));
        const noise = new Uint8Array(rnd() % 9);
        for (let q = 0; q < noise.length; q++) noise[q] = rnd() % 2 ? 0xfd : rnd();
        parts.push(noise);
      }
      const buf = cat(parts);
      const index = indexTlog(buf);
      let good = 0;
      for (let k = 0; k < index.count; k++) good += 8 + index.length[k];
      expect(index.count).toBeGreaterThanOrEqual(15);
      expect(good + index.stats.bytesSkipped).toBeLessThanOrEqual(buf.length);
    }
  });
});

describe('tlog writer', () => {
  it('writes big-endian µs stamps and frames that read back frame for frame', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-tlog-'));
    const file = join(dir, 'a.tlog');
    let now = 1_700_000_000_000;
    const w = new TlogWriter(file, { nowMs: () => now });
    const enc = new Encoder({ sysid: 7, compid: 1 });
    const frames: Uint8Array[] = [];
    for (let k = 0; k < 100; k++) {
      const f = enc.encode('ATTITUDE', { time_boot_ms: k, roll: k / 100 });
      frames.push(f);
      w.write(f);
      now += 10;
    }
    w.close();
    const index = indexTlog(new Uint8Array(readFileSync(file)));
    expect(index.count).toBe(100);
    expect(index.stats.bytesSkipped).toBe(0);
    for (let k = 0; k < 100; k++) {
      expect(frameBytes(index, k)).toEqual(frames[k]);
      expect(index.timeUs[k]).toBe((1_700_000_000_000 + k * 10) * 1000);
    }
    // Appending (a recorder restarted on the same file) keeps both halves readable.
    writeFileSync(file, new Uint8Array(0), { flag: 'a' });
  });
});

describe('tlog writer, read by another implementation', () => {
  // pymavlink, Mission Planner and QGC are not installed here; node-mavlink is, and it reads tlogs the
  // way they do (8-byte big-endian µs stamp, then the raw frame). Our recording must be what it expects.
  it("node-mavlink's tlog splitter and parser read our recording frame for frame, with our stamps", async () => {
    const nm = await import('node-mavlink');
    const dir = mkdtempSync(join(tmpdir(), 'replay-tlog-nm-'));
    const file = join(dir, 'b.tlog');
    let now = 1_764_400_000_000;
    const w = new TlogWriter(file, { nowMs: () => now });
    const enc = new Encoder({ sysid: 3, compid: 1 });
    const sent: Array<{ msgid: number; ms: number }> = [];
    const kinds = ['HEARTBEAT', 'ATTITUDE', 'GLOBAL_POSITION_INT', 'SYS_STATUS'] as const;
    for (let k = 0; k < 200; k++) {
      const name = kinds[k % kinds.length];
      const f = enc.encode(name, name === 'HEARTBEAT' ? { type: 2, autopilot: 3, base_mode: 81, custom_mode: 5, system_status: 4 } : name === 'ATTITUDE' ? { time_boot_ms: k, roll: k / 100 } : name === 'GLOBAL_POSITION_INT' ? { time_boot_ms: k, lat: 460_726_000 + k, lon: 1_220_933_000, alt: 300_000 } : { voltage_battery: 15_800 });
      w.write(f);
      sent.push({ msgid: f[0] === 0xfd ? f[7] | (f[8] << 8) | (f[9] << 16) : f[5], ms: now });
      now += 37;
    }
    w.close();
    const got: Array<{ msgid: number; sysid: number; ms: number }> = await new Promise((resolve, reject) => {
      const out: Array<{ msgid: number; sysid: number; ms: number }> = [];
      const stream = Readable.from([readFileSync(file)]).pipe(new nm.MavLinkTLogPacketSplitter()).pipe(new nm.MavLinkPacketParser());
      stream.on('data', (p: { header: { msgid: number; sysid: number; timestamp: bigint | null } }) => out.push({ msgid: p.header.msgid, sysid: p.header.sysid, ms: Number(p.header.timestamp) }));
      stream.on('end', () => resolve(out));
      stream.on('error', reject);
    });
    rmSync(dir, { recursive: true, force: true });
    expect(got).toHaveLength(sent.length);
    expect(got.map((g) => g.msgid)).toEqual(sent.map((s) => s.msgid));
    expect(got.every((g) => g.sysid === 3)).toBe(true);
    expect(got.map((g) => g.ms)).toEqual(sent.map((s) => s.ms));
  });
});

describe('tlog writer when the disk refuses', () => {
  it('stops recording with an error instead of throwing into the station', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-tlog-full-'));
    const errors: Error[] = [];
    const w = new TlogWriter(join(dir, 'a.tlog'), { onError: (e) => errors.push(e) });
    // Close the descriptor under the writer: its next write fails as a full or vanished disk would.
    closeSync((w as unknown as { fd: number }).fd);
    w.write(new Encoder().encode('HEARTBEAT', { type: 6, autopilot: 8 }));
    expect(() => w.flush()).not.toThrow();
    expect(errors).toHaveLength(1);
    expect(w.open).toBe(false);
    expect(() => w.write(new Uint8Array([1, 2, 3]))).not.toThrow();
    expect(() => w.close()).not.toThrow();
  });
});

describe('tlog reader on a damaged real log', () => {
  it('cut anywhere or with bytes flipped, it keeps every undamaged record and scans without throwing', async () => {
    const { scanTlog } = await import('../../electron/core/recording/flight-scan');
    const clean = new Uint8Array(readFileSync(join(FIXTURES, 'uavlogviewer-vtol.tlog')));
    const full = indexTlog(clean).count;
    let seed = 5;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    for (let round = 0; round < 10; round++) {
      const cut = clean.slice(0, rnd(clean.length));
      const a = indexTlog(cut);
      expect(a.stats.bytesSkipped).toBeLessThan(300); // at most the one record cut in half
      const damaged = clean.slice();
      const flips = 50;
      for (let i = 0; i < flips; i++) damaged[rnd(damaged.length)] ^= 1 << rnd(8);
      const b = indexTlog(damaged);
      // Each flipped byte can spoil its own record and no more (a spoiled length byte costs a resync).
      expect(b.count).toBeGreaterThanOrEqual(full - flips * 2);
      expect(() => scanTlog(b)).not.toThrow();
    }
  });
});
