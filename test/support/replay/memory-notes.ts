// An in-memory NotesQuery for tests only (the station's real one is the ops area's SQLite store).
import type { Note, NoteKind, NotesQuery } from '../../../shared/contract/notes';

export class MemoryNotes implements NotesQuery {
  readonly notes: Note[] = [];

  notesBetween(fromMs: number, toMs: number, opts: { kind?: NoteKind; vehicleKey?: string } = {}): Note[] {
    return this.notes.filter(
      (n) => n.tMs >= fromMs && n.tMs <= toMs && (!opts.kind || n.kind === opts.kind) && (!opts.vehicleKey || n.vehicleKey === null || n.vehicleKey === opts.vehicleKey),
    );
  }

  addNote(note: Omit<Note, 'id'>): Note {
    const saved = { ...note, id: `note-${this.notes.length + 1}` };
    this.notes.push(saved);
    return saved;
  }

  crew(tMs: number, text: string): Note {
    return this.addNote({ tMs, kind: 'crew', author: 'Li Na', role: 'commander', callsign: null, vehicleKey: '1:1', category: 'tasking', text, pos: null, flightId: null });
  }
}
