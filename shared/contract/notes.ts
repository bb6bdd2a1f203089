// Coordination notes: what crosses the contract and what the station keeps. The ops area owns the
// store (SQLite, saved before it is shown as saved); replay reads notes by time window for a flight,
// and trainers add debrief notes, kept apart from the crew's by `kind`.
import type { Role } from './types';

export type NoteCategory = 'position' | 'tasking' | 'hazard' | 'handover' | 'other';
export type NoteKind = 'crew' | 'debrief';

export interface Note {
  id: string;
  /** When it was entered (crew) or the flight moment it concerns (debrief): ms since the epoch. */
  tMs: number;
  kind: NoteKind;
  author: string;
  role: Role;
  /** The aircraft it concerns, if any (a drone's callsign or a helicopter's). */
  callsign: string | null;
  /** Vehicle key (`sysid:compid`) when the note concerns one of our drones. */
  vehicleKey: string | null;
  category: NoteCategory;
  text: string;
  /** Pinned to a map position, if any. */
  pos: { lat: number; lon: number } | null;
  /** The flight session it belongs to, when one was open (replay's flight library id). */
  flightId: string | null;
}

/** What the replay side needs of the notes store (implemented by the ops area's store). */
export interface NotesQuery {
  notesBetween(fromMs: number, toMs: number, opts?: { kind?: NoteKind; vehicleKey?: string }): Note[];
  addNote(note: Omit<Note, 'id'>): Note;
}
