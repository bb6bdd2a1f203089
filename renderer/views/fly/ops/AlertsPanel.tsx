// Alerts as the station raised them, newest first; active ones stand out. Spoken by the sync layer.
import { useLocalMessage, useT } from '../../../i18n/useT';
import { useOpsStore } from '../../../stores/ops';
import { clockText } from './time';


export function AlertsPanel() {
  const t = useT();
  const local = useLocalMessage();
  const alerts = useOpsStore((s) => s.alerts);
  const speech = useOpsStore((s) => s.speech);
  const setSpeech = useOpsStore((s) => s.setSpeech);
  const active = alerts.filter((a) => a.active).length;
  const shown = [...alerts].reverse().slice(0, 50);
  return (
    <section className="panel ops-alerts" data-testid="alerts-panel" aria-label={t('ops.alerts.title')}>
      <h2 className="panel-title">
        {t('ops.alerts.title')} <span className={`panel-count${active ? ' ops-count-active' : ''}`} data-testid="alerts-active">{active}</span>
        <label className="ops-speech">
          <input type="checkbox" checked={speech} onChange={(e) => setSpeech(e.target.checked)} /> {t('ops.alerts.speech')}
        </label>
      </h2>
      {shown.length === 0 ? (
        <p className="empty">{t('ops.alerts.empty')}</p>
      ) : (
        <ol className="ops-alert-list" aria-live="polite">
          {shown.map((a) => (
            <li key={a.id} className={`ops-alert ops-alert-${a.severity}${a.active ? ' active' : ''}`} data-testid="alert" data-kind={a.kind} data-active={String(a.active)}>
              <span className="ops-alert-time">{clockText(a.tMs)}</span>
              <span className="ops-alert-text">{local(a.message)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
