// FakeStation's ops calls: plausible answers without the core (notes kept in memory).
import type { OpsMethod } from '../../../shared/contract/areas/ops';
import type { Note } from '../../../shared/contract/notes';
import type { FakeAreaContext, FakeArea } from './context';

export function fakeOpsArea(ctx: FakeAreaContext): FakeArea<OpsMethod> {
  const notes: Note[] = [];
  let nextId = 1;
  return {
    listNotes(p, caller) {
      ctx.record('listNotes', caller);
      return notes.filter((n) => (p.fromMs === undefined || n.tMs >= p.fromMs) && (p.toMs === undefined || n.tMs <= p.toMs)).slice(-p.limit);
    },
    addNote(p, caller) {
      ctx.record('addNote', caller);
      const note: Note = {
        id: `fake-${nextId++}`, tMs: p.tMs ?? Date.now(), kind: p.kind, author: p.author ?? caller.name, role: caller.role,
        callsign: p.callsign, vehicleKey: p.vehicleKey, category: p.category, text: p.text, pos: p.pos, flightId: null,
      };
      notes.push(note);
      ctx.emit('note', note);
      return note;
    },
  };
}
