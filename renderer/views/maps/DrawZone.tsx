// Drawing a zone on the map: each click adds a vertex (shown as a dashed outline), then a name and a
// kind, and the zone is stored by the station like an imported one. Escape or Cancel stops.
import { useEffect, useState } from 'react';
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { ContractErrorValue } from '../../../shared/contract/types';
import type { ZoneKind } from '../../../shared/airspace/zone';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/useT';
import { call } from '../../stores/actions';
import { useMapsStore } from '../../stores/maps';

const DRAFT_SOURCE = 'maps-zone-draft';

export function DrawZone(props: { map: MapLibreMap | null }) {
  const t = useT();
  const points = useMapsStore((s) => s.drawing);
  const setDrawing = useMapsStore((s) => s.setDrawing);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ZoneKind>('noFly');
  const [error, setError] = useState<ContractErrorValue | null>(null);
  const drawing = points !== null;

  useEffect(() => {
    const map = props.map;
    if (!map || !drawing) return;
    const onClick = (e: MapMouseEvent) => {
      const cur = useMapsStore.getState().drawing ?? [];
      setDrawing([...cur, { lat: e.lngLat.lat, lon: e.lngLat.lng }]);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setDrawing(null);
    };
    map.on('click', onClick);
    window.addEventListener('keydown', onKey);
    map.getCanvas().style.cursor = 'crosshair';
    return () => {
      map.off('click', onClick);
      window.removeEventListener('keydown', onKey);
      map.getCanvas().style.cursor = '';
    };
  }, [props.map, drawing, setDrawing]);

  useEffect(() => {
    const map = props.map;
    if (!map || !map.getStyle()) return;
    const ring = (points ?? []).map((p) => [p.lon, p.lat]);
    const data = {
      type: 'FeatureCollection' as const,
      features: ring.length >= 2 ? [{ type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates: ring.length >= 3 ? [...ring, ring[0]!] : ring } }] : [],
    };
    const source = map.getSource<GeoJSONSource>(DRAFT_SOURCE);
    if (source) source.setData(data);
    else if (ring.length >= 2) {
      map.addSource(DRAFT_SOURCE, { type: 'geojson', data });
      map.addLayer({ id: DRAFT_SOURCE, type: 'line', source: DRAFT_SOURCE, paint: { 'line-color': '#6fb7ff', 'line-width': 2, 'line-dasharray': [2, 2] } });
    }
  }, [props.map, points]);

  if (!drawing) return null;
  return (
    <form
      className="maps-draw"
      data-testid="maps-draw"
      onSubmit={(e) => {
        e.preventDefault();
        void call('mapsAddZone', { name, kind, shape: { type: 'polygon', vertices: points } }).then((out) => {
          setError(out.ok ? null : out.error);
          if (out.ok) {
            setDrawing(null);
            setName('');
          }
        });
      }}
    >
      <span>{t('maps.draw.points', { count: points.length })}</span>
      <input placeholder={t('maps.add.name')} value={name} onChange={(e) => setName(e.target.value)} required />
      <select value={kind} onChange={(e) => setKind(e.target.value as ZoneKind)}>
        <option value="noFly">{t('maps.zone.noFly')}</option>
        <option value="restricted">{t('maps.zone.restricted')}</option>
      </select>
      <button type="submit" disabled={points.length < 3}>{t('maps.draw.finish')}</button>
      <button type="button" onClick={() => setDrawing(null)}>{t('maps.prefetch.cancel')}</button>
      <ErrorMessage error={error} />
    </form>
  );
}
