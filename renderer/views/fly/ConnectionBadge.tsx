// The UI's link to the station at a glance: a coloured dot and a word, a countdown while retrying.
import { useNow } from '../../components/useNow';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/translate';
import { useConnectionStore } from '../../stores/connection';

export function ConnectionBadge() {
  const t = useT();
  const status = useConnectionStore((s) => s.status);
  const retryAtMs = useConnectionStore((s) => s.retryAtMs);
  const host = useConnectionStore((s) => s.host);
  const role = useConnectionStore((s) => s.hello?.role ?? null);
  const now = useNow(status === 'lost');

  let text: string;
  if (status === 'connected') {
    text = role && host ? `${t('conn.connected')} · ${t('conn.summary', { role: t(`role.${role}` as MessageKey), host: t(`conn.host.${host}` as MessageKey) })}` : t('conn.connected');
  } else if (status === 'lost') {
    const seconds = retryAtMs === null ? 0 : Math.max(0, Math.ceil((retryAtMs - now) / 1000));
    text = seconds > 0 ? t('conn.lost', { seconds }) : t('conn.lostRetrying');
  } else {
    text = t('conn.connecting');
  }
  return (
    <span className={`conn-badge conn-${status}`} data-testid="connection-state" data-status={status} role="status">
      <span className="dot" aria-hidden="true" />
      {text}
    </span>
  );
}
