// The replay player's seek lands on the same state as playing the log from the start to that moment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReplayPlayer } from '../../electron/core/recording/replay-player';
import { indexTlog } from '../../electron/core/recording/tlog-index';

const VTOL = join(__dirname, '../fixtures/tlog/uavlogviewer-vtol.tlog');

describe('replay player', () => {
  it('seek to 20 random positions of a long log lands on the right state each time', () => {
    const index = indexTlog(new Uint8Array(readFileSync(VTOL)));
    const seeker = new ReplayPlayer(index);
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const span = seeker.endMs - seeker.startMs;
    const targets = Array.from({ length: 20 }, () => seeker.startMs + rnd() * span);
    for (const t of targets) {
      seeker.seek(t);
      // The reference: a fresh player stepping through every record from the start.
      const fromStart = new ReplayPlayer(index);
      (fromStart as unknown as { advanceTo(t: number): void }).advanceTo(t);
      expect(seeker.tMs).toBe(t);
      expect(seeker.vehicles()).toEqual(fromStart.vehicles());
    }
  });

  it('clamps seeks to the log, steps, and reports its state', () => {
    const index = indexTlog(new Uint8Array(readFileSync(VTOL)));
    const p = new ReplayPlayer(index);
    expect(p.seek(0).tMs).toBe(p.startMs);
    expect(p.seek(9e15).tMs).toBe(p.endMs);
    expect(p.step(-10).tMs).toBe(p.endMs - 10_000);
    expect(p.vehicles()[0]).toMatchObject({ key: '1:1', armed: false });
    expect(p.state()).toMatchObject({ open: true, playing: false, speed: 1 });
  });

  it('plays at the chosen speed on the wall clock', async () => {
    const index = indexTlog(new Uint8Array(readFileSync(VTOL)));
    const states: number[] = [];
    const p = new ReplayPlayer(index, { onVehicles: (t) => states.push(t) });
    p.seek(p.startMs + 10_000);
    const wall0 = performance.now();
    p.play(16);
    await new Promise((r) => setTimeout(r, 500));
    p.pause();
    const wall = performance.now() - wall0;
    const advanced = p.tMs - (p.startMs + 10_000);
    // 16x: about 16 s of log per wall second (a loaded machine may run the timer late, never early).
    expect(advanced).toBeGreaterThan(16 * wall * 0.5);
    expect(advanced).toBeLessThanOrEqual(16 * wall * 1.05 + 100);
    expect(p.vehicles()[0]!.lat).not.toBeNull();
  });
});

describe('replay player with several vehicles', () => {
  it('20 random seeks in a 4-vehicle log land on the state of a replay from the start', async () => {
    const { generateTlog } = await import('../../bench/areas/replay');
    const buf = generateTlog(300, 4); // 5 minutes, four drones
    const index = indexTlog(new Uint8Array(buf.buffer, buf.byteOffset, buf.length));
    const seeker = new ReplayPlayer(index);
    let seed = 99;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 20; i++) {
      const t = seeker.startMs + rnd() * (seeker.endMs - seeker.startMs);
      seeker.seek(t);
      const fromStart = new ReplayPlayer(index);
      (fromStart as unknown as { advanceTo(t: number): void }).advanceTo(t);
      const got = seeker.vehicles();
      expect(got.map((v) => v.key)).toEqual(['1:1', '2:1', '3:1', '4:1'].slice(0, got.length));
      expect(got.length).toBeGreaterThanOrEqual(t - seeker.startMs > 1000 ? 4 : 0);
      expect(got).toEqual(fromStart.vehicles());
    }
  });
});
