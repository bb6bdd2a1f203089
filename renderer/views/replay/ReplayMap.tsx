// The replay on the same map as live: the replay's vehicles, their flown track up to the moment, and
// the uploaded mission drawn beside it (dashed) for planned against flown.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Map as MapLibreMap, GeoJSONSource } from 'maplibre-gl';
import type { VehicleSnapshot } from '../../../shared/contract/types';
import { MapView } from '../../map/MapView';
import { useT } from '../../i18n/useT';
import { useReplayStore } from '../../stores/replay';

const PLANNED_SOURCE = 'replay-planned';

export function ReplayMap() {
  const t = useT();
  const vehicles = useReplayStore((s) => s.vehicles);
  const picture = useReplayStore((s) => s.picture);
  const tMs = useReplayStore((s) => s.state.tMs);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const selectedKey = useReplayStore((s) => s.selectedKey);
  const setSelectedKey = useReplayStore((s) => s.select);
  const [follow, setFollow] = useState(true);
  const key = selectedKey ?? vehicles[0]?.key ?? null;

  const trails = useMemo(() => {
    const out: Record<string, Array<[number, number]>> = {};
    for (const tr of picture?.tracks ?? []) out[tr.vehicleKey] = tr.points.filter((p) => p.tMs <= tMs).map((p) => [p.lon, p.lat]);
    return out;
  }, [picture, tMs]);

  useEffect(() => {
    if (!map) return;
    const coords = (picture?.planned?.waypoints ?? []).map((w) => [w.lon, w.lat]);
    const data = {
      type: 'FeatureCollection' as const,
      features: coords.length >= 2 ? [{ type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates: coords } }] : [],
    };
    const apply = () => {
      const src = map.getSource(PLANNED_SOURCE) as GeoJSONSource | undefined;
      if (src) src.setData(data);
      else {
        map.addSource(PLANNED_SOURCE, { type: 'geojson', data });
        map.addLayer({ id: PLANNED_SOURCE, type: 'line', source: PLANNED_SOURCE, paint: { 'line-color': '#f5c542', 'line-width': 2, 'line-dasharray': [2, 2] } });
      }
    };
    if (map.isStyleLoaded()) apply();
    else map.once('load', apply);
  }, [map, picture]);

  // A replay may be half a world from the live map: jump there at once rather than fly across.
  useEffect(() => {
    const first = picture?.tracks.find((tr) => tr.points.length > 0)?.points[0];
    if (map && first) map.jumpTo({ center: [first.lon, first.lat], zoom: Math.max(map.getZoom(), 14) });
  }, [map, picture]);

  const vehicleLabel = useCallback((v: VehicleSnapshot) => t('vehicle.callsign', { sysid: v.sysid }), [t]);
  return (
    <div className="replay-map map-area">
      <MapView
        vehicles={vehicles}
        trails={trails}
        selectedKey={key}
        onSelectVehicle={setSelectedKey}
        follow={follow}
        onToggleFollow={() => setFollow((f) => !f)}
        vehicleLabel={vehicleLabel}
        labels={{ followOn: t('map.followOn'), followOff: t('map.followOff') }}
        onMap={setMap}
      />
    </div>
  );
}
