// Overwatch stations: the plan's point shapes, or points clicked on the map for this pattern.
import { useEffect, useMemo, useRef } from 'react';
import type { LatLon } from '../../../../shared/plan/types';
import { useT } from '../../../i18n/useT';
import { usePlanStore } from '../../../stores/plan';
import { useShapeUi } from './shapeUiStore';

export function StationsPicker(props: { stations: LatLon[]; onStations: (s: LatLon[]) => void }) {
  const t = useT();
  const shapes = usePlanStore((s) => s.doc?.shapes);
  const points = useMemo(() => (shapes ?? []).filter((x) => x.kind === 'point'), [shapes]);
  const { pickingStations, pickedStations, setPicking, setPickedStations } = useShapeUi();
  const setTool = usePlanStore((s) => s.setTool);
  // A ref, so a parent's new callback each render does not re-run the effect (and loop).
  const onStationsRef = useRef(props.onStations);
  onStationsRef.current = props.onStations;
  const onStations = (s: LatLon[]) => onStationsRef.current(s);
  useEffect(() => {
    if (pickingStations && pickedStations.length > 0) onStationsRef.current(pickedStations);
  }, [pickingStations, pickedStations]);
  useEffect(() => () => setPicking(false), [setPicking]);
  return (
    <div className="plan-stations" data-testid="pattern-stations">
      <span>{t('plan.pattern.stations', { n: props.stations.length })}</span>
      <div className="plan-row">
        <button type="button" className="btn" disabled={points.length === 0} data-testid="pattern-use-points" onClick={() => onStations(points.map((p) => p.points[0]))}>
          {t('plan.pattern.usePoints', { n: points.length })}
        </button>
        {pickingStations ? (
          <button type="button" className="btn plan-tool--on" data-testid="pattern-pick-done" onClick={() => (setPicking(false), setTool('select'))}>{t('plan.pattern.pickDone')}</button>
        ) : (
          <button type="button" className="btn" data-testid="pattern-pick" onClick={() => (setTool('drawPoint'), setPickedStations([]), setPicking(true))}>{t('plan.pattern.pick')}</button>
        )}
      </div>
      {pickingStations && <p className="plan-hint">{t('plan.pattern.pickHint')}</p>}
    </div>
  );
}
