// MAVLink 2 signing of the selected aircraft: its state and counts for everyone; for the pilot, the
// key (a passphrase or 32 random bytes), SETUP_SIGNING over a link the pilot picks (a cable, ideally),
// and whether unsigned traffic from it is dropped. The key itself never comes back to the UI.
import { useState } from 'react';
import { PASSPHRASE_MIN } from '../../../shared/contract/areas/security';
import type { UserMessage } from '../../../shared/contract/types';
import { useLocalMessage, useT } from '../../i18n/useT';
import { signingCall } from '../../stores/actions';
import { selectRole, useConnectionStore } from '../../stores/connection';
import { useLinksStore } from '../../stores/links';
import { useSecurityStore } from '../../stores/security';
import { useSelectionStore } from '../../stores/selection';
import { selectVehicle, useVehiclesStore } from '../../stores/vehicles';
import '../../styles/security.css';

export function SigningPanel() {
  const t = useT();
  const local = useLocalMessage();
  const selectedKey = useSelectionStore((s) => s.selectedKey);
  const selected = useVehiclesStore(selectVehicle(selectedKey));
  const sysid = selected?.sysid ?? null;
  const info = useSecurityStore((s) => (sysid === null ? undefined : s.signing[sysid]));
  const pilot = useConnectionStore((s) => selectRole(s) === 'pilot');
  const links = useLinksStore((s) => s.links);
  const [passphrase, setPassphrase] = useState('');
  const [linkId, setLinkId] = useState('');
  const [busy, setBusy] = useState(false);
  /** The box shows the pilot's click at once; the station's answer then confirms or reverts it. */
  const [pendingRequire, setPendingRequire] = useState<boolean | null>(null);
  const [error, setError] = useState<UserMessage | null>(null);
  if (sysid === null) return null;

  const run = async (p: Promise<{ ok: boolean; error?: { message: UserMessage } }>) => {
    setBusy(true);
    const out = await p;
    setBusy(false);
    setError(out.ok ? null : (out.error?.message ?? null));
    return out.ok;
  };
  const chosenLink = linkId || links.find((l) => l.state === 'open')?.id || '';
  const counts = info?.counts;

  return (
    <section className="panel signing-panel" data-testid="signing-panel">
      <div className="panel-title">{t('security.panel.title', { sysid })}</div>
      <div className="signing-status">
        <span className={`chip signing-${info?.state ?? 'unsigned'}`} data-testid="signing-state">{t(`security.signing.${info?.state ?? 'unsigned'}`)}</span>
        <span className="signing-key" data-testid="signing-key">
          {info?.hasKey ? t('security.panel.key', { fingerprint: info.fingerprint ?? '' }) : t('security.panel.noKey')}
        </span>
      </div>
      {counts && (
        <div className="signing-counts" data-testid="signing-counts">
          {t('security.panel.counts', { ok: counts.signedOk, unsigned: counts.unsigned, bad: counts.badSignature, replayed: counts.replayed, dropped: counts.dropped })}
        </div>
      )}
      {pilot && (
        <form
          className="signing-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(signingCall('setSigningKey', { sysid, source: 'passphrase', passphrase })).then((ok) => ok && setPassphrase(''));
          }}
        >
          <input
            type="password"
            data-testid="signing-passphrase"
            placeholder={t('security.panel.passphrase', { min: PASSPHRASE_MIN })}
            aria-label={t('security.panel.passphrase', { min: PASSPHRASE_MIN })}
            value={passphrase}
            autoComplete="off"
            onChange={(e) => setPassphrase(e.target.value)}
          />
          <button type="submit" className="btn btn-small" data-testid="signing-set" disabled={busy || passphrase.length < PASSPHRASE_MIN}>
            {t('security.panel.setKey')}
          </button>
          <button type="button" className="btn btn-small" data-testid="signing-random" disabled={busy} onClick={() => void run(signingCall('setSigningKey', { sysid, source: 'random' }))}>
            {t('security.panel.randomKey')}
          </button>
        </form>
      )}
      {pilot && info?.hasKey && (
        <div className="signing-form">
          <select data-testid="signing-link" value={chosenLink} aria-label={t('security.panel.link')} onChange={(e) => setLinkId(e.target.value)}>
            {links.map((l) => (
              <option key={l.id} value={l.id}>
                {l.spec}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-small" data-testid="signing-setup" disabled={busy || !chosenLink} onClick={() => void run(signingCall('sendSigningSetup', { sysid, linkId: chosenLink }))}>
            {t('security.panel.sendSetup')}
          </button>
          <label className="signing-require">
            <input
              type="checkbox"
              data-testid="signing-require"
              checked={pendingRequire ?? info.requireSigned}
              disabled={busy}
              onChange={(e) => {
                const require = e.target.checked;
                setPendingRequire(require);
                void run(signingCall('setRequireSigned', { sysid, require })).finally(() => setPendingRequire(null));
              }}
            />
            {t('security.panel.require')}
          </label>
          <button type="button" className="btn btn-small btn-danger" data-testid="signing-clear" disabled={busy} onClick={() => void run(signingCall('clearSigningKey', { sysid }))}>
            {t('security.panel.clearKey')}
          </button>
        </div>
      )}
      {pilot && info?.hasKey && <div className="signing-hint">{t('security.panel.setupHint')}</div>}
      {error && (
        <div className="signing-error tone-danger" role="alert" data-testid="signing-error">
          {local(error)}
        </div>
      )}
    </section>
  );
}
