// The unit's aircraft types, kept on this station (browser storage) so a pilot picks "M300 + camera"
// instead of typing its cruise speed, endurance and reserve into every plan. What comes back from
// storage is checked like any other input: a damaged list is ignored, not trusted.
import { aircraftSchema, DEFAULT_AIRCRAFT, type AircraftProfile } from '../../../../shared/planning';

export const PROFILES_KEY = 'gcs.aircraftProfiles';
/** A unit has a handful of types; the cap keeps a damaged or hostile store from growing the UI. */
export const PROFILES_MAX = 50;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

const pick = (p: AircraftProfile): AircraftProfile => ({ name: p.name, cruiseSpeedMps: p.cruiseSpeedMps, enduranceS: p.enduranceS, reservePct: p.reservePct });

/** The .plan's own rules for a profile; keys a newer version might add are dropped, not fatal. */
const validProfile = (p: unknown): p is AircraftProfile => typeof p === 'object' && p !== null && aircraftSchema.safeParse(pick(p as AircraftProfile)).success;

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
