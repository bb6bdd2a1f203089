// Coordination notes beside the telemetry: the list (newest at the bottom, as a radio log reads),
// and a form with categories, quick templates and a map pin. "Saved" shows only once the station
// answered, which it does only after the note is on disk.
import { useEffect, useRef, useState } from 'react';
import type { NoteCategory } from '../../../../shared/contract/notes';
import { droneCallsign } from '../../../../shared/contract/ops-types';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import { addNote } from '../../../ops/actions';
import { selectRole, useConnectionStore } from '../../../stores/connection';
import { useOpsStore } from '../../../stores/ops';
import { clockText } from './time';
import { useVehiclesStore } from '../../../stores/vehicles';
import { ErrorMessage } from '../../../components/ErrorMessage';
import type { ContractErrorValue } from '../../../../shared/contract/types';

const CATEGORIES: NoteCategory[] = ['position', 'tasking', 'hazard', 'handover', 'other'];
const TEMPLATES: Array<{ key: MessageKey; category: NoteCategory }> = [
  { key: 'ops.tpl.heliPosition', category: 'position' },
  { key: 'ops.tpl.hold', category: 'tasking' },
  { key: 'ops.tpl.hazard', category: 'hazard' },
  { key: 'ops.tpl.handover', category: 'handover' },
  { key: 'ops.tpl.climb', category: 'tasking' },
];


export function NotesPanel() {
  const t = useT();
  const notes = useOpsStore((s) => s.notes);
  const role = useConnectionStore(selectRole);
  return (
    <section className="panel ops-notes" data-testid="notes-panel" aria-label={t('ops.notes.title')}>
      <h2 className="panel-title">
        {t('ops.notes.title')} <span className="panel-count">{notes.length}</span>
      </h2>
      <NoteList />
      {role === 'observer' ? <p className="empty">{t('ops.notes.readOnly')}</p> : <NoteForm />}
    </section>
  );
}

function NoteList() {
  const t = useT();
  const notes = useOpsStore((s) => s.notes);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [notes.length]);
  if (notes.length === 0) return <p className="empty">{t('ops.notes.empty')}</p>;
  return (
    <ol className="ops-note-list" ref={listRef} data-testid="note-list">
      {notes.map((n) => (
        <li key={n.id} className={`ops-note ops-cat-${n.category}`} data-testid="note">
          <div className="ops-note-head">
            <span className="ops-note-time">{clockText(n.tMs)}</span>
            <span className="ops-note-cat">{t(`ops.cat.${n.category}` as MessageKey)}</span>
            {n.callsign && <span className="ops-note-callsign">{n.callsign}</span>}
            {n.pos && (
              // An inline SVG pin: the 📍 glyph needs a colour emoji font that field laptops often lack.
              <span className="ops-note-pin" title={t('ops.notes.pinned', { lat: n.pos.lat.toFixed(5), lon: n.pos.lon.toFixed(5) })}>
                <svg width="10" height="14" viewBox="0 0 10 14" aria-hidden="true">
                  <path d="M5 0C2.2 0 0 2.2 0 5c0 3.6 5 9 5 9s5-5.4 5-9c0-2.8-2.2-5-5-5zm0 7a2 2 0 1 1 0-4 2 2 0 0 1 0 4z" fill="currentColor" />
                </svg>
              </span>
            )}
            <span className="ops-note-author">
              {n.author} · {t(`role.${n.role}` as MessageKey)}
            </span>
          </div>
          <div className="ops-note-text" data-testid="note-text">{n.text}</div>
        </li>
      ))}
    </ol>
  );
}

function NoteForm() {
  const t = useT();
  const [text, setText] = useState('');
  const [category, setCategory] = useState<NoteCategory>('position');
  const [callsign, setCallsign] = useState('');
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<ContractErrorValue | null>(null);
  const pick = useOpsStore((s) => s.pick);
  const picked = useOpsStore((s) => s.picked);
  const setPick = useOpsStore((s) => s.setPick);
  const traffic = useOpsStore((s) => s.traffic);
  const vehicles = useVehiclesStore((s) => s.list);
  const pin = pick === 'notePin' ? picked : null;
  const callsigns = [...vehicles.map((v) => droneCallsign(v.sysid)), ...(traffic?.tracks.map((x) => x.callsign).filter((c): c is string => !!c) ?? [])];

  const applyTemplate = (key: MessageKey, cat: NoteCategory) => {
    const who = callsign || (cat === 'position' ? (traffic?.tracks[0]?.callsign ?? '') : '');
    setText(t(key, { callsign: who }));
    setCategory(cat);
    setState('idle');
  };
  const save = async () => {
    if (text.trim() === '' || state === 'saving') return;
    setState('saving');
    setError(null);
    const vehicle = vehicles.find((v) => droneCallsign(v.sysid) === callsign);
    const out = await addNote({ category, text, callsign: callsign || null, vehicleKey: vehicle?.key ?? null, pos: pin });
    if (out.ok) {
      setText('');
      setState('saved');
      if (pick === 'notePin') setPick(null);
    } else {
      setState('idle');
      setError(out.error);
    }
  };
  return (
    <form
      className="ops-note-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="ops-templates" aria-label={t('ops.notes.templates')}>
        {TEMPLATES.map((tpl) => (
          <button key={tpl.key} type="button" className="chip-button" title={t(tpl.key, { callsign: '…' })} onClick={() => applyTemplate(tpl.key, tpl.category)} data-testid="note-template">
            {t(tpl.key.replace('ops.tpl.', 'ops.tplName.') as MessageKey)}
          </button>
        ))}
      </div>
      <div className="ops-note-row">
        <select aria-label={t('ops.notes.category')} value={category} onChange={(e) => setCategory(e.target.value as NoteCategory)} data-testid="note-category">
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`ops.cat.${c}` as MessageKey)}
            </option>
          ))}
        </select>
        <select aria-label={t('ops.notes.callsign')} value={callsign} onChange={(e) => setCallsign(e.target.value)} data-testid="note-callsign">
          <option value="">{t('ops.notes.callsignNone')}</option>
          {[...new Set(callsigns)].map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <button type="button" className={`chip-button${pick === 'notePin' ? ' active' : ''}`} onClick={() => setPick(pick === 'notePin' ? null : 'notePin')} data-testid="note-pin">
          {pin ? t('ops.notes.pinned', { lat: pin.lat.toFixed(4), lon: pin.lon.toFixed(4) }) : pick === 'notePin' ? t('ops.notes.pinPick') : t('ops.notes.pin')}
        </button>
      </div>
      <textarea
        value={text}
        maxLength={2000}
        rows={2}
        placeholder={t('ops.notes.placeholder')}
        onChange={(e) => {
          setText(e.target.value);
          if (state === 'saved') setState('idle');
        }}
        data-testid="note-input"
      />
      <div className="ops-note-row">
        <button type="submit" className="btn btn-primary" disabled={text.trim() === '' || state === 'saving'} data-testid="note-save">
          {state === 'saving' ? t('ops.notes.saving') : t('ops.notes.save')}
        </button>
        {state === 'saved' && (
          <span className="ops-saved" data-testid="note-saved" role="status">
            ✓ {t('ops.notes.saved')}
          </span>
        )}
      </div>
      {error && <ErrorMessage error={error} testId="note-error" />}
    </form>
  );
}
