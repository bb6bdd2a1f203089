// The ops area's part of the contract: its calls (schemas), who may make them, what they return,
// and its events. api.ts spreads these in, so each area grows here without touching the others.
import { z } from 'zod';
import type { Note } from '../notes';
import type { Role } from '../types';

const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const vehicleKey = z.string().regex(/^\d{1,3}:\d{1,3}$/);
const callsign = z.string().trim().min(1).max(16);
export const NOTE_TEXT_MAX = 2000;

export const noteCategorySchema = z.enum(['position', 'tasking', 'hazard', 'handover', 'other']);

export const opsCalls = {
  listNotes: z
    .object({
      fromMs: z.number().int().min(0).optional(),
      toMs: z.number().int().min(0).optional(),
      kind: z.enum(['crew', 'debrief']).optional(),
      vehicleKey: vehicleKey.optional(),
      limit: z.number().int().min(1).max(5000).default(500),
    })
    .strict(),
  addNote: z
    .object({
      category: noteCategorySchema,
      text: z.string().trim().min(1).max(NOTE_TEXT_MAX),
      /** The person's name as they gave it; the connection's name when absent. */
      author: z.string().trim().min(1).max(64).optional(),
      callsign: callsign.nullable().default(null),
      vehicleKey: vehicleKey.nullable().default(null),
      pos: z.object({ lat, lon }).nullable().default(null),
      /** Trainers add debrief notes about a past flight moment (tMs); crews write crew notes, now. */
      kind: z.enum(['crew', 'debrief']).default('crew'),
      tMs: z.number().int().min(0).optional(),
    })
    .strict(),
} as const satisfies Record<string, z.ZodType>;

export type OpsMethod = keyof typeof opsCalls;

const ALL: readonly Role[] = ['pilot', 'commander', 'trainer', 'observer'];
const WRITERS: readonly Role[] = ['pilot', 'commander', 'trainer'];

export const opsPermissions: Record<OpsMethod, readonly Role[]> = {
  listNotes: ALL,
  addNote: WRITERS,
};

export interface OpsCallResults {
  listNotes: Note[];
  /** Resolves only once the note is on disk. */
  addNote: Note;
}

export interface OpsEvents {
  /** A note was saved (by anyone): every connection shows it at once. */
  note: Note;
}
