// Airspace zones in the layer panel: the list (kind, vertical band), removal, import of KML/KMZ/
// GeoJSON files, the airport template (a no-fly circle around a point typed in any datum), and the
// terrain the station has for ground heights and for the vehicles' terrain requests.
import { useMemo, useState } from 'react';
import type { ContractErrorValue, UserMessage } from '../../../shared/contract/types';
import { parseCoordinate } from '../../../shared/geo/coord-parse';
import { ContractError } from '../../../shared/contract/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useLocalMessage, useT } from '../../i18n/useT';
import { call } from '../../stores/actions';
import { selectZones, useMapsStore } from '../../stores/maps';
import { CoordinateRead } from './CoordinateRead';

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function ZonesSection() {
  const t = useT();
  const local = useLocalMessage();
  const zones = useMapsStore(selectZones);
  const terrain = useMapsStore((s) => s.terrain);
  const [error, setError] = useState<ContractErrorValue | null>(null);
  const [note, setNote] = useState('');
  // What the import skipped or read with care (walls, lines, heights without terrain): the pilot must see it.
  const [importWarnings, setImportWarnings] = useState<UserMessage[]>([]);
  const [name, setName] = useState('');
  const [center, setCenter] = useState('');
  const [radius, setRadius] = useState(5000);
  // The airport's centre is often read off a phone map: show what it was read as before it is added.
  const centerRead = useMemo(() => {
    try {
      return center.trim() ? parseCoordinate(center) : null;
    } catch {
      return null;
    }
  }, [center]);
  const band = (floor?: number, ceiling?: number) =>
    floor === undefined && ceiling === undefined ? '' : t('maps.zone.band', { floor: floor ?? t('maps.zone.ground'), ceiling: ceiling ?? t('maps.zone.unlimited') });
  return (
    <>
      <section className="maps-section" aria-label={t('maps.zones')}>
        <h3>{t('maps.zones')}</h3>
        {zones.length === 0 && <p className="maps-muted">{t('maps.zones.none')}</p>}
        <ul className="maps-list" data-testid="maps-zone-list">
          {zones.map((z) => (
            <li key={z.id} className="maps-zone" data-kind={z.kind}>
              <span className="maps-badge" data-kind={z.kind}>{z.kind === 'noFly' ? t('maps.zone.noFly') : t('maps.zone.restricted')}</span>
              <span>{z.name}</span>
              <span className="maps-muted">{band(z.floorMslM, z.ceilingMslM)}</span>
              <button type="button" onClick={() => void call('mapsRemoveZone', { id: z.id }).then((out) => setError(out.ok ? null : out.error))}>{t('maps.source.remove')}</button>
            </li>
          ))}
        </ul>
        <button type="button" data-testid="maps-draw-start" onClick={() => useMapsStore.getState().setDrawing([])}>{t('maps.draw.start')}</button>
        <label className="maps-file">
          {t('maps.zones.import')}
          <input
            type="file"
            accept=".kml,.kmz,.geojson,.json"
            data-testid="maps-zone-file"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              const out = await call('mapsImportZones', { fileName: file.name, dataBase64: await fileToBase64(file), defaultKind: 'noFly' });
              setError(out.ok ? null : out.error);
              setNote(out.ok ? t('maps.zones.imported', { count: out.value.added.length }) : '');
              setImportWarnings(out.ok ? out.value.warnings : []);
            }}
          />
        </label>
        {note && <p className="maps-muted">{note}</p>}
        {importWarnings.length > 0 && (
          <ul className="maps-list" data-testid="maps-zone-warnings">
            {importWarnings.map((w, k) => (
              <li key={k} className="maps-warning">{local(w)}</li>
            ))}
          </ul>
        )}
        <details>
          <summary>{t('maps.airport.title')}</summary>
          <form
            className="maps-form"
            onSubmit={(e) => {
              e.preventDefault();
              try {
                const p = parseCoordinate(center);
                void call('mapsAddAirport', { name, center: p.wgs84, radiusM: radius }).then((out) => setError(out.ok ? null : out.error));
              } catch (err) {
                if (err instanceof ContractError) setError(err.toValue());
              }
            }}
          >
            <input placeholder={t('maps.airport.name')} value={name} onChange={(e) => setName(e.target.value)} required />
            <input placeholder={t('maps.airport.center')} value={center} onChange={(e) => setCenter(e.target.value)} required data-testid="maps-airport-center" />
            {centerRead && <CoordinateRead parsed={centerRead} testId="maps-airport-read" />}
            <label>{t('maps.airport.radius')} <input type="number" min={100} max={50000} value={radius} onChange={(e) => setRadius(Number(e.target.value))} /></label>
            <button type="submit">{t('maps.airport.add')}</button>
          </form>
        </details>
        <ErrorMessage error={error} testId="maps-zone-error" />
      </section>
      <section className="maps-section" aria-label={t('maps.terrain')}>
        <h3>{t('maps.terrain')}</h3>
        {terrain && (
          <>
            <p data-testid="maps-terrain-tiles">{t('maps.terrain.tiles', { count: terrain.tiles.length })}</p>
            <p className="maps-muted">{t('maps.terrain.folder', { folder: terrain.folder })}</p>
            {terrain.vehicles.map((v) => <p key={v.key}>{t('maps.terrain.vehicles', { key: v.key, sent: v.gridsSent, missing: v.gridsMissing })}</p>)}
          </>
        )}
        <button type="button" onClick={() => void call('mapsReloadTerrain').then((out) => setError(out.ok ? null : out.error))}>{t('maps.terrain.reload')}</button>
      </section>
    </>
  );
}
