// The unit's aircraft types kept on the station: saved by name, read back checked, capped.
import { describe, expect, it } from 'vitest';
import { loadProfiles, PROFILES_KEY, PROFILES_MAX, saveProfile } from '../../renderer/views/plan/edit/aircraftProfiles';
import { DEFAULT_AIRCRAFT } from '../../shared/planning';

function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('aircraft profiles', () => {
  it('offers the default first, saves by name and replaces a profile of the same name', () => {
    const store = memoryStore();
    expect(loadProfiles(store)).toEqual([DEFAULT_AIRCRAFT]);
    saveProfile({ name: 'M300 + H20T', cruiseSpeedMps: 12, enduranceS: 2400, reservePct: 25 }, store);
    saveProfile({ name: 'M300 + H20T', cruiseSpeedMps: 11, enduranceS: 2100, reservePct: 25 }, store);
    const list = loadProfiles(store);
    expect(list.map((p) => p.name)).toEqual([DEFAULT_AIRCRAFT.name, 'M300 + H20T']);
    expect(list[1].enduranceS).toBe(2100);
  });

  it('ignores damaged or hostile storage and refuses an invalid profile', () => {
    expect(loadProfiles(memoryStore({ [PROFILES_KEY]: '{not json' }))).toEqual([DEFAULT_AIRCRAFT]);
    const junk = [{ name: 'ok', cruiseSpeedMps: 10, enduranceS: 600, reservePct: 20, extra: 'dropped' }, { name: '', cruiseSpeedMps: 10, enduranceS: 600, reservePct: 20 }, { name: 'x', cruiseSpeedMps: -1, enduranceS: 600, reservePct: 20 }, 'text', null];
    expect(loadProfiles(memoryStore({ [PROFILES_KEY]: JSON.stringify(junk) }))).toEqual([DEFAULT_AIRCRAFT, { name: 'ok', cruiseSpeedMps: 10, enduranceS: 600, reservePct: 20 }]);
    expect(saveProfile({ name: 'bad', cruiseSpeedMps: Number.NaN, enduranceS: 600, reservePct: 20 }, memoryStore())).toBeNull();
    const many = Array.from({ length: PROFILES_MAX * 3 }, (_, i) => ({ name: `t${i}`, cruiseSpeedMps: 10, enduranceS: 600, reservePct: 20 }));
    expect(loadProfiles(memoryStore({ [PROFILES_KEY]: JSON.stringify(many) })).length).toBe(PROFILES_MAX + 1);
  });

  it('says so when storage refuses', () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(saveProfile({ name: 'M30T', cruiseSpeedMps: 10, enduranceS: 2000, reservePct: 20 }, full)).toBeNull();
  });
});
