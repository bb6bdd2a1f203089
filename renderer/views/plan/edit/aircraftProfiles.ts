// The unit's aircraft types, kept on this station (browser storage) so a pilot picks "M300 + camera"
// instead of typing its cruise speed, endurance and reserve into every plan. What comes back from
// storage is checked like any other input: a damaged list is ignored, not trusted.
import { DEFAULT_AIRCRAFT, type AircraftProfile } from '../../../../shared/planning';

export const PROFILES_KEY = 'gcs.aircraftProfiles';
/** A unit has a handful of types; the cap keeps a damaged or hostile store from growing the UI. */
export const PROFILES_MAX = 50;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function validProfile(p: unknown): p is AircraftProfile {
  if (typeof p !== 'object' || p === null) return false;
  const a = p as Record<string, unknown>;
  const num = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
  return typeof a.name === 'string' && a.name.trim().length > 0 && a.name.length <= 100 && num(a.cruiseSpeedMps, 0.1, 100) && num(a.enduranceS, 1, 7 * 86_400) && num(a.reservePct, 0, 90);
}

const pick = (p: AircraftProfile): AircraftProfile => ({ name: p.name, cruiseSpeedMps: p.cruiseSpeedMps, enduranceS: p.enduranceS, reservePct: p.reservePct });

/** The saved profiles, the built-in default first unless one of the same name was saved. */
export function loadProfiles(store: Store | undefined = globalThis.localStorage): AircraftProfile[] {
  let saved: AircraftProfile[] = [];
  try {
    const raw: unknown = JSON.parse(store?.getItem(PROFILES_KEY) ?? '[]');
    if (Array.isArray(raw)) saved = raw.filter(validProfile).slice(0, PROFILES_MAX).map(pick);
  } catch {
    saved = [];
  }
  return saved.some((p) => p.name === DEFAULT_AIRCRAFT.name) ? saved : [DEFAULT_AIRCRAFT, ...saved];
}

/** Saves (or replaces, by name) a profile; returns the list as stored, or null when storage refused. */
export function saveProfile(profile: AircraftProfile, store: Store | undefined = globalThis.localStorage): AircraftProfile[] | null {
  if (!validProfile(profile) || !store) return null;
  const others = loadProfiles(store).filter((p) => p.name !== profile.name && p !== DEFAULT_AIRCRAFT);
  const next = [...others, pick(profile)].slice(-PROFILES_MAX);
  try {
    store.setItem(PROFILES_KEY, JSON.stringify(next));
  } catch {
    return null; // storage full or disabled: the profile still applies to this plan
  }
  return loadProfiles(store);
}
