// Start or stop the station's simulator: the demo, and the way to try the UI without a drone; with the
// simulated police helicopter when asked, to see the traffic and separation alerts work.
import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/useT';
import type { ContractErrorValue } from '../../../shared/contract/types';
import { startSimulator, stopSimulator } from '../../stores/actions';
import { selectMayFly, useConnectionStore } from '../../stores/connection';
import { selectSimulatorRunning, useSimulatorStore } from '../../stores/simulator';

const MAX_SIM_VEHICLES = 20;

export function SimulatorControls() {
  const t = useT();
  const running = useSimulatorStore(selectSimulatorRunning);
  const mayFly = useConnectionStore(selectMayFly);
  // Said on the button, not only refused by the station: a commander should know why it is grey.
  const refusedTitle = useConnectionStore((s) => (s.status === 'connected' && !selectMayFly(s) ? 'role.notAllowed' : null));
  const [count, setCount] = useState(1);
  const [helicopter, setHelicopter] = useState(false);
  const withHelicopter = useSimulatorStore((s) => s.info?.running === true && s.info.helicopter === true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractErrorValue | null>(null);

  const run = async (action: () => ReturnType<typeof stopSimulator>) => {
    setBusy(true);
    setError(null);
    const out = await action();
    setBusy(false);
    if (!out.ok) setError(out.error);
  };

  return (
    <div className="sim-controls">
      {running ? (
        <button
          type="button"
          className="btn btn-warn"
          data-testid="sim-stop"
          data-helicopter={withHelicopter}
          disabled={!mayFly || busy}
          title={refusedTitle ? t(refusedTitle) : withHelicopter ? t('sim.running.helicopter') : undefined}
          onClick={() => run(stopSimulator)}
        >
          {t('sim.stop')}
        </button>
      ) : (
        <>
          <label className="sim-count" title={t('sim.count')}>
            <span className="visually-hidden">{t('sim.count')}</span>
            <input
              type="number"
              min={1}
              max={MAX_SIM_VEHICLES}
              value={count}
              data-testid="sim-count"
              disabled={!mayFly || busy}
              aria-label={t('sim.count')}
              onChange={(e) => {
                const n = Math.round(Number(e.target.value));
                setCount(Number.isFinite(n) ? Math.min(MAX_SIM_VEHICLES, Math.max(1, n)) : 1);
              }}
            />
          </label>
          <label className="sim-helicopter" title={t('sim.helicopter.title')}>
            <input type="checkbox" data-testid="sim-helicopter" checked={helicopter} disabled={!mayFly || busy} onChange={(e) => setHelicopter(e.target.checked)} />
            {t('sim.helicopter')}
          </label>
          <button type="button" className="btn btn-primary" data-testid="sim-start" disabled={!mayFly || busy} title={refusedTitle ? t(refusedTitle) : undefined} onClick={() => run(() => startSimulator(count, helicopter))}>
            {t('sim.start')}
          </button>
        </>
      )}
      {error && (
        <div className="toast" onClick={() => setError(null)}>
          <ErrorMessage error={error} testId="sim-error" />
        </div>
      )}
    </div>
  );
}
