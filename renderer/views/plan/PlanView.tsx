// Plan view: open a .plan, see its route, fence and patterns on the map, its statistics and its checks.
// Clicking a check selects the item it is about on the map.
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { checkPlan, flightTimeS } from '../../../shared/planning';
import { useLocalMessage, useT } from '../../i18n/useT';
import { MapView } from '../../map/MapView';
import { selectZones, useMapsStore } from '../../stores/maps';
import { usePlanStore } from '../../stores/plan';
import { UploadPanel } from './UploadPanel';
import { AltitudeProfile } from './profile/AltitudeProfile';
import { useGroundHeights } from './useGroundHeights';
import { addPlanLayers, fenceGeoJson, planBounds, routeGeoJson, setPlanData } from './planLayers';
import '../../styles/plan.css';

const MAX_FILE_BYTES = 64 * 1024 * 1024;
const NO_VEHICLES: never[] = [];
const NO_TRAILS = {};

export function PlanView() {
  const t = useT();
  const local = useLocalMessage();
  const { plan, patterns, dropped, fileName, error, selectedIndex, openText, selectItem } = usePlanStore();
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [layersReady, setLayersReady] = useState(false);
  const [tooBig, setTooBig] = useState(false);
  const fitted = useRef<object | null>(null);

  useEffect(() => {
    if (!map) return;
    // isStyleLoaded() is false while any source is still loading, even after 'load' has fired, so
    // also try on the next 'idle'; adding is idempotent.
    const add = () => {
      if (!map.getSource('plan-route')) addPlanLayers(map);
      setLayersReady(true);
    };
    if (map.isStyleLoaded()) add();
    else {
      map.once('load', add);
      map.once('idle', add);
    }
    return () => {
      map.off('load', add);
      map.off('idle', add);
      setLayersReady(false);
    };
  }, [map]);

  // Only the sources whose data changed are replaced: a selection change does not resend the fence.
  useEffect(() => {
    if (map && layersReady) setPlanData(map, routeGeoJson(plan, selectedIndex), null);
  }, [map, layersReady, plan, selectedIndex]);
  useEffect(() => {
    if (!map || !layersReady) return;
    setPlanData(map, null, fenceGeoJson(plan, patterns));
    if (plan && fitted.current !== plan) {
      fitted.current = plan;
      const b = planBounds(plan);
      if (b) map.fitBounds(b, { padding: 60, duration: 0, maxZoom: 17 });
    }
  }, [map, layersReady, plan, patterns]);

  // Airspace zones come from the maps area; the checks rerun when either side changes.
  // Ground heights from the station's terrain model, when it has one: the ceiling is then above ground.
  const zones = useMapsStore(selectZones);
  const groundElevationMslM = useGroundHeights(plan);
  const issues = useMemo(() => (plan ? checkPlan(plan, { zones, groundElevationMslM }) : []), [plan, zones, groundElevationMslM]);
  const stats = useMemo(() => (plan ? flightTimeS(plan, {}, plan.mission.plannedHome) : null), [plan]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setTooBig(file.size > MAX_FILE_BYTES);
    if (file.size > MAX_FILE_BYTES) return;
    openText(file.name, await file.text());
  };

  return (
    <div className="plan-view" data-testid="plan-view">
      <aside className="plan-panel panel">
        <label className="plan-open">
          <span>{t('plan.open')}</span>
          <input type="file" accept=".plan,application/json" data-testid="plan-open" onChange={onFile} />
        </label>
        {tooBig && <p className="plan-error" role="alert">{t('plan.tooBig')}</p>}
        {error && <p className="plan-error" role="alert" data-testid="plan-error">{local(error.message)}</p>}
        {!plan && !error && <p className="plan-hint">{t('plan.hint')}</p>}
        {plan && stats && (
          <>
            <div className="panel-title">{fileName}</div>
            <dl className="plan-stats" data-testid="plan-stats">
              <dt>{t('plan.items')}</dt>
              <dd data-testid="plan-item-count">{plan.mission.items.length}</dd>
              <dt>{t('plan.patterns')}</dt>
              <dd>{patterns.length === 0 ? '—' : patterns.map((p) => t(`plan.kind.${p.spec.kind}`)).join(', ')}</dd>
              <dt>{t('plan.track')}</dt>
              <dd>{t('plan.km', { km: (stats.trackM / 1000).toFixed(2) })}</dd>
              <dt>{t('plan.time')}</dt>
              <dd>{t('plan.min', { min: (stats.timeS / 60).toFixed(1) })}</dd>
            </dl>
            {dropped.map((d) => (
              <p key={d.id} className="plan-warning">{local(d.reason)}</p>
            ))}
            <UploadPanel plan={plan} />
            <div className="panel-title">
              {t('plan.checks')} <span className="panel-count">{issues.length}</span>
            </div>
            <ul className="plan-issues" data-testid="plan-issues">
              {issues.map((i, k) => (
                <li key={k} className={`plan-issue plan-issue--${i.severity}`}>
                  <button type="button" disabled={i.itemIndex === undefined} onClick={() => selectItem(i.itemIndex ?? null)}>
                    <span className="plan-issue__where">{i.itemIndex === undefined ? t('plan.wholePlan') : t('plan.item', { n: i.itemIndex + 1 })}</span>
                    {local(i.message)}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </aside>
      <div className="map-column">
        <main className="map-area">
          <MapView vehicles={NO_VEHICLES} trails={NO_TRAILS} selectedKey={null} onSelectVehicle={() => undefined} follow={false} labels={{ followOn: '', followOff: '' }} onMap={setMap} />
        </main>
        <AltitudeProfile />
      </div>
    </div>
  );
}
