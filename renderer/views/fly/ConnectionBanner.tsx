// Over the map while the station is unreachable: the numbers on screen are then stale, and the
// pilot must know that before trusting them.
import { useNow } from '../../components/useNow';
import { useT } from '../../i18n/useT';
import { useConnectionStore } from '../../stores/connection';

export function ConnectionBanner() {
  const t = useT();
  const status = useConnectionStore((s) => s.status);
  const retryAtMs = useConnectionStore((s) => s.retryAtMs);
  const everConnected = useConnectionStore((s) => s.host !== null);
  const now = useNow(status === 'lost');
  if (status === 'connected') return null;
  let text: string;
  if (status === 'lost') {
    const seconds = retryAtMs === null ? 0 : Math.max(0, Math.ceil((retryAtMs - now) / 1000));
    text = seconds > 0 ? t('conn.lost', { seconds }) : t('conn.lostRetrying');
  } else {
    text = everConnected ? t('conn.lostRetrying') : t('conn.connecting');
  }
  return (
    <div className={`conn-banner conn-banner-${status}`} role="alert" data-testid="connection-banner">
      {text}
    </div>
  );
}
