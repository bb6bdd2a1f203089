// Operations: the map, the vehicles, the selected one's telemetry.
import { useCallback, useState } from 'react';
import { useConnectionStore } from '../../stores/connection';
import { ConnectDialog } from './ConnectDialog';
import { ConnectionBanner } from './ConnectionBanner';
import { MapArea } from './MapArea';
import { TelemetryPanel } from './TelemetryPanel';
import { TopBar } from './TopBar';
import { VehicleList } from './VehicleList';

export function FlyView() {
  const [connectOpen, setConnectOpen] = useState(false);
  const stale = useConnectionStore((s) => s.status !== 'connected');
  const openConnect = useCallback(() => setConnectOpen(true), []);
  const closeConnect = useCallback(() => setConnectOpen(false), []);
  return (
    <div className="fly-view">
      <TopBar onOpenConnect={openConnect} />
      <div className="fly-body">
        <div className="map-column">
          <MapArea />
          <ConnectionBanner />
        </div>
        <aside className={`side-panel${stale ? ' stale' : ''}`}>
          <VehicleList />
          <TelemetryPanel />
        </aside>
      </div>
      {connectOpen && <ConnectDialog onClose={closeConnect} />}
    </div>
  );
}
