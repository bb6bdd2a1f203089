// The map in the middle, fed from the stores. The follow badge on the map is the follow toggle.
import { useCallback, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { VehicleSnapshot } from '../../../shared/contract/types';
import { MapView } from '../../map/MapView';
import { MapsOverlay } from '../maps/MapsOverlay';
import { useT } from '../../i18n/useT';
import { selectFollow, selectSelectedKey, useSelectionStore } from '../../stores/selection';
import { selectTrails, useTrailsStore } from '../../stores/trails';
import { selectVehicleList, useVehiclesStore } from '../../stores/vehicles';
import { OpsMapOverlay } from './ops/OpsMapOverlay';
import { TrailLengthControl } from './ops/TrailLengthControl';

export function MapArea() {
  const t = useT();
  const vehicles = useVehiclesStore(selectVehicleList);
  const trails = useTrailsStore(selectTrails);
  const selectedKey = useSelectionStore(selectSelectedKey);
  const follow = useSelectionStore(selectFollow);
  const select = useSelectionStore((s) => s.select);
  const toggleFollow = useSelectionStore((s) => s.toggleFollow);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const vehicleLabel = useCallback((v: VehicleSnapshot) => t('vehicle.callsign', { sysid: v.sysid }), [t]);
  return (
    <main className="map-area">
      <MapView
        vehicles={vehicles}
        trails={trails as Record<string, Array<[number, number]>>}
        selectedKey={selectedKey}
        onSelectVehicle={select}
        follow={follow}
        onToggleFollow={toggleFollow}
        vehicleLabel={vehicleLabel}
        labels={{ followOn: t('map.followOn'), followOff: t('map.followOff') }}
        onMap={setMap}
      />
      <OpsMapOverlay map={map} />
      <TrailLengthControl />
      <MapsOverlay map={map} />
    </main>
  );
}
