// The selected replayed vehicle's instruments: the Fly view's own readouts, fed from the replay.
import { useT } from '../../i18n/useT';
import { useReplayStore } from '../../stores/replay';
import { TelemetryBody } from '../fly/TelemetryPanel';

export function ReplayTelemetry() {
  const t = useT();
  const v = useReplayStore((s) => (s.selectedKey ? s.byKey[s.selectedKey] : undefined) ?? s.vehicles[0] ?? null);
  return (
    <section className="telemetry replay-telemetry" data-testid="replay-telemetry">
      {v ? <TelemetryBody v={v} /> : <p className="empty">{t('telemetry.none')}</p>}
    </section>
  );
}
