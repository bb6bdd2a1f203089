// The operations column beside the map: alerts on top (they must be seen), then traffic and the
// coordination notes.
import '../../../styles/ops.css';
import { AlertsPanel } from './AlertsPanel';
import { NotesPanel } from './NotesPanel';
import { TrafficPanel } from './TrafficPanel';

export function OpsColumn() {
  return (
    <aside className="side-panel ops-column" data-testid="ops-column">
      <AlertsPanel />
      <TrafficPanel />
      <NotesPanel />
    </aside>
  );
}
