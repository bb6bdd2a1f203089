// Player controls and the timeline: play/pause, speed, step, and a bar marked with arm/disarm, mode
// changes, waypoints reached, alerts and notes; a click anywhere on it seeks there at once.
import type { MouseEvent } from 'react';
import type { TimelineMarkKind } from '../../../shared/contract/flight-types';
import { useT } from '../../i18n/useT';
import { useReplayStore } from '../../stores/replay';
import { exportReplay, pause, play, seek, step, type ExportKind } from '../../stores/replay-actions';
import { clock, duration } from './format';

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 4, 8, 16] as const;
const MARK_ICON: Record<TimelineMarkKind, string> = { arm: '▲', disarm: '▼', mode: '◆', waypoint: '●', alert: '!', note: '✎' };

export function ReplayTimeline() {
  const t = useT();
  const info = useReplayStore((s) => s.info)!;
  const state = useReplayStore((s) => s.state);
  const span = Math.max(1, info.endMs - info.startMs);
  const at = (ms: number) => `${(((ms - info.startMs) / span) * 100).toFixed(3)}%`;
  const onBar = (e: MouseEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    void seek(info.startMs + ((e.clientX - r.left) / r.width) * span);
  };
  const skipped = info.skipped;
  return (
    <section className="replay-timeline panel" data-testid="replay-timeline">
      <div className="replay-controls">
        <button type="button" onClick={() => void step(-10)} title={t('replay.back10')}>«10</button>
        {state.playing ? (
          <button type="button" onClick={() => void pause()} data-testid="replay-pause">{t('replay.pause')}</button>
        ) : (
          <button type="button" onClick={() => void play()} data-testid="replay-play">{t('replay.play')}</button>
        )}
        <button type="button" onClick={() => void step(10)} title={t('replay.forward10')}>10»</button>
        <label>
          {t('replay.speed')}
          <select value={state.speed} onChange={(e) => void (state.playing ? play : pause)(Number(e.target.value))} data-testid="replay-speed">
            {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
          </select>
        </label>
        <span className="replay-time" data-testid="replay-time">
          {clock(state.tMs || info.startMs)} · {duration(((state.tMs || info.startMs) - info.startMs) / 1000)} / {duration(span / 1000)}
        </span>
        {info.hashOk === false && <span className="replay-badge warn" role="alert">{t('replay.hashChanged')}</span>}
        {(skipped.crcErrors > 0 || skipped.bytesSkipped > 0 || skipped.unknownIds > 0) && (
          <span className="replay-badge" title={t('replay.skippedTitle')}>
            {t('replay.skipped', { crc: skipped.crcErrors, unknown: skipped.unknownIds, bytes: skipped.bytesSkipped })}
          </span>
        )}
      </div>
      <div className="replay-bar" onClick={onBar} data-testid="replay-bar">
        <div className="replay-bar-played" style={{ width: at(state.tMs || info.startMs) }} />
        {info.marks.map((m, i) => (
          <span key={i} className={`replay-mark replay-mark-${m.kind}`} style={{ left: at(m.tMs) }} title={`${clock(m.tMs)} ${t(`replay.mark.${m.kind}`)} ${m.label}`}>
            {MARK_ICON[m.kind]}
          </span>
        ))}
        <div className="replay-cursor" style={{ left: at(state.tMs || info.startMs) }} />
      </div>
      <div className="replay-export">
        <span>{t('replay.export')}</span>
        {(['kml', 'kmz', 'gpx', 'csv', 'notes-csv'] as ExportKind[]).map((f) => (
          <button type="button" key={f} onClick={() => void exportReplay(f)} data-testid={`export-${f}`}>{t(`replay.export.${f}`)}</button>
        ))}
      </div>
      <div className="replay-legend">
        {(Object.keys(MARK_ICON) as TimelineMarkKind[]).map((k) => (
          <span key={k} className={`replay-mark-${k}`}>{MARK_ICON[k]} {t(`replay.mark.${k}`)}</span>
        ))}
      </div>
    </section>
  );
}
