import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NotesStore } from '../../electron/core/recording/notes-store';
import { openStationDb } from '../../electron/core/recording/station-db';
import type { Note } from '../../shared/contract/notes';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function note(tMs: number, over: Partial<Note> = {}): Omit<Note, 'id'> {
  return { tMs, kind: 'crew', author: 'Li', role: 'pilot', callsign: null, vehicleKey: '1:1', category: 'other', text: `at ${tMs}`, pos: null, flightId: null, ...over };
}

describe('NotesStore (SQLite file)', () => {
  it('keeps notes across a reopen and answers NotesQuery by time window, kind and vehicle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcs-notes-'));
    dirs.push(dir);
    const file = join(dir, 'station.sqlite');
    const db = openStationDb(file);
    const store = new NotesStore(db);
    const heard: string[] = [];
    store.onAdded((n) => heard.push(n.id));
    const a = store.addNote(note(1000));
    store.addNote(note(2000, { kind: 'debrief', role: 'trainer', text: 'late climb' }));
    store.addNote(note(3000, { vehicleKey: '2:1', pos: { lat: 46.1, lon: 122.1 } }));
    expect(heard).toHaveLength(3);
    db.close();

    const reopened = new NotesStore(openStationDb(file));
    expect(reopened.notesBetween(0, 10_000).map((n) => n.tMs)).toEqual([1000, 2000, 3000]);
    expect(reopened.notesBetween(1500, 3000).map((n) => n.tMs)).toEqual([2000, 3000]);
    expect(reopened.notesBetween(0, 10_000, { kind: 'debrief' }).map((n) => n.text)).toEqual(['late climb']);
    expect(reopened.notesBetween(0, 10_000, { vehicleKey: '2:1' })[0].pos).toEqual({ lat: 46.1, lon: 122.1 });
    expect(reopened.list({ limit: 2 }).map((n) => n.tMs)).toEqual([2000, 3000]);
    expect(reopened.list({})[0]).toEqual({ ...note(1000), id: a.id });
  });
});
