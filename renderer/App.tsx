// The app shell: the top bar with the view tabs, then the view on screen (Fly, Plan or Replay).
import { useCallback, useState } from 'react';
import { useViewStore } from './stores/view';
import { ConnectDialog } from './views/fly/ConnectDialog';
import { FlyView } from './views/fly/FlyView';
import { TopBar } from './views/fly/TopBar';
import { PlanView } from './views/plan/PlanView';
import { ReplayView } from './views/replay/ReplayView';

export function App() {
  const view = useViewStore((s) => s.view);
  const [connectOpen, setConnectOpen] = useState(false);
  const openConnect = useCallback(() => setConnectOpen(true), []);
  const closeConnect = useCallback(() => setConnectOpen(false), []);
  return (
    <div className="app-shell">
      <TopBar onOpenConnect={openConnect} />
      <div className="view-body">
        {view === 'fly' && <FlyView />}
        {view === 'plan' && <PlanView />}
        {view === 'replay' && <ReplayView />}
      </div>
      {connectOpen && <ConnectDialog onClose={closeConnect} />}
    </div>
  );
}
