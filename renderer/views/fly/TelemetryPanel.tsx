// Everything the pilot reads off the selected vehicle. Unknown values show '—', never a stale zero.
import type { VehicleSnapshot } from '../../../shared/contract/types';
import { formatCoord, formatHeading, formatNumber, gpsFixName } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useSelectionStore } from '../../stores/selection';
import { selectVehicle, useVehiclesStore } from '../../stores/vehicles';
import { Readout } from './Readout';
import { StatusTextLine } from './StatusTextLine';

function batteryTone(pct: number | null): string | undefined {
  if (pct === null) return undefined;
  if (pct <= 20) return 'tone-danger';
  if (pct <= 35) return 'tone-warning';
  return undefined;
}

function gpsTone(fix: number | null): string | undefined {
  if (fix === null) return undefined;
  return fix < 3 ? 'tone-danger' : undefined;
}

/** The readouts of one vehicle; the Replay view shows a replayed vehicle with the same ones. */
export function TelemetryBody(props: { v: VehicleSnapshot }) {
  const t = useT();
  const v = props.v;
  return (
    <>
      <div className="tm-head">
        <span className="tm-callsign">{t('vehicle.callsign', { sysid: v.sysid })}</span>
        {v.linkLost && <span className="chip chip-lost">{t('vehicle.linkLost')}</span>}
      </div>
      {/* Above the numbers: the autopilot's warnings are what must not scroll out of sight. */}
      <StatusTextLine status={v.lastStatusText} />
      <div className="tm-grid">
        <Readout label={t('tm.mode')} value={v.mode || t('common.unknown')} testId="tm-mode" />
        <Readout
          label={t('tm.armed')}
          value={v.armed ? t('vehicle.armed') : t('vehicle.disarmed')}
          testId="tm-armed"
          className={v.armed ? 'tone-armed' : undefined}
        />
        <Readout label={t('tm.altRel')} value={formatNumber(t, v.altRelM, 1, 'unit.m')} testId="tm-alt-rel" />
        <Readout label={t('tm.altMsl')} value={formatNumber(t, v.altMslM, 1, 'unit.m')} testId="tm-alt-msl" />
        <Readout label={t('tm.groundSpeed')} value={formatNumber(t, v.groundSpeedMps, 1, 'unit.mps')} testId="tm-ground-speed" />
        <Readout label={t('tm.airSpeed')} value={formatNumber(t, v.airSpeedMps, 1, 'unit.mps')} testId="tm-air-speed" />
        <Readout label={t('tm.climb')} value={formatNumber(t, v.climbMps, 1, 'unit.mps')} testId="tm-climb" />
        <Readout label={t('tm.heading')} value={formatHeading(t, v.headingDeg)} testId="tm-heading" />
      </div>
      <div className="tm-grid tm-grid-3">
        <Readout label={t('tm.batteryPct')} value={formatNumber(t, v.batteryPct, 0, 'unit.pct')} testId="tm-battery-pct" className={batteryTone(v.batteryPct)} size="small" />
        <Readout label={t('tm.batteryV')} value={formatNumber(t, v.batteryV, 1, 'unit.v')} testId="tm-battery-v" size="small" />
        <Readout label={t('tm.batteryA')} value={formatNumber(t, v.batteryA, 1, 'unit.a')} testId="tm-battery-a" size="small" />
        <Readout label={t('tm.gpsFix')} value={gpsFixName(t, v.gpsFix)} testId="tm-gps-fix" className={gpsTone(v.gpsFix)} size="small" />
        <Readout label={t('tm.satellites')} value={formatNumber(t, v.satellites, 0)} testId="tm-satellites" size="small" />
        <Readout label={t('tm.hdop')} value={formatNumber(t, v.hdop, 1)} testId="tm-hdop" size="small" />
      </div>
      <div className="tm-grid tm-grid-3">
        <Readout
          label={t('tm.linkQuality')}
          value={v.linkLost ? t('vehicle.linkLost') : formatNumber(t, v.linkQualityPct, 0, 'unit.pct')}
          testId="tm-link-quality"
          className={v.linkLost ? 'tone-danger' : undefined}
          size="small"
        />
        <Readout
          label={`${t('tm.lat')} / ${t('tm.lon')}`}
          value={
            <>
              <span data-testid="tm-lat">{formatCoord(t, v.lat)}</span>
              <span className="coord-sep" aria-hidden="true" />
              <span data-testid="tm-lon">{formatCoord(t, v.lon)}</span>
            </>
          }
          testId="tm-position"
          size="small"
          className="readout-coords"
          wide
        />
      </div>
    </>
  );
}

export function TelemetryPanel() {
  const t = useT();
  const selectedKey = useSelectionStore((s) => s.selectedKey);
  const vehicle = useVehiclesStore(selectVehicle(selectedKey));
  return (
    <section className="panel telemetry" data-testid="telemetry-panel" aria-label={t('telemetry.title')}>
      <h2 className="panel-title">{t('telemetry.title')}</h2>
      {vehicle ? <TelemetryBody v={vehicle} /> : <p className="empty">{t('telemetry.none')}</p>}
    </section>
  );
}
