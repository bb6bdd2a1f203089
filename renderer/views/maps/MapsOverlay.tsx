// The maps area on a map: applies the sources and zones to the MapLibre instance, shows the ground
// height under the cursor (asked of the station at most a few times a second), a coordinate box that
// reads DD/DMS/GCJ-02/BD-09 and flies there, and the layer panel behind a button.
import { useEffect, useRef, useState } from 'react';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { parseCoordinate, type ParsedCoordinate } from '../../../shared/geo/coord-parse';
import type { Datum } from '../../../shared/geo/datum';
import { ContractError } from '../../../shared/contract/errors';
import type { ContractErrorValue } from '../../../shared/contract/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/useT';
import { applySources, applyZones } from '../../map/mapsLayers';
import { BASEMAP_LAYER_IDS } from '../../map/basemapStyle';
import { call } from '../../stores/actions';
import { selectSources, selectZones, useMapsStore } from '../../stores/maps';
import { CoordinateRead } from './CoordinateRead';
import { PrefetchSection } from './PrefetchSection';
import { DrawZone } from './DrawZone';
import { SourcesSection } from './SourcesSection';
import { ZonesSection } from './ZonesSection';
import '../../styles/maps.css';

const GROUND_QUERY_MS = 250;
const DATUMS: Datum[] = ['WGS84', 'GCJ02', 'BD09'];

function useMapLayers(map: MapLibreMap | null): void {
  const sources = useMapsStore(selectSources);
  const zones = useMapsStore(selectZones);
  // Style ready once: isStyleLoaded() goes false again whenever tiles load, and 'load' fires once.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    setReady(false);
    if (!map) return;
    if (map.getLayer(BASEMAP_LAYER_IDS.background)) {
      setReady(true);
      return;
    }
    const onLoad = () => setReady(true);
    map.once('load', onLoad);
    return () => {
      map.off('load', onLoad);
    };
  }, [map]);
  useEffect(() => {
    if (!map || !ready) return;
    applySources(map, sources, window.location.origin);
    applyZones(map, zones);
  }, [map, ready, sources, zones]);
}

function GroundReadout(props: { map: MapLibreMap | null }) {
  const t = useT();
  // The height, not the sentence: the readout follows a language switch without a new query.
  const [height, setHeight] = useState<number | null | undefined>(undefined);
  const pending = useRef<{ lat: number; lon: number } | null>(null);
  useEffect(() => {
    const map = props.map;
    if (!map) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onMove = (e: MapMouseEvent) => {
      pending.current = { lat: e.lngLat.lat, lon: ((((e.lngLat.lng + 180) % 360) + 360) % 360) - 180 };
      timer ??= setTimeout(() => {
        timer = null;
        const p = pending.current;
        if (!p) return;
        void call('mapsGroundHeight', { points: [p] }).then((out) => {
          setHeight(out.ok ? (out.value.heightsMslM[0] ?? null) : undefined);
        });
      }, GROUND_QUERY_MS);
    };
    map.on('mousemove', onMove);
    return () => {
      map.off('mousemove', onMove);
      if (timer) clearTimeout(timer);
    };
  }, [props.map]);
  if (height === undefined) return null;
  const text = height === null ? t('maps.cursor.noGround') : t('maps.cursor.ground', { height: Math.round(height) });
  return <div className="gcs-map__coords maps-ground" data-testid="maps-ground">{text}</div>;
}

function GoTo(props: { map: MapLibreMap | null }) {
  const t = useT();
  const [text, setText] = useState('');
  // A dispatcher reads numbers off a phone map without saying which: the pilot says what they are.
  const [unmarked, setUnmarked] = useState<Datum>('WGS84');
  const [parsed, setParsed] = useState<ParsedCoordinate | null>(null);
  const [error, setError] = useState<ContractErrorValue | null>(null);
  const read = (value: string, datum: Datum) => {
    setText(value);
    setUnmarked(datum);
    try {
      setParsed(value.trim() ? parseCoordinate(value, datum) : null);
      setError(null);
    } catch (err) {
      setParsed(null);
      setError(err instanceof ContractError && value.trim().length > 3 ? err.toValue() : null);
    }
  };
  return (
    <form className="maps-goto" onSubmit={(e) => { e.preventDefault(); if (parsed) props.map?.flyTo({ center: [parsed.wgs84.lon, parsed.wgs84.lat], zoom: Math.max(props.map.getZoom(), 15) }); }}>
      <label className="maps-goto__label">
        {t('maps.goto.label')}
        <input value={text} onChange={(e) => read(e.target.value, unmarked)} placeholder={t('maps.goto.placeholder')} data-testid="maps-goto" />
      </label>
      <button type="submit" disabled={!parsed}>{t('maps.goto.go')}</button>
      <label className="maps-goto__datum">
        {t('maps.goto.unmarked')}
        <select value={unmarked} onChange={(e) => read(text, e.target.value as Datum)} data-testid="maps-goto-datum">
          {DATUMS.map((d) => (
            <option key={d} value={d}>{t(`maps.datum.${d}`)}</option>
          ))}
        </select>
      </label>
      {parsed && <CoordinateRead parsed={parsed} testId="maps-goto-read" />}
      <ErrorMessage error={error} />
    </form>
  );
}

export function MapsOverlay(props: { map: MapLibreMap | null }) {
  const t = useT();
  const open = useMapsStore((s) => s.panelOpen);
  const toggle = useMapsStore((s) => s.togglePanel);
  useMapLayers(props.map);
  return (
    <>
      <button type="button" className="maps-toggle" aria-expanded={open} onClick={toggle} data-testid="maps-toggle">{t('maps.layers')}</button>
      <GroundReadout map={props.map} />
      <DrawZone map={props.map} />
      {open && (
        <aside className="maps-panel" aria-label={t('maps.panel.title')} data-testid="maps-panel">
          <h2>{t('maps.panel.title')}</h2>
          <GoTo map={props.map} />
          <SourcesSection />
          <PrefetchSection map={props.map} />
          <ZonesSection />
        </aside>
      )}
    </>
  );
}
