// Feeds the operations overlay on the Fly map from the stores: mission paths, fence, rally, homes,
// traffic with separation rings, note pins; and turns a map click into the point being picked.
import { useEffect, useRef, useState } from 'react';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { useNow } from '../../../components/useNow';
import { useT } from '../../../i18n/useT';
import { ensureOpsLayers, markFeatures, missionFeatures, ringFeatures, setOpsData } from '../../../map/opsLayers';
import { TrafficMarker } from '../../../map/trafficMarker';
import { useOpsStore } from '../../../stores/ops';
import { selectVehicleList, useVehiclesStore } from '../../../stores/vehicles';

function useStyleLoaded(map: MapLibreMap | null): boolean {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!map) return setLoaded(false);
    const ready = () => {
      ensureOpsLayers(map);
      setLoaded(true);
    };
    if (map.isStyleLoaded()) ready();
    else map.once('load', ready);
    return () => {
      map.off('load', ready);
    };
  }, [map]);
  return loaded;
}

export function OpsMapOverlay(props: { map: MapLibreMap | null }) {
  const { map } = props;
  const t = useT();
  const loaded = useStyleLoaded(map);
  const vehicles = useVehiclesStore(selectVehicleList);
  const missions = useOpsStore((s) => s.missions);
  const traffic = useOpsStore((s) => s.traffic);
  const notes = useOpsStore((s) => s.notes);
  const pick = useOpsStore((s) => s.pick);
  const picked = useOpsStore((s) => s.picked);
  const markers = useRef(new Map<string, TrafficMarker>());
  const now = useNow(true, 1000);

  // Mission item highlight follows MISSION_CURRENT: recompute when any vehicle's current item changes.
  const currentKey = vehicles.map((v) => `${v.key}=${v.missionCurrent ?? ''}`).join(',');
  useEffect(() => {
    if (map && loaded) setOpsData(map, 'ops-missions', missionFeatures(Object.values(missions), vehicles));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, loaded, missions, currentKey]);

  const homeKey = vehicles.map((v) => (v.home ? `${v.key}@${v.home.lat},${v.home.lon}` : '')).join(',');
  useEffect(() => {
    if (map && loaded) setOpsData(map, 'ops-marks', markFeatures(vehicles, notes, pick ? picked : null));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, loaded, homeKey, notes, pick, picked]);

  useEffect(() => {
    if (map && loaded) setOpsData(map, 'ops-rings', ringFeatures(traffic));
  }, [map, loaded, traffic]);

  // Traffic markers, with their label's age ticking every second.
  useEffect(() => {
    if (!map) return;
    const seen = new Set<string>();
    // The worst conflict each aircraft is in: a violation outranks a prediction.
    const conflicts = new Map<string, 'violation' | 'predicted'>();
    for (const c of traffic?.conflicts ?? []) if (conflicts.get(c.otherId) !== 'violation') conflicts.set(c.otherId, c.level);
    for (const track of traffic?.tracks ?? []) {
      seen.add(track.id);
      let m = markers.current.get(track.id);
      if (!m) markers.current.set(track.id, (m = new TrafficMarker(map, track)));
      const ageS = Math.max(0, Math.round((now - track.lastSeenMs) / 1000));
      m.update(track, {
        callsign: track.callsign ?? track.icao ?? track.id,
        alt: track.altMslM === null ? t('common.unknown') : t('ops.traffic.alt', { alt: Math.round(track.altMslM) }),
        age: track.stale ? `${t('ops.traffic.stale')} ${t('ops.traffic.age', { s: ageS })}` : t('ops.traffic.age', { s: ageS }),
      }, conflicts.get(track.id) ?? null, map.getBearing());
    }
    for (const [id, m] of markers.current) {
      if (!seen.has(id)) {
        m.remove();
        markers.current.delete(id);
      }
    }
  }, [map, traffic, now, t]);
  useEffect(() => {
    const all = markers.current;
    return () => {
      for (const m of all.values()) m.remove();
      all.clear();
    };
  }, [map]);

  // A click picks a point while an action or a note is waiting for one.
  useEffect(() => {
    if (!map || !pick) return;
    const onClick = (e: MapMouseEvent) => useOpsStore.getState().setPicked({ lat: e.lngLat.lat, lon: ((((e.lngLat.lng + 180) % 360) + 360) % 360) - 180 });
    map.on('click', onClick);
    map.getCanvas().classList.add('ops-picking');
    return () => {
      map.off('click', onClick);
      map.getCanvas().classList.remove('ops-picking');
    };
  }, [map, pick]);
  return null;
}
