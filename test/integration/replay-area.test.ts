// The replay calls through the contract's dispatcher (schemas and roles) on a real station: opening
// an external tlog (and refusing what is not one), seek/step/play, replay vehicles as events, notes
// in the flight's window, debrief notes for trainers only.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Events } from '../../shared/contract/api';
import { handleCall } from '../../shared/contract/dispatch';
import type { ReplayInfo, ReplayState } from '../../shared/contract/flight-types';
import type { ReplayPicture } from '../../shared/contract/replay-picture';
import { GroundStation } from '../../electron/core/station';
import { MemoryNotes } from '../support/replay/memory-notes';
import { waitFor } from '../support/wait';

const VTOL = join(__dirname, '../fixtures/tlog/uavlogviewer-vtol.tlog');
const pilot = { role: 'pilot' as const, name: 'p' };
const trainer = { role: 'trainer' as const, name: 'Coach Wang' };
const observer = { role: 'observer' as const, name: 'o' };
const notes = new MemoryNotes();
const station = new GroundStation({ host: 'server', replay: { notes } });
afterAll(() => station.close());

describe('replay calls', () => {
  it('refuses a folder, a missing file and a file with no frames, each clearly', async () => {
    await station.start();
    await expect(handleCall(station, pilot, 'openTlog', { path: tmpdir() })).rejects.toMatchObject({ code: 'tlog_not_file' });
    await expect(handleCall(station, pilot, 'openTlog', { path: join(tmpdir(), 'no-such.tlog') })).rejects.toMatchObject({ code: 'tlog_not_found' });
    const junk = join(mkdtempSync(join(tmpdir(), 'replay-area-')), 'junk.tlog');
    writeFileSync(junk, Buffer.alloc(4096, 0x55));
    await expect(handleCall(station, pilot, 'openTlog', { path: junk })).rejects.toMatchObject({ code: 'tlog_empty' });
    await expect(handleCall(station, observer, 'openTlog', { path: VTOL })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(handleCall(station, pilot, 'replaySeek', { tMs: 0 })).rejects.toMatchObject({ code: 'replay_not_open' });
  });

  it('opens a tlog, seeks and steps, emits replay vehicles, and keeps debrief notes apart', async () => {
    const events: Events['replayVehicles'][] = [];
    station.subscribe((name, payload) => name === 'replayVehicles' && events.push(payload as Events['replayVehicles']));
    const info = (await handleCall(station, trainer, 'openTlog', { path: VTOL })) as ReplayInfo;
    expect(info).toMatchObject({ flightId: null, frames: 23894, hashOk: null });
    expect(info.marks.filter((m) => m.kind === 'mode').map((m) => m.label)).toEqual(['CIRCLE', 'GUIDED', 'QLAND']);
    notes.crew(info.startMs + 30_000, 'over the field');
    const mid = info.startMs + 100_000;
    const s = (await handleCall(station, observer, 'replaySeek', { tMs: mid })) as ReplayState;
    expect(s).toMatchObject({ open: true, playing: false, tMs: mid });
    const last = events[events.length - 1]!;
    expect(last.tMs).toBe(mid);
    expect(last.vehicles[0]).toMatchObject({ key: '1:1', armed: true, mode: 'GUIDED' }); // CIRCLE at +39 s, GUIDED at +85 s
    expect(((await handleCall(station, observer, 'replayStep', { seconds: -5 })) as ReplayState).tMs).toBe(mid - 5000);
    await expect(handleCall(station, observer, 'replayControl', { action: 'play', speed: 32 })).rejects.toMatchObject({ code: 'bad_params' });
    const playing = (await handleCall(station, observer, 'replayControl', { action: 'play', speed: 16 })) as ReplayState;
    expect(playing).toMatchObject({ playing: true, speed: 16 });
    await waitFor('the replay to move', () => (events[events.length - 1]?.tMs ?? 0) > mid + 1000, 10_000);
    await handleCall(station, observer, 'replayControl', { action: 'pause' });

    await expect(handleCall(station, pilot, 'addDebriefNote', { tMs: mid, text: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    const note = await handleCall(station, trainer, 'addDebriefNote', { tMs: mid, text: 'Tighter circle next time', category: 'other' });
    expect(note).toMatchObject({ kind: 'debrief', author: 'Coach Wang', role: 'trainer', tMs: mid });
    const all = (await handleCall(station, observer, 'replayNotes', {})) as Array<{ kind: string; text: string }>;
    expect(all.map((n) => [n.kind, n.text])).toEqual([['crew', 'over the field'], ['debrief', 'Tighter circle next time']]);
    const picture = (await handleCall(station, observer, 'replayPicture', {})) as ReplayPicture;
    expect(picture.tracks[0]!.points.length).toBeGreaterThan(100);
    expect(picture.planned).toBeNull(); // an external file carries no upload record
    const notesFile = (await handleCall(station, observer, 'exportReplay', { format: 'notes-csv' })) as { fileName: string; base64: string };
    expect(notesFile.fileName).toBe('uavlogviewer-vtol-notes.csv');
    expect(Buffer.from(notesFile.base64, 'base64').toString()).toMatch(/debrief,Coach Wang,trainer,,other,Tighter circle next time/);
    const gpx = (await handleCall(station, observer, 'exportReplay', { format: 'gpx' })) as { base64: string };
    expect(Buffer.from(gpx.base64, 'base64').toString().match(/<trkpt /g)!.length).toBeGreaterThan(100);
    await handleCall(station, observer, 'closeReplay', {});
    expect(((await handleCall(station, observer, 'getReplay', {})) as ReplayState).open).toBe(false);
  });
});
