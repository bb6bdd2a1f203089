// Plan view: build a plan on the map (items, shapes, patterns, fence, rally), see its statistics and
// checks on every edit, save it, and upload it. The parts:
//   edit/    items, item editor, mission settings, files, undo/redo, shortcuts, select/add on the map
//   shapes/  drawn and imported shapes, patterns, fence and rally, overrides, import/export
//   planLayers.ts the plan on the map; usePlanChecks.ts the checks; PlanToolbar.tsx the map tools.
import { useEffect, useMemo, useRef, useState } from 'react';
import { routePoints } from '../../../shared/plan/route';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { useLocalMessage, useT } from '../../i18n/useT';
import { MapView } from '../../map/MapView';
import { usePlanStore } from '../../stores/plan';
import { ChecksSection } from './ChecksSection';
import { MissionTab } from './edit/MissionTab';
import { PlanFileBar } from './edit/PlanFileBar';
import { useMapEditing } from './edit/useMapEditing';
import { usePlanShortcuts } from './edit/usePlanShortcuts';
import { addPlanLayers, fenceGeoJson, handlesGeoJson, legIssuesGeoJson, PLAN_LEG_ISSUES_SOURCE, planBounds, routeGeoJson, setPlanData } from './planLayers';
import { PlanStats } from './PlanStats';
import { PlanToolbar } from './PlanToolbar';
import { AltitudeProfile } from './profile/AltitudeProfile';
import { DrawHint } from './shapes/DrawHint';
import { FenceRallyTab } from './shapes/FenceRallyTab';
import { ShapesTab } from './shapes/ShapesTab';
import { useShapeDrawing } from './shapes/useShapeDrawing';
import { UploadPanel } from './UploadPanel';
import { usePlanChecks } from './usePlanChecks';
import '../../styles/plan.css';

const NO_VEHICLES: never[] = [];
const NO_TRAILS = {};
type Tab = 'mission' | 'shapes' | 'fence';
const TABS: readonly Tab[] = ['mission', 'shapes', 'fence'];

export function PlanView() {
  const t = useT();
  const local = useLocalMessage();
  const doc = usePlanStore((s) => s.doc);
  const dropped = usePlanStore((s) => s.dropped);
  const fileName = usePlanStore((s) => s.fileName);
  const error = usePlanStore((s) => s.error);
  const savedDoc = usePlanStore((s) => s.savedDoc);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [layersReady, setLayersReady] = useState(false);
  const [tab, setTab] = useState<Tab>('mission');
  const fitted = useRef<object | null>(null);
  const plan = doc?.plan ?? null;
  const patterns = doc?.patterns ?? [];

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

  useMapEditing(map, layersReady);
  useShapeDrawing(map, layersReady);
  usePlanShortcuts();

  // The route's places, once per edit, for the route, the handles and the flagged legs alike.
  const route = useMemo(() => (plan ? routePoints(plan) : []), [plan]);
  // Only the sources whose data changed are replaced: the selection is feature-state (useMapEditing),
  // so selecting an item does not resend a 2,000-point route.
  useEffect(() => {
    if (map && layersReady) setPlanData(map, routeGeoJson(plan, null, route), null, handlesGeoJson(plan, route));
  }, [map, layersReady, plan, route]);
  useEffect(() => {
    if (!map || !layersReady) return;
    setPlanData(map, null, fenceGeoJson(plan, patterns));
  }, [map, layersReady, plan, patterns]);
  // Fit the map to a plan when one is opened, not on every edit (the pilot keeps the view they chose).
  useEffect(() => {
    if (!map || !layersReady || !savedDoc || fitted.current === savedDoc) return;
    fitted.current = savedDoc;
    // A save also sets savedDoc but keeps the undo history; opening or starting a plan clears it.
    if (usePlanStore.getState().past.length > 0) return;
    const b = planBounds(savedDoc.plan);
    if (b) map.fitBounds(b, { padding: 60, duration: 0, maxZoom: 17 });
  }, [map, layersReady, savedDoc]);

  const issues = usePlanChecks(doc);
  // The legs the checks found wrong, red on the map beside their line in the checks list.
  useEffect(() => {
    if (map && layersReady) map.getSource<GeoJSONSource>(PLAN_LEG_ISSUES_SOURCE)?.setData(legIssuesGeoJson(plan, issues, route));
  }, [map, layersReady, plan, issues, route]);

  return (
    <div className="plan-view" data-testid="plan-view">
      <aside className="plan-panel panel">
        <PlanFileBar />
        {error && <p className="plan-error" role="alert" data-testid="plan-error">{local(error.message)}</p>}
        {!doc && !error && <p className="plan-hint">{t('plan.hint')}</p>}
        {doc && (
          <>
            <div className="panel-title">{fileName}</div>
            <PlanStats doc={doc} />
            {dropped.map((d) => (
              <p key={d.id} className="plan-warning">{local(d.reason)}</p>
            ))}
            <div className="plan-tabs" role="tablist">
              {TABS.map((k) => (
                <button key={k} type="button" role="tab" aria-selected={tab === k} className={`plan-tab${tab === k ? ' plan-tab--on' : ''}`} data-testid={`plan-tab-${k}`} onClick={() => setTab(k)}>
                  {t(`plan.tab.${k}`)}
                </button>
              ))}
            </div>
            {tab === 'mission' && <MissionTab />}
            {tab === 'shapes' && <ShapesTab />}
            {tab === 'fence' && <FenceRallyTab />}
            <UploadPanel plan={doc.plan} issues={issues} />
            <ChecksSection issues={issues} />
          </>
        )}
      </aside>
      <div className="map-column">
        {doc && <PlanToolbar />}
        {doc && <DrawHint />}
        <main className="map-area">
          <MapView vehicles={NO_VEHICLES} trails={NO_TRAILS} selectedKey={null} onSelectVehicle={() => undefined} follow={false} labels={{ followOn: '', followOff: '' }} onMap={setMap} />
        </main>
        <AltitudeProfile />
      </div>
    </div>
  );
}
