// Links the station has open, with the numbers that tell a bad radio from a bad setting.
import { useState } from 'react';
import type { ContractErrorValue, LinkInfo } from '../../../shared/contract/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatNumber } from '../../i18n/format';
import type { MessageKey } from '../../i18n/translate';
import { useLocalMessage, useT } from '../../i18n/useT';
import { closeLink } from '../../stores/actions';
import { selectLinks, useLinksStore } from '../../stores/links';

function LinkRow(props: { link: LinkInfo; onError: (e: ContractErrorValue) => void }) {
  const t = useT();
  const local = useLocalMessage();
  const { link } = props;
  const [closing, setClosing] = useState(false);
  const close = async () => {
    setClosing(true);
    const out = await closeLink(link.id);
    setClosing(false);
    if (!out.ok) props.onError(out.error);
  };
  return (
    <li className="link-row" data-testid="link-row" data-link-id={link.id}>
      <div className="link-main">
        <span className="link-spec">{link.spec}</span>
        <span className={`chip link-state-${link.state}`}>{t(`link.state.${link.state}` as MessageKey)}</span>
      </div>
      <div className="link-stats">
        <span>
          {t('links.frames')} <b>{formatNumber(t, link.stats?.framesOk, 0)}</b>
        </span>
        <span className={link.stats?.crcErrors ? 'tone-warning' : ''}>
          {t('links.crcErrors')} <b>{formatNumber(t, link.stats?.crcErrors, 0)}</b>
        </span>
        <span>
          {t('links.quality')} <b>{formatNumber(t, link.stats?.qualityPct, 0, 'unit.pct')}</b>
        </span>
        <button type="button" className="btn btn-small btn-danger" data-testid="link-close" disabled={closing} onClick={() => void close()}>
          {t('links.close')}
        </button>
      </div>
      {link.error && <p className="error-text">{local(link.error)}</p>}
    </li>
  );
}

export function LinkList() {
  const t = useT();
  const links = useLinksStore(selectLinks);
  const [error, setError] = useState<ContractErrorValue | null>(null);
  return (
    <section className="link-list">
      <h3>{t('links.title')}</h3>
      {links.length === 0 ? (
        <p className="empty">{t('links.none')}</p>
      ) : (
        <ul>
          {links.map((l) => (
            <LinkRow key={l.id} link={l} onError={setError} />
          ))}
        </ul>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
