// The selected replayed vehicle's instruments: the Fly view's own readouts and instruments, fed from the replay.
import { useMemo } from 'react';
import { useT } from '../../i18n/useT';
import { useReplayStore } from '../../stores/replay';
import { InstrumentsBody } from '../fly/ops/OpsInstruments';
import { TelemetryBody } from '../fly/TelemetryPanel';
import { replayFlightTimeS } from './replayFlightTime';

export function ReplayTelemetry() {
  const t = useT();
  const v = useReplayStore((s) => (s.selectedKey ? s.byKey[s.selectedKey] : undefined) ?? s.vehicles[0] ?? null);
  const marks = useReplayStore((s) => s.info?.marks);
  const tMs = useReplayStore((s) => s.state.tMs);
  // Marks are in time order (the index builds them so); sorting a copy keeps that true for any source.
  const sorted = useMemo(() => [...(marks ?? [])].sort((a, b) => a.tMs - b.tMs), [marks]);
  const flightS = v ? replayFlightTimeS(sorted, v.key, tMs) : null;
  return (
    <>
      {v && <InstrumentsBody v={v} flightS={flightS} batteryLeftS={null} />}
      <section className="telemetry replay-telemetry" data-testid="replay-telemetry">
        {v ? <TelemetryBody v={v} /> : <p className="empty">{t('telemetry.none')}</p>}
      </section>
    </>
  );
}
