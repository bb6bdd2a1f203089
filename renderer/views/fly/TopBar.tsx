// The strip across the top, shared by every view: who we are, whether the station is there, and the few global actions.
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { ViewTabs } from '../../components/ViewTabs';
import { useT } from '../../i18n/useT';
import { selectMayFly, useConnectionStore } from '../../stores/connection';
import { useLinksStore } from '../../stores/links';
import { AuditButton } from '../security/AuditDialog';
import { ConnectionBadge } from './ConnectionBadge';
import { SimulatorControls } from './SimulatorControls';

export function TopBar(props: { onOpenConnect: () => void }) {
  const t = useT();
  const mayFly = useConnectionStore(selectMayFly);
  const linkCount = useLinksStore((s) => s.links.length);
  const refused = useConnectionStore((s) => s.status === 'connected' && !selectMayFly(s));
  return (
    <header className="topbar">
      <h1 className="app-name">{t('app.name')}</h1>
      <ViewTabs />
      <ConnectionBadge />
      <div className="topbar-spacer" />
      <button type="button" className="btn" data-testid="connect-open" disabled={!mayFly} title={refused ? t('role.notAllowed') : undefined} onClick={props.onOpenConnect}>
        {t('topbar.connect')}
        {linkCount > 0 && <span className="count-pill">{t('topbar.links', { count: linkCount })}</span>}
      </button>
      <SimulatorControls />
      <AuditButton />
      <LanguageSwitch />
    </header>
  );
}
