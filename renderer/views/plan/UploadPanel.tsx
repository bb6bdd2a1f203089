// Upload the open plan to a chosen vehicle, with progress and the verification result.
import type { Plan } from '../../../shared/plan/types';
import { useLocalMessage, useT } from '../../i18n/useT';
import { usePlanUploadStore } from '../../stores/planUpload';
import { selectVehicleList, useVehiclesStore } from '../../stores/vehicles';

export function UploadPanel({ plan }: { plan: Plan }) {
  const t = useT();
  const local = useLocalMessage();
  const vehicles = useVehiclesStore(selectVehicleList);
  const { vehicleKey, busy, progress, result, error, chooseVehicle, upload } = usePlanUploadStore();
  const chosen = vehicles.some((v) => v.key === vehicleKey) ? vehicleKey : null;
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
      <button type="button" className="btn" data-testid="plan-upload" disabled={!chosen || busy || plan.mission.items.length === 0} onClick={() => void upload(plan)}>
        {t('plan.uploadButton')}
      </button>
      {busy && progress && (
        <p className="plan-hint" data-testid="plan-upload-progress">
          {t(progress.direction === 'upload' ? 'plan.sending' : 'plan.verifying', { done: progress.done, total: progress.total })}
        </p>
      )}
      {result && (
        <p className={result.verified ? 'plan-ok' : 'plan-warning'} data-testid="plan-upload-result">
          {t(result.verified ? 'plan.uploadedVerified' : 'plan.uploadedUnverified', { n: plan.mission.items.length })}
        </p>
      )}
      {error && <p className="plan-error" role="alert">{local(error.message)}</p>}
    </div>
  );
}
