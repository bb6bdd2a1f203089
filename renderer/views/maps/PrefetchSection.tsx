// The offline pack of the current view: a source, a zoom range, the estimate (count, cached, size)
// first, then progress from the station with cancel; starting again resumes (cached tiles are skipped).
import { useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { PrefetchEstimate } from '../../../shared/contract/areas/maps';
import type { ContractErrorValue } from '../../../shared/contract/types';
import { boundsPolygon } from '../../../shared/geo/tiles';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/useT';
import { call } from '../../stores/actions';
import { selectSources, selectZones, useMapsStore } from '../../stores/maps';
import { circleVertices } from '../../../shared/geo/bearing';
import type { AirspaceZone } from '../../../shared/airspace/zone';

/** A zone's outline as the prefetch polygon (a drawn zone is how a pilot outlines a search area). */
function zonePolygon(z: AirspaceZone): Array<{ lat: number; lon: number }> {
  return z.shape.type === 'polygon' ? z.shape.vertices : circleVertices(z.shape.center, z.shape.radiusM, 48);
}

export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1e3))} KB`;
}

export function PrefetchSection(props: { map: MapLibreMap | null }) {
  const t = useT();
  const online = useMapsStore(selectSources).filter((s) => (s.kind === 'xyz' || s.kind === 'tms') && s.enabled);
  const progress = useMapsStore((s) => s.prefetch);
  const zones = useMapsStore(selectZones);
  const [areaId, setAreaId] = useState('view');
  const [sourceId, setSourceId] = useState('');
  const [minZoom, setMinZoom] = useState(10);
  const [maxZoom, setMaxZoom] = useState(17);
  const [estimate, setEstimate] = useState<PrefetchEstimate | null>(null);
  const [error, setError] = useState<ContractErrorValue | null>(null);
  const chosen = online.find((s) => s.id === sourceId) ?? online[0];
  const area = () => {
    const b = props.map?.getBounds();
    const zone = zones.find((z) => z.id === areaId);
    if (!chosen || (!b && !zone)) return null;
    const polygon = zone ? zonePolygon(zone) : boundsPolygon({ west: b!.getWest(), south: b!.getSouth(), east: b!.getEast(), north: b!.getNorth() });
    return { sourceId: chosen.id, polygon, minZoom, maxZoom: Math.max(minZoom, maxZoom) };
  };
  const zoomInput = (value: number, set: (n: number) => void, label: string) => (
    <label>{label} <input type="number" min={0} max={20} value={value} onChange={(e) => { set(Math.max(0, Math.min(20, Number(e.target.value) || 0))); setEstimate(null); }} /></label>
  );
  const running = progress?.state === 'running';
  return (
    <section className="maps-section" aria-label={t('maps.prefetch.title')}>
      <h3>{t('maps.prefetch.title')}</h3>
      {!chosen ? (
        <p className="maps-muted">{t('maps.prefetch.noSource')}</p>
      ) : (
        <div className="maps-form">
          <label>{t('maps.prefetch.source')} <select value={chosen.id} onChange={(e) => { setSourceId(e.target.value); setEstimate(null); }}>
            {online.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select></label>
          <label>{t('maps.prefetch.area')} <select value={areaId} onChange={(e) => { setAreaId(e.target.value); setEstimate(null); }} data-testid="maps-prefetch-area">
            <option value="view">{t('maps.prefetch.areaView')}</option>
            {zones.map((z) => <option key={z.id} value={z.id}>{z.name}</option>)}
          </select></label>
          <div className="maps-row">
            {zoomInput(minZoom, setMinZoom, t('maps.prefetch.minZoom'))}
            {zoomInput(maxZoom, setMaxZoom, t('maps.prefetch.maxZoom'))}
          </div>
          <div className="maps-row">
            <button type="button" data-testid="maps-prefetch-estimate" onClick={() => { const a = area(); if (a) void call('mapsPrefetchEstimate', a).then((out) => { setError(out.ok ? null : out.error); setEstimate(out.ok ? out.value : null); }); }}>{t('maps.prefetch.estimate')}</button>
            <button type="button" data-testid="maps-prefetch-start" disabled={!estimate || estimate.tooMany || running} onClick={() => { const a = area(); if (a) void call('mapsPrefetchStart', a).then((out) => setError(out.ok ? null : out.error)); }}>{t('maps.prefetch.start')}</button>
            <button type="button" disabled={!running} onClick={() => progress && void call('mapsPrefetchCancel', { jobId: progress.jobId })}>{t('maps.prefetch.cancel')}</button>
          </div>
          {estimate && (
            <p data-testid="maps-prefetch-estimate-text">
              {estimate.tooMany ? t('maps.prefetch.tooMany', { tiles: estimate.tiles }) : t('maps.prefetch.estimateText', { tiles: estimate.tiles, cached: estimate.cached, size: formatBytes(estimate.estimatedBytes) })}
            </p>
          )}
          {progress && (
            <div data-testid="maps-prefetch-progress">
              <progress max={progress.total} value={progress.done} />
              <p>{t(`maps.prefetch.state.${progress.state}`)} · {t('maps.prefetch.progress', { done: progress.done, total: progress.total, fetched: progress.fetched, skipped: progress.skipped, failed: progress.failed })}</p>
            </div>
          )}
        </div>
      )}
      <ErrorMessage error={error} testId="maps-prefetch-error" />
    </section>
  );
}
