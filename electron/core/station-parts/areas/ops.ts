// The station's ops area: coordination notes (and, as they land, traffic, alerts and the mission
// picture) over the shared station context. `notes` is the store replay reads through NotesQuery.
import type { OpsMethod } from '../../../../shared/contract/areas/ops';
import { ContractError, msg } from '../../../../shared/contract/errors';
import type { NotesQuery } from '../../../../shared/contract/notes';
import { NotesStore } from '../../recording/notes-store';
import type { AreaContext, StationArea } from '../area';

export interface OpsArea extends StationArea<OpsMethod> {
  /** The notes store, for replay (notes by time window, trainers' debrief notes). */
  notes: NotesQuery;
  /** The flight session notes are attached to: the lead wires replay's current flight id here. */
  setFlightIdSource(source: () => string | null): void;
}

export function createOpsArea(ctx: AreaContext): OpsArea {
  const notes = new NotesStore(ctx.db);
  let flightIdOf: () => string | null = () => null;
  const unsubscribeNotes = notes.onAdded((n) => ctx.hub.emit('note', n));

  return {
    notes,
    setFlightIdSource(source) {
      flightIdOf = source;
    },
    api: {
      listNotes(p) {
        return notes.list({ fromMs: p.fromMs, toMs: p.toMs, kind: p.kind, vehicleKey: p.vehicleKey, limit: p.limit });
      },
      addNote(p, caller) {
        if (p.kind === 'debrief' && caller.role !== 'trainer') {
          throw new ContractError('forbidden', msg('Only a trainer may add debrief notes.', '只有教员可以添加讲评备注。'));
        }
        if (p.kind === 'debrief' && p.tMs === undefined) {
          throw new ContractError('bad_params', msg('A debrief note needs the flight moment it is about (tMs).', '讲评备注需要注明所涉及的飞行时刻（tMs）。'));
        }
        if (p.kind === 'crew' && p.tMs !== undefined) {
          throw new ContractError('bad_params', msg('A crew note is timed by the station when it is saved; tMs is for debrief notes.', '机组备注的时间由地面站在保存时记录；tMs 仅用于讲评备注。'));
        }
        return notes.addNote({
          tMs: p.tMs ?? ctx.clock.now(),
          kind: p.kind,
          author: p.author ?? caller.name,
          role: caller.role,
          callsign: p.callsign === null ? null : p.callsign.toUpperCase(),
          vehicleKey: p.vehicleKey,
          category: p.category,
          text: p.text,
          pos: p.pos,
          flightId: p.kind === 'crew' ? flightIdOf() : null,
        });
      },
    },
    close() {
      unsubscribeNotes();
    },
  };
}
