// The serial ports the station can see (not the browser's: the radio is plugged into the station).
import { useCallback, useEffect, useState } from 'react';
import type { ContractErrorValue, SerialPortInfo } from '../../../shared/contract/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/useT';
import { listSerialPorts } from '../../stores/actions';

export function SerialPortField(props: { value: string; onChange: (path: string) => void }) {
  const t = useT();
  const [ports, setPorts] = useState<SerialPortInfo[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ContractErrorValue | null>(null);
  const { value, onChange } = props;

  const refresh = useCallback(async () => {
    setLoading(true);
    setError(null);
    const out = await listSerialPorts();
    setLoading(false);
    if (!out.ok) {
      setError(out.error);
      return;
    }
    const list = Array.isArray(out.value) ? out.value.filter((p) => typeof p?.path === 'string') : [];
    setPorts(list);
    // Keep the pilot's choice if it is still there; otherwise take the first, the usual single radio.
    if (!list.some((p) => p.path === value)) onChange(list[0]?.path ?? '');
  }, [value, onChange]);

  useEffect(() => {
    void refresh();
    // Only on mount: later refreshes are the pilot's call (after plugging in a radio).
  }, []);

  return (
    <div className="field">
      <label htmlFor="serial-port">{t('connect.serialPort')}</label>
      <div className="field-row">
        <select id="serial-port" data-testid="serial-port" value={value} onChange={(e) => onChange(e.target.value)} disabled={ports.length === 0}>
          {ports.length === 0 && <option value="">{t('connect.noPorts')}</option>}
          {ports.map((p) => (
            <option key={p.path} value={p.path}>
              {p.manufacturer ? `${p.path} (${p.manufacturer})` : p.path}
            </option>
          ))}
        </select>
        <button type="button" className="btn" data-testid="serial-refresh" onClick={() => void refresh()} disabled={loading}>
          {t('connect.refresh')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}
