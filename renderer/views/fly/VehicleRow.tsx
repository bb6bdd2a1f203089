// One vehicle in the list: enough to spot the one in trouble without selecting it.
import { memo } from 'react';
import type { VehicleSnapshot } from '../../../shared/contract/types';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { SigningChip } from '../security/SigningChip';

function batteryTone(pct: number | null): string {
  if (pct === null) return '';
  if (pct <= 20) return 'tone-danger';
  if (pct <= 35) return 'tone-warning';
  return '';
}

export const VehicleRow = memo(function VehicleRow(props: { vehicle: VehicleSnapshot; selected: boolean; onSelect: (key: string) => void }) {
  const t = useT();
  const v = props.vehicle;
  return (
    <li>
      <button
        type="button"
        className={`vehicle-row${props.selected ? ' selected' : ''}${v.linkLost ? ' lost' : ''}`}
        data-testid="vehicle-row"
        data-key={v.key}
        aria-pressed={props.selected}
        onClick={() => props.onSelect(v.key)}
      >
        <span className="vr-callsign">{t('vehicle.callsign', { sysid: v.sysid })}</span>
        <span className="vr-mode">{v.mode || t('common.unknown')}</span>
        <span className={`chip ${v.armed ? 'chip-armed' : 'chip-disarmed'}`}>{v.armed ? t('vehicle.armed') : t('vehicle.disarmed')}</span>
        <span className={`vr-batt ${batteryTone(v.batteryPct)}`}>
          <span className="vr-label">{t('vehicle.battery')}</span> {formatNumber(t, v.batteryPct, 0, 'unit.pct')}
        </span>
        {v.linkLost ? (
          <span className="vr-link tone-danger vr-lost">{t('vehicle.linkLost')}</span>
        ) : (
          <span className="vr-link">
            <span className="vr-label">{t('vehicle.link')}</span> {formatNumber(t, v.linkQualityPct, 0, 'unit.pct')}
          </span>
        )}
        <SigningChip state={v.signing} />
      </button>
    </li>
  );
});
