// The separation minima per aircraft class and the look-ahead, as the station applies them. The
// documented defaults are what a new station starts with.
import { useState } from 'react';
import type { AircraftClass, SeparationSettings } from '../../../../shared/contract/ops-types';
import type { ContractErrorValue } from '../../../../shared/contract/types';
import { ErrorMessage } from '../../../components/ErrorMessage';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import { setSeparation } from '../../../ops/actions';

const CLASSES: AircraftClass[] = ['helicopter', 'fixedwing', 'unknown', 'drone'];

export function SeparationForm(props: { settings: SeparationSettings }) {
  const t = useT();
  const [draft, setDraft] = useState(() => ({
    lookAheadS: String(props.settings.lookAheadS),
    byClass: Object.fromEntries(CLASSES.map((c) => [c, { h: String(props.settings.byClass[c].horizontalM), v: String(props.settings.byClass[c].verticalM) }])) as Record<AircraftClass, { h: string; v: string }>,
  }));
  const [error, setError] = useState<ContractErrorValue | null>(null);
  const [applied, setApplied] = useState(false);
  const edit = (c: AircraftClass, field: 'h' | 'v', value: string) => {
    setApplied(false);
    setDraft((d) => ({ ...d, byClass: { ...d.byClass, [c]: { ...d.byClass[c], [field]: value } } }));
  };
  const apply = async () => {
    const byClass = Object.fromEntries(CLASSES.map((c) => [c, { horizontalM: Number(draft.byClass[c].h), verticalM: Number(draft.byClass[c].v) }])) as SeparationSettings['byClass'];
    const out = await setSeparation({ byClass, lookAheadS: Number(draft.lookAheadS) });
    setError(out.ok ? null : out.error);
    setApplied(out.ok);
  };
  return (
    <details className="ops-report" data-testid="separation-settings">
      <summary>{t('ops.sep.title')}</summary>
      <table className="ops-sep-table">
        <thead>
          <tr>
            <th />
            <th>{t('ops.sep.horizontal')}</th>
            <th>{t('ops.sep.vertical')}</th>
          </tr>
        </thead>
        <tbody>
          {CLASSES.map((c) => (
            <tr key={c}>
              <th>{t(`ops.class.${c}` as MessageKey)}</th>
              <td>
                <input inputMode="numeric" value={draft.byClass[c].h} onChange={(e) => edit(c, 'h', e.target.value)} aria-label={`${t(`ops.class.${c}` as MessageKey)} ${t('ops.sep.horizontal')}`} />
              </td>
              <td>
                <input inputMode="numeric" value={draft.byClass[c].v} onChange={(e) => edit(c, 'v', e.target.value)} aria-label={`${t(`ops.class.${c}` as MessageKey)} ${t('ops.sep.vertical')}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="ops-note-row">
        <label className="ops-alt">
          {t('ops.sep.lookAhead')}
          <input inputMode="numeric" value={draft.lookAheadS} onChange={(e) => (setDraft((d) => ({ ...d, lookAheadS: e.target.value })), setApplied(false))} />
        </label>
        <button type="button" className="btn" onClick={() => void apply()}>
          {applied ? `✓ ${t('ops.blocks.applied')}` : t('ops.blocks.apply')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </details>
  );
}
