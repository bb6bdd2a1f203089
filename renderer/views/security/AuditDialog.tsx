// The audit log in the UI: who sent which command, upload or clear to which vehicle, when, with what
// result, and every refusal of the hosts; newest first, filtered by vehicle (or refusals only). The
// station decides who may read it (listAudit: pilot, commander, trainer); AuditButton only hides what
// the station would refuse anyway.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntry } from '../../../shared/contract/areas/security';
import { permissions } from '../../../shared/contract/api';
import type { UserMessage } from '../../../shared/contract/types';
import { Modal } from '../../components/Modal';
import type { MessageKey } from '../../i18n/translate';
import { useLocalMessage, useT } from '../../i18n/useT';
import { call } from '../../stores/actions';
import { selectRole, useConnectionStore } from '../../stores/connection';
import { useVehiclesStore } from '../../stores/vehicles';
import { clock } from '../replay/format';
import { auditRows, filterKeys } from './audit-entries';
import '../../styles/audit.css';

/** Enough for a shift; the station caps a call at 5000. */
const ROWS = 500;
const REFUSALS = 'refusals';

export function AuditButton() {
  const t = useT();
  const role = useConnectionStore(selectRole);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  if (role === null || !permissions.listAudit.includes(role)) return null;
  return (
    <>
      <button type="button" className="btn" data-testid="audit-open" onClick={() => setOpen(true)}>
        {t('audit.open')}
      </button>
      {open && <AuditDialog onClose={close} />}
    </>
  );
}

export function AuditDialog(props: { onClose: () => void }) {
  const t = useT();
  const local = useLocalMessage();
  const [filter, setFilter] = useState('');
  const [rows, setRows] = useState<AuditEntry[] | null>(null);
  const [keys, setKeys] = useState<string[]>([]);
  const [error, setError] = useState<UserMessage | null>(null);
  // Only the answer to the latest request is shown: a slow answer for an older filter is dropped.
  const latest = useRef(0);

  const load = useCallback(async (which: string) => {
    const n = ++latest.current;
    const params = which === REFUSALS ? { kinds: ['refusal' as const], limit: ROWS } : which ? { vehicleKey: which, limit: ROWS } : { limit: ROWS };
    const out = await call('listAudit', params);
    if (n !== latest.current) return;
    if (!out.ok) {
      setError(out.error.message);
      return;
    }
    const list = auditRows(out.value);
    setError(null);
    setRows(list);
    // Keys seen before stay: filtered to one vehicle, the others must still be offered.
    const live = useVehiclesStore.getState().list.map((v) => v.key);
    setKeys((prev) => filterKeys([...prev, ...live], list));
  }, []);

  useEffect(() => {
    void load(filter);
  }, [filter, load]);

  return (
    <Modal title={t('audit.title')} onClose={props.onClose} testId="audit-dialog" className="modal-wide">
      <div className="audit-toolbar">
        <label>
          {t('audit.filter')}{' '}
          <select data-testid="audit-filter" value={filter} onChange={(e) => setFilter(e.target.value)}>
            <option value="">{t('audit.filter.all')}</option>
            <option value={REFUSALS}>{t('audit.filter.refusals')}</option>
            {keys.map((k) => (
              <option key={k} value={k}>
                {t('audit.filter.vehicle', { key: k })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-small" data-testid="audit-refresh" onClick={() => void load(filter)}>
          {t('audit.refresh')}
        </button>
        <span className="audit-count" data-testid="audit-count">
          {rows === null ? t('audit.loading') : t('audit.count', { count: rows.length })}
        </span>
      </div>
      {error && (
        <div className="tone-danger" role="alert" data-testid="audit-error">
          {local(error)}
        </div>
      )}
      {rows !== null && rows.length === 0 && !error && <div className="audit-empty">{t('audit.empty')}</div>}
      {rows !== null && rows.length > 0 && <AuditTable rows={rows} />}
    </Modal>
  );
}

function AuditTable(props: { rows: readonly AuditEntry[] }) {
  const t = useT();
  return (
    <table className="audit-table" data-testid="audit-table">
      <thead>
        <tr>
          <th>{t('audit.col.time')}</th>
          <th>{t('audit.col.kind')}</th>
          <th>{t('audit.col.vehicle')}</th>
          <th>{t('audit.col.who')}</th>
          <th>{t('audit.col.outcome')}</th>
          <th>{t('audit.col.what')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.id} data-testid="audit-row" data-kind={r.kind} data-vehicle={r.vehicleKey ?? ''} data-started={r.startedMs}>
            <td className="audit-time">{clock(r.startedMs)}</td>
            <td>{t(`audit.kind.${r.kind}` as MessageKey)}</td>
            <td>{r.vehicleKey ?? t('common.unknown')}</td>
            <td className="audit-who">{who(t, r)}</td>
            <td className={`audit-outcome outcome-${r.outcome}`}>{t(`audit.outcome.${r.outcome}` as MessageKey)}</td>
            {/* The station writes this line in English (it is evidence, kept as recorded). */}
            <td className="audit-what" lang="en">
              {r.code ? `[${r.code}] ` : ''}
              {r.summary}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const ROLE_KEYS: Readonly<Record<string, MessageKey>> = { pilot: 'role.pilot', commander: 'role.commander', trainer: 'role.trainer', observer: 'role.observer' };

function who(t: ReturnType<typeof useT>, r: AuditEntry): string {
  const role = r.role && ROLE_KEYS[r.role] ? t(ROLE_KEYS[r.role]!) : null;
  if (role && r.name) return `${role} · ${r.name}`;
  return role ?? r.name ?? t('common.unknown');
}
