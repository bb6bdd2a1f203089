// Guided actions on the selected vehicle, each behind a hold-to-confirm, each showing the vehicle's
// answer (accepted, or denied with its reason). Points (go to, camera) are picked on the map.
// Commanders and observers see why there are no buttons: the station refuses their commands anyway.
import { useState } from 'react';
import type { CallParams } from '../../../../shared/contract/api';
import type { ContractErrorValue, UserMessage } from '../../../../shared/contract/types';
import type { MessageKey } from '../../../i18n/translate';
import { useLocalMessage, useT } from '../../../i18n/useT';
import { sendCommand } from '../../../ops/actions';
import { selectMayFly, useConnectionStore } from '../../../stores/connection';
import { useOpsStore, type MapPick } from '../../../stores/ops';
import { useSelectionStore } from '../../../stores/selection';
import { selectVehicle, useVehiclesStore } from '../../../stores/vehicles';
import { HoldButton } from './HoldButton';

type Answer = { ok: boolean; message: UserMessage; code: string } | null;

export function GuidedActions() {
  const t = useT();
  const local = useLocalMessage();
  const mayFly = useConnectionStore(selectMayFly);
  const key = useSelectionStore((s) => s.selectedKey);
  const v = useVehiclesStore(selectVehicle(key));
  const pick = useOpsStore((s) => s.pick);
  const picked = useOpsStore((s) => s.picked);
  const setPick = useOpsStore((s) => s.setPick);
  const [altM, setAltM] = useState(30);
  const [busy, setBusy] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Answer>(null);

  if (!mayFly) {
    return (
      <section className="panel ops-guided" data-testid="guided-actions">
        <h2 className="panel-title">{t('ops.guided.title')}</h2>
        <p className="empty" data-testid="guided-watch-only">{t('ops.guided.watchOnly')}</p>
      </section>
    );
  }
  if (!v) return null;

  const run = async (labelKey: MessageKey, params: CallParams<'command'>) => {
    setBusy(t(labelKey));
    setAnswer(null);
    const out = await sendCommand(params);
    setBusy(null);
    if (out.ok) setAnswer({ ok: out.value.ok, message: out.value.message, code: out.value.outcome });
    else setAnswer({ ok: false, message: (out.error as ContractErrorValue).message, code: out.error.code });
  };
  const point = (mode: MapPick) => (pick === mode ? picked : null);
  const pickButton = (mode: MapPick, labelKey: MessageKey) => (
    <button type="button" className={`chip-button${pick === mode ? ' active' : ''}`} onClick={() => setPick(pick === mode ? null : mode)} data-testid={`pick-${mode}`}>
      {pick === mode && picked ? t('ops.guided.picked', { lat: picked.lat.toFixed(5), lon: picked.lon.toFixed(5) }) : pick === mode ? t('ops.guided.pickFirst') : t(labelKey)}
    </button>
  );
  const k = v.key;
  const hold = (labelKey: MessageKey, params: CallParams<'command'> | null, testId: string, tone?: 'danger') => (
    <HoldButton title={t('ops.guided.hold')} disabled={busy !== null || params === null} onConfirm={() => params && void run(labelKey, params)} testId={testId} tone={tone}>
      {t(labelKey)}
    </HoldButton>
  );
  const gotoPt = point('goto');
  const roiPt = point('roi');
  return (
    <section className="panel ops-guided" data-testid="guided-actions" aria-label={t('ops.guided.title')}>
      <h2 className="panel-title">
        {t('ops.guided.title')} <span className="ops-hint">{t('ops.guided.hold')}</span>
      </h2>
      <div className="ops-guided-grid">
        {hold('ops.guided.arm', { key: k, action: 'arm' }, 'guided-arm', 'danger')}
        {hold('ops.guided.takeoff', { key: k, action: 'takeoff', altM }, 'guided-takeoff')}
        <label className="ops-alt">
          {t('ops.guided.altitude')}
          <input type="number" min={1} max={500} step={1} value={altM} onChange={(e) => setAltM(Math.max(1, Math.min(500, Number(e.target.value) || 1)))} data-testid="guided-alt" />
        </label>
        {hold('ops.guided.missionStart', { key: k, action: 'missionStart' }, 'guided-mission')}
        {hold('ops.guided.pause', { key: k, action: 'pause' }, 'guided-pause')}
        {hold('ops.guided.continue', { key: k, action: 'continue' }, 'guided-continue')}
        {hold('ops.guided.rtl', { key: k, action: 'rtl' }, 'guided-rtl')}
        {hold('ops.guided.land', { key: k, action: 'land' }, 'guided-land')}
        {hold('ops.guided.changeAlt', v.lat !== null && v.lon !== null ? { key: k, action: 'goto', lat: v.lat, lon: v.lon, altM } : null, 'guided-change-alt')}
      </div>
      <div className="ops-guided-grid">
        {pickButton('goto', 'ops.guided.goto')}
        {hold('ops.guided.goto', gotoPt ? { key: k, action: 'goto', lat: gotoPt.lat, lon: gotoPt.lon, altM } : null, 'guided-goto')}
        {pickButton('roi', 'ops.guided.roi')}
        {hold('ops.guided.roi', roiPt ? { key: k, action: 'setRoi', lat: roiPt.lat, lon: roiPt.lon, altM: 0 } : null, 'guided-roi')}
      </div>
      {busy && <p className="ops-answer" role="status">{t('ops.guided.sending', { action: busy })}</p>}
      {answer && (
        <p className={`ops-answer ${answer.ok ? 'ok' : 'error-text'}`} role="status" data-testid="guided-answer" data-code={answer.code}>
          {local(answer.message)}
        </p>
      )}
    </section>
  );
}
