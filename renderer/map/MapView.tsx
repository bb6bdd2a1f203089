// The Fly view's map: offline basemap, vehicle markers, trails, follow mode, scale, navigation and a
// cursor readout. It holds no strings of its own: visible text comes from the parent via `labels`.
import { useEffect, useRef, useState } from 'react';
import {
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
  type MapMouseEvent,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './mapView.css';
import type { VehicleSnapshot } from '../../shared/contract/types';
import { LOCAL_GRATICULE_MIN_ZOOM, LOCAL_GRATICULE_SOURCE_ID, basemapStyle } from './basemapStyle';
import { formatCursor, wrapLon } from './coords';
import { followAction } from './follow';
import { localFineGraticule } from './graticule';
import { TRAILS_SOURCE_ID, trailLayers, trailsToGeoJSON } from './trails';
import { VehicleMarker, markerStateOf } from './vehicleMarker';

// A bundled URL (not MapLibre's guess from import.meta.url) so the worker loads under file:// too.
setWorkerUrl(workerUrl);

/** Ulanhot, Inner Mongolia: the unit's home base. [lon, lat] as MapLibre wants it. */
export const INITIAL_CENTER: [number, number] = [122.0933, 46.0726];
export const INITIAL_ZOOM = 13;

export interface MapViewLabels {
  followOn: string;
  followOff: string;
}

export interface MapViewProps {
  vehicles: VehicleSnapshot[];
  /** [lon, lat] points per vehicle key, oldest first. */
  trails: Record<string, Array<[number, number]>>;
  selectedKey: string | null;
  onSelectVehicle: (key: string) => void;
  follow: boolean;
  labels: MapViewLabels;
  /** Text under each vehicle icon; defaults to "#<sysid>" (a number needs no translation). */
  vehicleLabel?: (v: VehicleSnapshot) => string;
  /** When given, the follow badge becomes a button that calls it. */
  onToggleFollow?: () => void;
  /** The map instance once created (and null when destroyed), for other layers to attach to. */
  onMap?: (map: MapLibreMap | null) => void;
}

const defaultVehicleLabel = (v: VehicleSnapshot): string => `#${v.sysid}`;

export function MapView(props: MapViewProps) {
  const { vehicles, trails, selectedKey, follow, labels } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const coordsRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markersRef = useRef(new Map<string, VehicleMarker>());
  const userMovingRef = useRef(false);
  const [loaded, setLoaded] = useState(false);

  // Callbacks change identity on every parent render; markers keep one listener that reads the latest.
  const onSelectRef = useRef(props.onSelectVehicle);
  onSelectRef.current = props.onSelectVehicle;
  const onMapRef = useRef(props.onMap);
  onMapRef.current = props.onMap;
  const vehicleLabel = props.vehicleLabel ?? defaultVehicleLabel;

  // Create the map once. Everything else updates it in place.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = new MapLibreMap({
      container,
      style: basemapStyle(),
      center: INITIAL_CENTER,
      zoom: INITIAL_ZOOM,
      attributionControl: { compact: false },
      // The basemap has no data to pitch into; a tilted view only confuses distances.
      maxPitch: 0,
    });
    mapRef.current = map;
    map.addControl(new NavigationControl({ showCompass: true, visualizePitch: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');

    const markers = markersRef.current;
    let localGridShown = false;
    // The 0.01 degree grid exists only around the view, so it is regenerated when the view settles.
    const updateLocalGrid = () => {
      const source = map.getSource<GeoJSONSource>(LOCAL_GRATICULE_SOURCE_ID);
      if (!source) return;
      if (map.getZoom() >= LOCAL_GRATICULE_MIN_ZOOM - 0.5) {
        const b = map.getBounds();
        source.setData(localFineGraticule({ west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() }));
        localGridShown = true;
      } else if (localGridShown) {
        source.setData({ type: 'FeatureCollection', features: [] });
        localGridShown = false;
      }
    };
    map.on('load', () => {
      map.addSource(TRAILS_SOURCE_ID, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      for (const layer of trailLayers()) map.addLayer(layer);
      updateLocalGrid();
      setLoaded(true);
    });
    map.on('rotate', () => {
      const bearing = map.getBearing();
      for (const m of markers.values()) m.setBearing(bearing);
    });
    map.on('mousemove', (e: MapMouseEvent) => {
      // Written straight to the DOM: a React render per mouse event would be wasted work.
      if (coordsRef.current) coordsRef.current.textContent = formatCursor(e.lngLat.lat, wrapLon(e.lngLat.lng));
    });
    map.on('movestart', (e) => {
      if ((e as { originalEvent?: unknown }).originalEvent) userMovingRef.current = true;
    });
    map.on('moveend', () => {
      userMovingRef.current = false;
      updateLocalGrid();
    });
    onMapRef.current?.(map);

    return () => {
      for (const m of markers.values()) m.remove();
      markers.clear();
      onMapRef.current?.(null);
      map.remove();
      mapRef.current = null;
      setLoaded(false);
    };
  }, []);

  // Vehicles: add, update in place, remove the ones that are gone.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const markers = markersRef.current;
    const bearing = map.getBearing();
    const seen = new Set<string>();
    for (const v of vehicles) {
      seen.add(v.key);
      let marker = markers.get(v.key);
      if (!marker) {
        marker = new VehicleMarker(v.key, map, (key) => onSelectRef.current(key));
        markers.set(v.key, marker);
      }
      marker.update(markerStateOf(v, selectedKey, vehicleLabel(v)), bearing);
    }
    for (const [key, marker] of markers) {
      if (!seen.has(key)) {
        marker.remove();
        markers.delete(key);
      }
    }
  }, [vehicles, selectedKey, vehicleLabel]);

  // Trails: one source, new data. Keyed on the set of lost links, not on `vehicles`, so a position
  // update alone does not re-send every trail to the worker.
  const lostKeys = vehicles
    .filter((v) => v.linkLost)
    .map((v) => v.key)
    .sort()
    .join('\n');
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    const lost = new Set(lostKeys === '' ? [] : lostKeys.split('\n'));
    map.getSource<GeoJSONSource>(TRAILS_SOURCE_ID)?.setData(trailsToGeoJSON(trails, selectedKey, lost));
  }, [trails, selectedKey, lostKeys, loaded]);

  // Follow the selected vehicle.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !follow || selectedKey === null) return;
    const v = vehicles.find((x) => x.key === selectedKey);
    if (!v || v.lat === null || v.lon === null || !Number.isFinite(v.lat) || !Number.isFinite(v.lon)) return;
    const canvas = map.getCanvas();
    const p = map.project([v.lon, v.lat]);
    const distancePx = Math.hypot(p.x - canvas.clientWidth / 2, p.y - canvas.clientHeight / 2);
    const action = followAction(distancePx, Math.max(canvas.clientWidth, canvas.clientHeight), userMovingRef.current);
    if (action.kind === 'ease') map.easeTo({ center: [v.lon, v.lat], duration: action.durationMs, essential: true });
  }, [vehicles, selectedKey, follow]);

  const followText = follow ? labels.followOn : labels.followOff;
  return (
    <div className="gcs-map" data-testid="map-view" data-map-loaded={loaded ? 'true' : 'false'}>
      <div ref={containerRef} className="gcs-map__canvas" />
      {props.onToggleFollow ? (
        <button
          type="button"
          className="gcs-map__follow"
          data-testid="follow-indicator"
          data-follow={String(follow)}
          aria-pressed={follow}
          onClick={props.onToggleFollow}
        >
          {followText}
        </button>
      ) : (
        <div className="gcs-map__follow" data-testid="follow-indicator" data-follow={String(follow)}>
          {followText}
        </div>
      )}
      <div ref={coordsRef} className="gcs-map__coords" data-testid="cursor-coords" aria-live="off" />
    </div>
  );
}
