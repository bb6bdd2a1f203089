// Upload the open plan to a chosen vehicle, with progress and the verification result. Refused while
// any check error is not overridden (the button says why); warnings do not block. "Compare with
// vehicle" reads the vehicle's lists and shows where they differ from the plan on screen.
import { useMemo, useState } from 'react';
import { overrideStatus, type PlanIssue } from '../../../shared/planning';
import type { Plan } from '../../../shared/plan/types';
import { useLocalMessage, useT } from '../../i18n/useT';
import { usePlanStore } from '../../stores/plan';
import { usePlanUploadStore } from '../../stores/planUpload';
import { selectVehicleList, useVehiclesStore } from '../../stores/vehicles';
import { VehicleCompare } from './shapes/VehicleCompare';

const NONE: never[] = [];

export function UploadPanel({ plan, issues = NONE }: { plan: Plan; issues?: PlanIssue[] }) {
  const t = useT();
  const local = useLocalMessage();
  const vehicles = useVehiclesStore(selectVehicleList);
  const overrides = usePlanStore((s) => s.doc?.overrides ?? NONE);
  const { vehicleKey, busy, progress, result, error, chooseVehicle, upload } = usePlanUploadStore();
  const chosen = vehicles.some((v) => v.key === vehicleKey) ? vehicleKey : null;
  const blocking = useMemo(() => overrideStatus(issues, overrides).blocking, [issues, overrides]);
  // The plan as it was sent: it may be edited, or replaced by New or Open, while or after it uploads.
  // The result then speaks of the earlier plan, and must not read as if it were the one on screen.
  const [sent, setSent] = useState<Plan | null>(null);
  const sentCount = sent?.mission.items.length ?? 0;
  const changedSince = sent !== plan;
  const why = plan.mission.items.length === 0 ? t('plan.upload.noItems') : blocking.length > 0 ? t('plan.upload.blocked', { n: blocking.length }) : !chosen ? t('plan.upload.noVehicle') : null;
  return (
    <div className="plan-upload">
      <div className="panel-title">{t('plan.upload')}</div>
      <select data-testid="plan-upload-vehicle" value={chosen ?? ''} onChange={(e) => chooseVehicle(e.target.value === '' ? null : e.target.value)}>
        <option value="">{vehicles.length === 0 ? t('plan.noVehicles') : t('plan.chooseVehicle')}</option>
        {vehicles.map((v) => (
          <option key={v.key} value={v.key}>
            {t('vehicle.callsign', { sysid: v.sysid })}
          </option>
        ))}
      </select>
      <button type="button" className="btn" data-testid="plan-upload" disabled={why !== null || busy} title={why ?? undefined} onClick={() => (setSent(plan), void upload(plan))}>
        {t('plan.uploadButton')}
      </button>
      {why !== null && blocking.length > 0 && <p className="plan-error" data-testid="plan-upload-blocked">{why}</p>}
      {busy && progress && (
        <p className="plan-hint" data-testid="plan-upload-progress">
          {t(progress.direction === 'upload' ? 'plan.sending' : 'plan.verifying', { done: progress.done, total: progress.total })}
        </p>
      )}
      {result && !changedSince && (
        <p className={result.verified ? 'plan-ok' : 'plan-warning'} data-testid="plan-upload-result">
          {t(result.verified ? 'plan.uploadedVerified' : 'plan.uploadedUnverified', { n: sentCount })}
        </p>
      )}
      {result && changedSince && (
        <p className="plan-hint" data-testid="plan-upload-result-old">
          {t('plan.upload.changedSince')}
        </p>
      )}
      {error && <p className="plan-error" role="alert">{local(error.message)}</p>}
      <VehicleCompare plan={plan} vehicleKey={chosen} busy={busy} />
    </div>
  );
}
