// The vehicle's latest STATUSTEXT, coloured by severity: the autopilot's own words for what is wrong.
import type { StatusText } from '../../../shared/contract/types';
import { severityName, severityTone } from '../../i18n/format';
import { useT } from '../../i18n/useT';

export function StatusTextLine(props: { status: StatusText | null }) {
  const t = useT();
  const s = props.status;
  return (
    <div className="status-line" data-testid="tm-statustext">
      <div className="readout-label">{t('tm.status')}</div>
      {s ? (
        <div className={`status-text tone-${severityTone(s.severity)}`} data-severity={s.severity}>
          <span className="status-severity">{severityName(t, s.severity)}</span>
          <span className="status-body">{s.text}</span>
        </div>
      ) : (
        <div className="status-text tone-muted">{t('common.unknown')}</div>
      )}
    </div>
  );
}
