// "Compare with vehicle": read the chosen vehicle's mission, fence and rally (downloadPlan) and show
// which items differ from the plan on screen, by the same rules as the upload's read-back (so
// ArduPilot's home, LOITER_TIME radius flag and RTL frame are not differences). The differing items
// are listed here (click selects one) and ringed on the map. The diff follows later edits live; New or Open closes it.
import { useEffect, useMemo, useState } from 'react';
import type { ContractErrorValue } from '../../../../shared/contract/types';
import type { ComparableField } from '../../../../shared/plan/mission-compare';
import type { Plan } from '../../../../shared/plan/types';
import { diffPlans, type ItemDiff } from '../../../../shared/planning';
import { ErrorMessage } from '../../../components/ErrorMessage';
import type { MessageKey } from '../../../i18n/en';
import { useT } from '../../../i18n/useT';
import { call } from '../../../stores/actions';
import { usePlanStore } from '../../../stores/plan';
import { usePlanUploadStore } from '../../../stores/planUpload';
import { selectVehicle, useVehiclesStore } from '../../../stores/vehicles';
import { autopilotFamily } from './family';
import { useShapeUi } from './shapeUiStore';

const FIELD_KEY: Record<ComparableField, MessageKey> = {
  command: 'plan.compare.field.command',
  frame: 'plan.compare.field.frame',
  autocontinue: 'plan.compare.field.autocontinue',
  param1: 'plan.compare.field.param1',
  param2: 'plan.compare.field.param2',
  param3: 'plan.compare.field.param3',
  param4: 'plan.compare.field.param4',
  param5: 'plan.compare.field.position',
  param6: 'plan.compare.field.position',
  param7: 'plan.compare.field.altitude',
};

function DiffRow(props: { d: ItemDiff }) {
  const t = useT();
  const selectItem = usePlanStore((s) => s.selectItem);
  const { d } = props;
  const what = d.status === 'changed' ? [...new Set(d.fields.map((f) => t(FIELD_KEY[f])))].join(', ') : t(d.status === 'onlyOnScreen' ? 'plan.compare.onlyOnScreen' : 'plan.compare.onlyOnVehicle');
  return (
    <li className="plan-issue plan-issue--error">
      <button type="button" disabled={d.index === undefined} onClick={() => selectItem(d.index ?? null)} data-testid="plan-compare-item" data-index={d.index}>
        <span className="plan-issue__where">{d.index === undefined ? t('plan.compare.seq', { seq: d.seq }) : t('plan.item', { n: d.index + 1 })}</span>
        {what}
      </button>
    </li>
  );
}

export function VehicleCompare(props: { plan: Plan; vehicleKey: string | null; busy: boolean }) {
  const t = useT();
  const vehicle = useVehiclesStore(selectVehicle(props.vehicleKey));
  const copy = useShapeUi((s) => s.vehicleCopy);
  const setCopy = useShapeUi((s) => s.setVehicleCopy);
  const [reading, setReading] = useState(false);
  const progress = usePlanUploadStore((s) => (reading && s.progress?.direction === 'download' ? s.progress : null));
  const edit = usePlanStore((s) => s.edit);
  const [error, setError] = useState<ContractErrorValue | null>(null);
  const shown = copy && copy.key === props.vehicleKey ? copy : null;
  // New or Open replaces the plan (a fresh one has no history, nor anything to redo): the comparison was
  // asked of the plan before, and ringing every item of the new one as "differs" only alarms the pilot.
  useEffect(() => usePlanStore.subscribe((s, prev) => {
    if (s.doc !== prev.doc && s.doc === s.savedDoc && s.past.length === 0 && s.future.length === 0) setCopy(null);
  }), [setCopy]);
  const diff = useMemo(() => (shown ? diffPlans(props.plan, shown.plan, autopilotFamily(shown.autopilot)) : null), [shown, props.plan]);

  const compare = async () => {
    if (!props.vehicleKey || !vehicle) return;
    setReading(true);
    setError(null);
    const out = await call('downloadPlan', { key: props.vehicleKey, types: ['mission', 'fence', 'rally'] });
    setReading(false);
    if (out.ok) setCopy({ key: props.vehicleKey, autopilot: vehicle.autopilot, plan: out.value, at: Date.now() });
    else setError(out.error);
  };

  return (
    <div className="plan-compare" data-testid="plan-compare">
      <div className="plan-row">
        <button type="button" className="btn" data-testid="plan-compare-button" disabled={!props.vehicleKey || reading || props.busy} onClick={() => void compare()}>
          {reading ? t('plan.compare.reading') : t('plan.compare.button')}
        </button>
        {shown && <button type="button" className="btn btn--small" data-testid="plan-compare-hide" onClick={() => setCopy(null)}>{t('plan.compare.hide')}</button>}
      </div>
      {progress && <p className="plan-hint" data-testid="plan-compare-progress">{t('plan.compare.progress', { done: progress.done, total: progress.total })}</p>}
      <ErrorMessage error={error} testId="plan-compare-error" />
      {diff && (
        <div data-testid="plan-compare-result" data-same={diff.same ? 'true' : 'false'}>
          <p className={diff.same ? 'plan-ok' : 'plan-warning'} data-testid="plan-compare-summary">
            {diff.same
              ? t('plan.compare.same', { n: diff.mission.vehicleCount })
              : t('plan.compare.differs', { n: diff.mission.items.length, screen: diff.mission.screenCount, vehicle: diff.mission.vehicleCount })}
          </p>
          {(['fence', 'rally'] as const).map((part) =>
            diff[part].items.length > 0 ? (
              <p key={part} className="plan-warning">{t(part === 'fence' ? 'plan.compare.fenceDiffers' : 'plan.compare.rallyDiffers', { screen: diff[part].screenCount, vehicle: diff[part].vehicleCount })}</p>
            ) : null,
          )}
          {!diff.same && shown && (
            // Undoable like any edit (Ctrl+Z brings the plan on screen back); the shapes, settings
            // and aircraft stay, the patterns go: the vehicle keeps plain items only.
            <button
              type="button"
              className="btn"
              data-testid="plan-compare-take"
              onClick={() => edit(t('plan.compare.takeEdit'), (d) => ({ ...d, plan: { ...shown.plan, mission: { ...shown.plan.mission, plannedHome: shown.plan.mission.plannedHome ?? d.plan.mission.plannedHome } }, patterns: [] }))}
            >
              {t('plan.compare.take')}
            </button>
          )}
          {diff.mission.items.length > 0 && (
            <ul className="plan-issues" data-testid="plan-compare-items">
              {diff.mission.items.slice(0, 200).map((d) => (
                <DiffRow key={d.seq} d={d} />
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
