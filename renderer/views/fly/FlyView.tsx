// Operations: the map, the vehicles, the selected one's telemetry.
import { useConnectionStore } from '../../stores/connection';
import { ConnectionBanner } from './ConnectionBanner';
import { MapArea } from './MapArea';
import { TelemetryPanel } from './TelemetryPanel';
import { VehicleList } from './VehicleList';
import { FaultBanner } from '../security/FaultBanner';
import { SigningPanel } from '../security/SigningPanel';
import { GuidedActions } from './ops/GuidedActions';
import { OpsInstruments } from './ops/OpsInstruments';
import { OpsColumn } from './ops/OpsColumn';

export function FlyView() {
  const stale = useConnectionStore((s) => s.status !== 'connected');
  return (
    <div className="fly-view">
      <div className="fly-body">
        <div className="map-column">
          <MapArea />
          <ConnectionBanner />
          <FaultBanner />
        </div>
        <aside className={`side-panel${stale ? ' stale' : ''}`}>
          <VehicleList />
          <TelemetryPanel />
          <SigningPanel />
          <OpsInstruments />
          <GuidedActions />
        </aside>
        <OpsColumn />
      </div>
    </div>
  );
}
