// A vehicle's MAVLink 2 signing state at a glance (vehicle list): signed / unsigned / bad signature.
import type { VehicleSigningState } from '../../../shared/contract/types';
import { useT } from '../../i18n/useT';
import '../../styles/security.css';

export function SigningChip(props: { state: VehicleSigningState | undefined }) {
  const t = useT();
  const state = props.state ?? 'unsigned';
  return (
    <span className={`chip vr-signing signing-${state}`} data-testid="signing-chip" data-state={state} title={t(`security.signing.title.${state}`)}>
      {t(`security.signing.${state}`)}
    </span>
  );
}
