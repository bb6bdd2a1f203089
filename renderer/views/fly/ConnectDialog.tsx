// Open a MAVLink link (UDP, TCP, serial) and see the ones already open.
import { useCallback, useState, type FormEvent } from 'react';
import type { ContractErrorValue } from '../../../shared/contract/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from '../../components/Modal';
import { bothLanguages } from '../../i18n/translate';
import { useT } from '../../i18n/useT';
import { openLink } from '../../stores/actions';
import { buildLinkSpec, DEFAULT_LINK_FORM, type LinkForm } from './link-spec';
import { LinkFormFields, LinkKindPicker } from './LinkFormFields';
import { LinkList } from './LinkList';

export function ConnectDialog(props: { onClose: () => void }) {
  const t = useT();
  const [form, setForm] = useState<LinkForm>(DEFAULT_LINK_FORM);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractErrorValue | null>(null);
  const change = useCallback((patch: Partial<LinkForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setError(null);
  }, []);
  const built = buildLinkSpec(form);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!built.ok) {
      setError({ code: 'invalid_input', message: bothLanguages(built.error) });
      return;
    }
    setBusy(true);
    setError(null);
    const out = await openLink(built.spec);
    setBusy(false);
    if (!out.ok) setError(out.error);
  };

  return (
    <Modal title={t('connect.title')} onClose={props.onClose} testId="connect-dialog">
      <form className="link-form" onSubmit={(e) => void submit(e)} noValidate>
        <h3>{t('connect.newLink')}</h3>
        <LinkKindPicker form={form} onChange={change} />
        <LinkFormFields form={form} onChange={change} />
        <div className="form-footer">
          <code className="spec-preview" data-testid="link-spec">
            {built.ok ? t('connect.spec', { spec: built.spec }) : t('common.unknown')}
          </code>
          <button type="submit" className="btn btn-primary" data-testid="link-open" disabled={busy}>
            {busy ? t('connect.opening') : t('connect.open')}
          </button>
        </div>
        <ErrorMessage error={error} testId="connect-error" />
      </form>
      <LinkList />
    </Modal>
  );
}
