// The selected drone's flight instruments beside its numbers: attitude, flight time since arming,
// distance to home and battery time left (both worked out by the station, the same on every screen).
import type { VehicleSnapshot } from '../../../../shared/contract/types';
import { distanceM } from '../../../../shared/geo/distance';
import { useNow } from '../../../components/useNow';
import { formatHeading, formatNumber } from '../../../i18n/format';
import { useT } from '../../../i18n/useT';
import { useOpsStore } from '../../../stores/ops';
import { useSelectionStore } from '../../../stores/selection';
import { selectVehicle, useVehiclesStore } from '../../../stores/vehicles';
import { Readout } from '../Readout';
import { AttitudeIndicator } from './AttitudeIndicator';

export function durationText(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function OpsInstruments() {
  const key = useSelectionStore((s) => s.selectedKey);
  const v = useVehiclesStore(selectVehicle(key));
  const est = useOpsStore((s) => (key ? s.estimates[key] : undefined));
  const now = useNow(est?.armedSinceMs != null, 1000);
  if (!v) return null;
  const flightS = est?.armedSinceMs != null ? (now - est.armedSinceMs) / 1000 : null;
  return <InstrumentsBody v={v} flightS={flightS} batteryLeftS={est?.batteryTimeLeftS ?? null} />;
}

/** The instruments of one vehicle, live or replayed: the caller works out flight time and battery time left. */
export function InstrumentsBody({ v, flightS, batteryLeftS }: { v: VehicleSnapshot; flightS: number | null; batteryLeftS: number | null }) {
  const t = useT();
  const flight = durationText(flightS);
  const home = v.home && v.lat !== null && v.lon !== null ? distanceM(v.home, { lat: v.lat, lon: v.lon }) : null;
  const left = durationText(batteryLeftS);
  return (
    <section className="panel ops-instruments" data-testid="ops-instruments">
      <AttitudeIndicator rollDeg={v.rollDeg} pitchDeg={v.pitchDeg} headingText={formatHeading(t, v.headingDeg)} label={t('ops.inst.attitude')} />
      <div className="ops-inst-readouts">
        <Readout label={t('ops.inst.flightTime')} value={flight ?? t('common.unknown')} testId="inst-flight-time" size="small" />
        <Readout label={t('ops.inst.distHome')} value={formatNumber(t, home, 0, 'unit.m')} testId="inst-dist-home" size="small" />
        <Readout label={t('ops.inst.timeLeft')} value={left ?? t('common.unknown')} testId="inst-time-left" size="small" />
      </div>
    </section>
  );
}
