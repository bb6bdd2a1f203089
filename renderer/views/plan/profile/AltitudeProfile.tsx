// The Plan view's altitude profile: a collapsible strip along the bottom of the map showing the
// route's altitude against the ground from the station's terrain model, the ceiling above that
// ground, and each item's height above it. Without terrain it says so and draws heights above home.
import { useMemo, useState } from 'react';
import { planProfile, type PlanProfile, type ProfileRun } from '../../../../shared/terrain/plan-profile';
import { profileZoneSpans } from '../../../../shared/terrain/plan-profile-zones';
import { useT, type TFunction } from '../../../i18n/useT';
import { selectZones, useMapsStore } from '../../../stores/maps';
import { usePlanStore } from '../../../stores/plan';
import { useGroundModel } from '../useGroundHeights';
import { ProfileChart } from './ProfileChart';
import '../../../styles/profile.css';

function where(runs: ProfileRun[], t: TFunction): string {
  // A long list helps nobody: the first few stretches, the rest are red on the chart.
  const shown = runs.slice(0, 3).map((r) => t('profile.range', { from: (r.fromM / 1000).toFixed(2), to: (r.toM / 1000).toFixed(2) }));
  return shown.join(', ') + (runs.length > 3 ? ', …' : '');
}

function Summary({ p, t, legend }: { p: PlanProfile; t: TFunction; legend: boolean }) {
  const below = p.runs.filter((r) => r.status === 'below');
  const above = p.runs.filter((r) => r.status === 'above');
  const ceiling = p.ceilingAglM.toFixed(0);
  return (
    <div className="profile-summary" data-testid="profile-summary">
      {p.mode === 'home' && <span className="profile-note" data-testid="profile-no-terrain">{t('profile.noTerrain')}</span>}
      {p.homeAssumed && <span className="profile-note">{t('profile.homeAssumed')}</span>}
      {p.missing > 0 && <span className="profile-note">{t('profile.missing', { n: p.missing })}</span>}
      {below.length > 0 && <span className="profile-bad">{t('profile.below', { where: where(below, t) })}</span>}
      {above.length > 0 && <span className="profile-bad">{t('profile.above', { ceiling, where: where(above, t) })}</span>}
      {p.runs.length === 0 && p.mode === 'terrain' && <span className="profile-ok">{t('profile.clear', { ceiling })}</span>}
      {legend && <span className="profile-legend">
        <i className="profile-key profile-key--ground" />
        {t(p.mode === 'terrain' ? 'profile.legend.ground' : 'profile.legend.home')}
        <i className="profile-key profile-key--route" />
        {t('profile.legend.route')}
        <i className="profile-key profile-key--ceiling" />
        {t(p.mode === 'terrain' ? 'profile.legend.ceiling' : 'profile.legend.ceilingHome', { ceiling })}
      </span>}
    </div>
  );
}

const OPEN_KEY = 'policeGcs.altitudeProfileOpen';

function readOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) === '1';
  } catch {
    return false; // storage refused (private window): closed, as by default
  }
}

function writeOpen(open: boolean): void {
  try {
    localStorage.setItem(OPEN_KEY, open ? '1' : '0');
  } catch {
    // not remembered; nothing else depends on it
  }
}

export function AltitudeProfile() {
  const t = useT();
  const plan = usePlanStore((s) => s.plan);
  const selectedIndex = usePlanStore((s) => s.selectedIndex);
  const selectItem = usePlanStore((s) => s.selectItem);
  const ground = useGroundModel(plan);
  // Closed until the pilot opens it (and as they last left it): open, it takes room from the map;
  // closed, its one line still says whether the route clears the ground.
  const [open, setOpenState] = useState(readOpen);
  const setOpen = (v: boolean): void => {
    setOpenState(v);
    writeOpen(v);
  };
  const profile = useMemo(() => (plan ? planProfile(plan, ground.status === 'ready' ? ground.lookup : null) : null), [plan, ground]);
  const zones = useMapsStore(selectZones);
  const spans = useMemo(() => (profile && plan ? profileZoneSpans(profile, zones, plan.mission.plannedHome?.altMslM) : []), [profile, plan, zones]);
  if (!profile) return null;
  // The strip keeps its place while the plan is still empty, so the map does not change size (and
  // every point on it move) under the pilot's cursor when the first waypoint goes in.
  const empty = profile.items.length === 0;
  return (
    <section className={`profile-strip${open ? '' : ' profile-strip--closed'}`} data-testid="altitude-profile" data-mode={ground.status === 'loading' ? 'loading' : profile.mode}>
      <header className="profile-head">
        <button type="button" className="profile-toggle" data-testid="profile-toggle" aria-expanded={open} title={t(open ? 'profile.hide' : 'profile.show')} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} {t('profile.title')}
        </button>
        {empty && <span className="profile-note">{t('profile.empty')}</span>}
        {!empty && ground.status === 'loading' && <span className="profile-note">{t('profile.loading')}</span>}
        {!empty && ground.status !== 'loading' && <Summary p={profile} t={t} legend={open} />}
      </header>
      {open && !empty && <ProfileChart profile={profile} zones={spans} t={t} selectedIndex={selectedIndex} onSelect={selectItem} />}
    </section>
  );
}
