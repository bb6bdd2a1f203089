import { beforeEach, describe, expect, it } from 'vitest';
import { useOpsStore } from '../../renderer/stores/ops';
import type { Note } from '../../shared/contract/notes';
import type { OpsAlert } from '../../shared/contract/ops-types';

const note = (id: string, tMs: number): Note => ({ id, tMs, kind: 'crew', author: 'a', role: 'pilot', callsign: null, vehicleKey: null, category: 'other', text: id, pos: null, flightId: null });
const alert = (id: string, active: boolean): OpsAlert => ({ id, kind: 'linkLost', severity: 'critical', tMs: 1, subject: '1:1', message: { en: 'x', zh: 'x' }, active });

describe('ops store', () => {
  beforeEach(() => useOpsStore.setState({ notes: [], alerts: [] }));

  it('keeps notes once each, in time order, whether from the call answer or the event', () => {
    const s = useOpsStore.getState();
    s.noteReceived(note('b', 2));
    s.noteReceived(note('a', 1));
    s.noteReceived(note('b', 2));
    s.noteReceived({ bogus: true } as unknown as Note);
    expect(useOpsStore.getState().notes.map((n) => n.id)).toEqual(['a', 'b']);
  });

  it('says an alert is new only the first time; an update (cleared) replaces it', () => {
    const s = useOpsStore.getState();
    expect(s.alertReceived(alert('1', true))).toBe(true);
    expect(s.alertReceived(alert('1', false))).toBe(false);
    expect(useOpsStore.getState().alerts).toEqual([alert('1', false)]);
  });
});

describe('typed radio report position', () => {
  it('reads "lat, lon" as a crew says it, and refuses the rest', async () => {
    const { parseLatLon } = await import('../../renderer/views/fly/ops/TrafficPanel');
    expect(parseLatLon('46.0726, 122.0933')).toEqual({ lat: 46.0726, lon: 122.0933 });
    expect(parseLatLon('46.07 122.09')).toEqual({ lat: 46.07, lon: 122.09 });
    expect(parseLatLon('95, 122')).toBeNull();
    expect(parseLatLon('north of the bridge')).toBeNull();
  });
});
