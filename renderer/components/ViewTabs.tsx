// The switch between Fly, Plan and Replay in the top bar.
import { useT } from '../i18n/useT';
import { useViewStore, VIEWS } from '../stores/view';

export function ViewTabs() {
  const t = useT();
  const view = useViewStore((s) => s.view);
  const setView = useViewStore((s) => s.setView);
  return (
    <nav className="view-tabs" role="tablist" aria-label={t('view.tabs')}>
      {VIEWS.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={view === name}
          className={`view-tab${view === name ? ' active' : ''}`}
          data-testid={`view-tab-${name}`}
          onClick={() => setView(name)}
        >
          {t(`view.${name}`)}
        </button>
      ))}
    </nav>
  );
}
