// Replay view: recorded flights with their notes on a timeline (issue 6 fills this in).
import { useT } from '../../i18n/useT';

export function ReplayView() {
  const t = useT();
  return (
    <div className="view-placeholder" data-testid="replay-view">
      <p>{t('view.replay.empty')}</p>
    </div>
  );
}
