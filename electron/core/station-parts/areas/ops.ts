// The station's ops area: coordination notes (and, as they land, traffic, alerts and the mission
// picture) over the shared station context. `notes` is the store replay reads through NotesQuery.
import type { OpsMethod } from '../../../../shared/contract/areas/ops';
import { ContractError, msg } from '../../../../shared/contract/errors';
import type { NotesQuery } from '../../../../shared/contract/notes';
import { OpsMonitor } from '../../ops/monitor';
import { DEFAULT_SEPARATION } from '../../traffic/separation';
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
  const monitor = new OpsMonitor({ clock: ctx.clock, session: ctx.session, operations: ctx.operations, emit: (name, payload) => ctx.hub.emit(name, payload) });

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
      getOpsPicture() {
        return monitor.picture();
      },
      openTrafficFeed(p) {
        return monitor.traffic.openFeed(p.host, p.port, p.aircraftClass);
      },
      closeTrafficFeed(p) {
        if (!monitor.traffic.closeFeed(p.id)) throw new ContractError('no_such_feed', msg(`No traffic feed "${p.id}" is open.`, `没有打开的交通数据源“${p.id}”。`));
        return null;
      },
      reportTraffic(p) {
        const nowMs = ctx.clock.now();
        const tMs = p.tMs ?? nowMs;
        if (nowMs - tMs > DEFAULT_SEPARATION.dropAfterMs || tMs - nowMs > 60_000) {
          throw new ContractError('report_time', msg('That report\'s time is too far from now to show (more than a minute).', '该位置报告的时间与当前相差超过一分钟，无法显示。'));
        }
        const track = monitor.traffic.report({ ...p, tMs });
        if (!track) throw new ContractError('report_time', msg('That report could not be shown.', '该位置报告无法显示。'));
        return track;
      },
      setSeparation(p) {
        const settings = monitor.traffic.setSeparation(p);
        monitor.tick();
        return settings;
      },
      setAltitudeBlocks(p) {
        monitor.traffic.setBlocks(p.blocks);
        monitor.tick();
        return p.blocks;
      },
    },
    start() {
      monitor.start();
    },
    close() {
      unsubscribeNotes();
      monitor.close();
    },
  };
}
