// Over the map: what just happened to a vehicle (link lost mid-upload, reboot, new system id) and the
// state it is in now. Stays until the pilot dismisses it: these are not news to scroll past.
import { useLocalMessage, useT } from '../../i18n/useT';
import { useSecurityStore } from '../../stores/security';
import '../../styles/security.css';

export function FaultBanner() {
  const t = useT();
  const local = useLocalMessage();
  const faults = useSecurityStore((s) => s.faults);
  const dismiss = useSecurityStore((s) => s.dismissFault);
  if (faults.length === 0) return null;
  return (
    <div className="fault-banners" role="alert" data-testid="fault-banners">
      {faults.map((f) => (
        <div key={f.id} className={`fault-banner fault-${f.kind}`} data-testid="fault-banner" data-kind={f.kind}>
          <div className="fault-title">{t(`security.fault.${f.kind}`, { key: f.key, previous: f.previousKey ?? '' })}</div>
          <div className="fault-text">{local(f.message)}</div>
          <div className="fault-state">{local(f.state)}</div>
          <button type="button" className="btn btn-small" data-testid="fault-dismiss" onClick={() => dismiss(f.id)}>
            {t('security.fault.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
