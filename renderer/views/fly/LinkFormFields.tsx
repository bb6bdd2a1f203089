// The fields for one kind of link; the parent owns the form state and builds the spec.
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { BAUD_RATES, LINK_CHOICES, type LinkForm } from './link-spec';
import { SerialPortField } from './SerialPortField';

type Change = (patch: Partial<LinkForm>) => void;

function TextField(props: { id: string; label: string; value: string; onChange: (v: string) => void; inputMode?: 'numeric' | 'text'; width?: 'short' }) {
  return (
    <div className={`field${props.width === 'short' ? ' field-short' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        data-testid={props.id}
        value={props.value}
        inputMode={props.inputMode}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

export function LinkKindPicker(props: { form: LinkForm; onChange: Change }) {
  const t = useT();
  return (
    <div className="segmented" role="radiogroup" aria-label={t('connect.kind')}>
      {LINK_CHOICES.map((k) => (
        <button
          key={k}
          type="button"
          role="radio"
          aria-checked={props.form.kind === k}
          data-testid={`link-kind-${k}`}
          className={props.form.kind === k ? 'active' : ''}
          onClick={() => props.onChange({ kind: k })}
        >
          {t(`connect.kind.${k}` as MessageKey)}
        </button>
      ))}
    </div>
  );
}

export function LinkFormFields(props: { form: LinkForm; onChange: Change }) {
  const t = useT();
  const { form, onChange } = props;
  switch (form.kind) {
    case 'udp':
      return (
        <div className="field-row">
          <TextField id="udp-port" label={t('connect.port')} value={form.udpListenPort} inputMode="numeric" width="short" onChange={(v) => onChange({ udpListenPort: v })} />
        </div>
      );
    case 'udpout':
      return (
        <div className="field-row">
          <TextField id="udpout-host" label={t('connect.host')} value={form.udpoutHost} onChange={(v) => onChange({ udpoutHost: v })} />
          <TextField id="udpout-port" label={t('connect.port')} value={form.udpoutPort} inputMode="numeric" width="short" onChange={(v) => onChange({ udpoutPort: v })} />
        </div>
      );
    case 'tcp':
      return (
        <div className="field-row">
          <TextField id="tcp-host" label={t('connect.host')} value={form.tcpHost} onChange={(v) => onChange({ tcpHost: v })} />
          <TextField id="tcp-port" label={t('connect.port')} value={form.tcpPort} inputMode="numeric" width="short" onChange={(v) => onChange({ tcpPort: v })} />
        </div>
      );
    case 'serial':
      return (
        <div className="field-row">
          <SerialPortField value={form.serialPath} onChange={(serialPath) => onChange({ serialPath })} />
          <div className="field field-short">
            <label htmlFor="serial-baud">{t('connect.baud')}</label>
            <select id="serial-baud" data-testid="serial-baud" value={form.baud} onChange={(e) => onChange({ baud: Number(e.target.value) })}>
              {BAUD_RATES.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </div>
        </div>
      );
  }
}
