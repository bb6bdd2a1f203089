// Mission settings (takeoff altitude, default altitude and speed, end action), the planned home, and
// the aircraft profile the checks budget against. A setting that shapes the items (takeoff, start
// speed, end action) is applied to them at once, in the same undo step.
import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import { usePlanStore } from '../../../stores/plan';
import { applySettings, type AircraftProfile, type EndAction, type MissionSettings, type PlanDoc } from '../../../../shared/planning';
import { applyOp, opLabel } from './editActions';
import { loadProfiles, saveProfile } from './aircraftProfiles';
import { NumberField } from './NumberField';

const END_ACTIONS: readonly EndAction[] = ['rtl', 'land', 'loiter'];

function setSettings(patch: Partial<MissionSettings>): void {
  applyOp('planEdit.op.settings', (doc) => applySettings(doc, { ...doc.settings, ...patch }));
}

function setAircraft(patch: Partial<AircraftProfile>): void {
  usePlanStore.getState().edit(opLabel('planEdit.op.aircraft'), (doc): PlanDoc => ({ ...doc, aircraft: { ...doc.aircraft, ...patch } }));
}

function setHomeAlt(altMslM: number): void {
  usePlanStore.getState().edit(opLabel('planEdit.op.homeAlt'), (doc): PlanDoc => {
    const home = doc.plan.mission.plannedHome;
    return home ? { ...doc, plan: { ...doc.plan, mission: { ...doc.plan.mission, plannedHome: { ...home, altMslM } } } } : doc;
  });
}

/** The unit's saved aircraft types: pick one for this plan, or keep what is typed below as a new one. */
function ProfilePicker({ current }: { current: AircraftProfile }) {
  const t = useT();
  const [profiles, setProfiles] = useState(loadProfiles);
  const [saved, setSaved] = useState<boolean | null>(null);
  const same = (p: AircraftProfile) => p.name === current.name && p.cruiseSpeedMps === current.cruiseSpeedMps && p.enduranceS === current.enduranceS && p.reservePct === current.reservePct;
  const chosen = profiles.findIndex(same);
  return (
    <div className="pe-row-tools">
      <select
        aria-label={t('planEdit.profile')}
        data-testid="pe-profile"
        value={chosen >= 0 ? String(chosen) : ''}
        onChange={(e) => {
          const p = profiles[Number(e.target.value)];
          if (p) setAircraft(p);
          setSaved(null);
        }}
      >
        {chosen < 0 && <option value="">{t('planEdit.profileCustom')}</option>}
        {profiles.map((p, i) => (
          <option key={p.name} value={String(i)}>
            {t('planEdit.profileOption', { name: p.name, min: Math.round(p.enduranceS / 60), mps: p.cruiseSpeedMps })}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="btn btn--small"
        data-testid="pe-profile-save"
        disabled={chosen >= 0}
        onClick={() => {
          const next = saveProfile(current);
          if (next) setProfiles(next);
          setSaved(next !== null);
        }}
      >
        {t('planEdit.profileSave')}
      </button>
      {saved === false && <span className="plan-error">{t('planEdit.profileNotSaved')}</span>}
    </div>
  );
}

export function MissionSettingsSection() {
  const t = useT();
  const doc = usePlanStore((s) => s.doc);
  if (!doc) return null;
  const { settings, aircraft } = doc;
  const home = doc.plan.mission.plannedHome;
  return (
    <details className="pe-settings" open data-testid="pe-settings">
      <summary>{t('planEdit.settings')}</summary>
      <div className="pe-grid">
        <label>{t('planEdit.takeoffAlt')}</label>
        <span>
          <NumberField label={t('planEdit.takeoffAlt')} value={settings.takeoffAltM} min={1} max={10_000} testId="pe-takeoff-alt" onCommit={(v) => setSettings({ takeoffAltM: v })} /> {t('unit.m')}
        </span>
        <label>{t('planEdit.defaultAlt')}</label>
        <span>
          <NumberField label={t('planEdit.defaultAlt')} value={settings.defaultAltM} min={-500} max={10_000} testId="pe-default-alt" onCommit={(v) => usePlanStore.getState().edit(opLabel('planEdit.op.settings'), (d) => ({ ...d, settings: { ...d.settings, defaultAltM: v } }))} /> {t('unit.m')}
        </span>
        <label>{t('planEdit.defaultSpeed')}</label>
        <span>
          <NumberField label={t('planEdit.defaultSpeed')} value={settings.defaultSpeedMps} min={0.1} max={100} testId="pe-default-speed" onCommit={(v) => setSettings({ defaultSpeedMps: v })} /> {t('unit.mps')}
        </span>
        <label>{t('planEdit.endAction')}</label>
        <select className="pe-select" data-testid="pe-end-action" value={settings.endAction} onChange={(e) => setSettings({ endAction: e.target.value as EndAction })}>
          {END_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`planEdit.end.${a}`)}
            </option>
          ))}
        </select>
        <label>{t('planEdit.homeAlt')}</label>
        <span>
          {home ? (
            <>
              <NumberField label={t('planEdit.homeAlt')} value={home.altMslM} min={-500} max={9_000} testId="pe-home-alt" onCommit={setHomeAlt} /> {t('unit.m')}
            </>
          ) : (
            <span className="plan-hint">{t('planEdit.noHome')}</span>
          )}
        </span>
      </div>
      <p className="pe-note">{t('planEdit.settingsNote')}</p>
      <h4>{t('planEdit.aircraft')}</h4>
      <ProfilePicker current={aircraft} />
      <div className="pe-grid">
        <label>{t('planEdit.aircraftName')}</label>
        <input
          className="pe-text"
          defaultValue={aircraft.name}
          key={aircraft.name}
          maxLength={100}
          data-testid="pe-aircraft-name"
          onBlur={(e) => {
            const name = e.target.value.trim().slice(0, 100);
            if (name && name !== aircraft.name) setAircraft({ name });
          }}
        />
        <label>{t('planEdit.cruise')}</label>
        <span>
          <NumberField label={t('planEdit.cruise')} value={aircraft.cruiseSpeedMps} min={0.1} max={100} testId="pe-cruise" onCommit={(v) => setAircraft({ cruiseSpeedMps: v })} /> {t('unit.mps')}
        </span>
        <label>{t('planEdit.endurance')}</label>
        <span>
          <NumberField label={t('planEdit.endurance')} value={Math.round((aircraft.enduranceS / 60) * 10) / 10} min={1} max={7 * 24 * 60} testId="pe-endurance" onCommit={(v) => setAircraft({ enduranceS: Math.round(v * 60) })} /> {t('planEdit.minutes')}
        </span>
        <label>{t('planEdit.reserve')}</label>
        <span>
          <NumberField label={t('planEdit.reserve')} value={aircraft.reservePct} min={0} max={90} testId="pe-reserve" onCommit={(v) => setAircraft({ reservePct: v })} /> {t('unit.pct')}
        </span>
      </div>
    </details>
  );
}
