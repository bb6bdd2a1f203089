// Replay view: the flight library on the left, the replay on the map in the middle with its timeline
// below, the notes at their moments (and the trainer's debrief notes) on the right.
import { useT } from '../../i18n/useT';
import { useReplayStore } from '../../stores/replay';
import '../../styles/replay.css';
import { FlightLibraryPanel } from './FlightLibraryPanel';
import { ReplayMap } from './ReplayMap';
import { ReplayNotesPanel } from './ReplayNotesPanel';
import { ReplayTimeline } from './ReplayTimeline';

export function ReplayView() {
  const t = useT();
  const open = useReplayStore((s) => s.info !== null);
  return (
    <div className="replay-view" data-testid="replay-view">
      <FlightLibraryPanel />
      <div className="replay-main">
        <ReplayMap />
        {open ? <ReplayTimeline /> : <p className="replay-hint panel">{t('view.replay.empty')}</p>}
      </div>
      {open && <ReplayNotesPanel />}
    </div>
  );
}
