// Notes at their moments: each note shows once the replay reaches its time; trainers add debrief notes
// at the current moment (kept apart from the crew's). Below, planned against flown per leg.
import { useState } from 'react';
import type { NoteCategory } from '../../../shared/contract/notes';
import { useLocalMessage, useT } from '../../i18n/useT';
import { selectRole, useConnectionStore } from '../../stores/connection';
import { notesUpTo, useReplayStore } from '../../stores/replay';
import { addDebriefNote, seek } from '../../stores/replay-actions';
import { clock } from './format';
import { ReplayTelemetry } from './ReplayTelemetry';

const CATEGORIES: NoteCategory[] = ['position', 'tasking', 'hazard', 'handover', 'other'];

export function ReplayNotesPanel() {
  const t = useT();
  const local = useLocalMessage();
  const notes = useReplayStore((s) => s.notes);
  const tMs = useReplayStore((s) => s.state.tMs);
  const picture = useReplayStore((s) => s.picture);
  const role = useConnectionStore(selectRole);
  const [text, setText] = useState('');
  const [category, setCategory] = useState<NoteCategory>('other');
  const [error, setError] = useState<string | null>(null);
  const shown = notesUpTo(notes, tMs).reverse();
  const add = async () => {
    const out = await addDebriefNote(tMs, text.trim(), category);
    if (out.ok) setText('');
    setError(out.ok ? null : local(out.error.message));
  };
  return (
    <aside className="replay-notes panel" data-testid="replay-notes">
      <ReplayTelemetry />
      <h2>{t('replay.notes')}</h2>
      {shown.length === 0 && <p className="replay-empty">{t('replay.noNotesYet')}</p>}
      <ul>
        {shown.map((n) => (
          <li key={n.id} className={`replay-note replay-note-${n.kind}`} data-testid="replay-note">
            <button type="button" className="replay-note-time" onClick={() => void seek(n.tMs)}>{clock(n.tMs).slice(11)}</button>
            <span className="replay-badge">{t(n.kind === 'debrief' ? 'replay.kind.debrief' : 'replay.kind.crew')}</span>
            <span className="replay-note-author">{n.author}</span>
            <p>{n.text}</p>
          </li>
        ))}
      </ul>
      {role === 'trainer' && (
        <div className="replay-debrief">
          <h3>{t('replay.addDebrief')}</h3>
          <select value={category} onChange={(e) => setCategory(e.target.value as NoteCategory)}>
            {CATEGORIES.map((c) => <option key={c} value={c}>{t(`replay.category.${c}`)}</option>)}
          </select>
          <textarea value={text} onChange={(e) => setText(e.target.value)} data-testid="debrief-text" />
          <button type="button" disabled={!text.trim()} onClick={() => void add()} data-testid="debrief-add">{t('replay.addAtMoment')}</button>
          {error && <p className="replay-error" role="alert">{error}</p>}
        </div>
      )}
      {picture && picture.legs.length > 0 && (
        <div className="replay-legs" data-testid="replay-legs">
          <h3>{t('replay.plannedVsFlown')}</h3>
          <table>
            <thead><tr><th>{t('replay.leg')}</th><th>{t('replay.xtrackMax')}</th><th>{t('replay.xtrackMean')}</th></tr></thead>
            <tbody>
              {picture.legs.map((l) => (
                <tr key={`${l.fromSeq}-${l.toSeq}`}>
                  <td>{l.fromSeq}→{l.toSeq}</td>
                  <td>{l.samples ? `${l.maxM.toFixed(1)} m` : '–'}</td>
                  <td>{l.samples ? `${l.meanM.toFixed(1)} m` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </aside>
  );
}
