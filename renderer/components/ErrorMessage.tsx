// A contract error, in the UI's language. The code stays in a data attribute for tests and support.
import type { ContractErrorValue } from '../../shared/contract/types';
import { useLocalMessage } from '../i18n/useT';

export function ErrorMessage(props: { error: ContractErrorValue | null; testId?: string }) {
  const local = useLocalMessage();
  if (!props.error) return null;
  return (
    <p className="error-text" role="alert" data-code={props.error.code} data-testid={props.testId}>
      {local(props.error.message)}
    </p>
  );
}
