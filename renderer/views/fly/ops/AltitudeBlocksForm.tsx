// The commander's altitude blocks in their usual form: drones at or below one height, manned
// aircraft at or above another (both above the drones' home). Empty field: no such block.
import { useState } from 'react';
import type { AltitudeBlock } from '../../../../shared/contract/ops-types';
import type { ContractErrorValue } from '../../../../shared/contract/types';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useT } from '../../../i18n/useT';
import { setAltitudeBlocks } from '../../../ops/actions';
import { useOpsStore } from '../../../stores/ops';

function valueOf(blocks: readonly AltitudeBlock[], id: string, field: 'minAltM' | 'maxAltM'): string {
  const v = blocks.find((b) => b.id === id)?.[field];
  return v === null || v === undefined ? '' : String(v);
}

export function AltitudeBlocksForm() {
  const t = useT();
  const blocks = useOpsStore((s) => s.traffic?.blocks ?? []);
  const [droneMax, setDroneMax] = useState(() => valueOf(blocks, 'drones', 'maxAltM'));
  const [mannedMin, setMannedMin] = useState(() => valueOf(blocks, 'manned', 'minAltM'));
  const [error, setError] = useState<ContractErrorValue | null>(null);
  const [applied, setApplied] = useState(false);
  const apply = async () => {
    const next: AltitudeBlock[] = [];
    const d = Number(droneMax);
    const m = Number(mannedMin);
    if (droneMax.trim() !== '' && Number.isFinite(d)) next.push({ id: 'drones', appliesTo: 'drones', label: t('ops.blocks.droneLabel', { alt: d }), minAltM: null, maxAltM: d, datum: 'rel' });
    if (mannedMin.trim() !== '' && Number.isFinite(m)) next.push({ id: 'manned', appliesTo: 'manned', label: t('ops.blocks.mannedLabel', { alt: m }), minAltM: m, maxAltM: null, datum: 'rel' });
    const out = await setAltitudeBlocks(next);
    setError(out.ok ? null : out.error);
    setApplied(out.ok);
  };
  return (
    <details className="ops-report" data-testid="altitude-blocks">
      <summary>
        {t('ops.blocks.title')} {blocks.length > 0 && <span className="panel-count">{blocks.length}</span>}
      </summary>
      <div className="ops-note-row">
        <label className="ops-alt">
          {t('ops.blocks.droneMax')}
          <input inputMode="decimal" value={droneMax} onChange={(e) => (setDroneMax(e.target.value), setApplied(false))} data-testid="block-drone-max" />
        </label>
        <label className="ops-alt">
          {t('ops.blocks.mannedMin')}
          <input inputMode="decimal" value={mannedMin} onChange={(e) => (setMannedMin(e.target.value), setApplied(false))} data-testid="block-manned-min" />
        </label>
        <button type="button" className="btn" onClick={() => void apply()} data-testid="blocks-apply">
          {applied ? `✓ ${t('ops.blocks.applied')}` : t('ops.blocks.apply')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </details>
  );
}
