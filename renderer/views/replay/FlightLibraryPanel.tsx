// The flight library: filters (date, aircraft, pilot), the flights found, logbook totals, and opening
// an external .tlog by its path.
import { useState } from 'react';
import type { FlightFilter } from '../../../shared/contract/flight-types';
import { useLocalMessage, useT } from '../../i18n/useT';
import { useReplayStore } from '../../stores/replay';
import { loadFlights, openFlight, openTlog } from '../../stores/replay-actions';
import { FlightDetailsForm } from './FlightDetailsForm';
import { clock, dayMs, duration } from './format';

export function FlightLibraryPanel() {
  const t = useT();
  const local = useLocalMessage();
  const flights = useReplayStore((s) => s.flights);
  const logbook = useReplayStore((s) => s.logbook);
  const openId = useReplayStore((s) => s.info?.flightId ?? null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [aircraft, setAircraft] = useState('');
  const [pilot, setPilot] = useState('');
  const [place, setPlace] = useState('');
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);

  const search = () => {
    const filter: FlightFilter = {};
    const fromMs = dayMs(from, false);
    const toMs = dayMs(to, true);
    if (fromMs !== undefined) filter.fromMs = fromMs;
    if (toMs !== undefined) filter.toMs = toMs;
    if (aircraft.trim()) filter.aircraft = aircraft.trim();
    if (pilot.trim()) filter.pilot = pilot.trim();
    if (place.trim()) {
      const near = parsePlace(place);
      if (!near) {
        setError(t('replay.filter.placeBad'));
        return;
      }
      filter.near = near;
    }
    setError(null);
    useReplayStore.getState().setFilter(filter);
    void loadFlights(filter);
  };
  const open = async (id: string) => {
    const out = await openFlight(id);
    setError(out.ok ? null : local(out.error.message));
  };
  const openFile = async () => {
    const out = await openTlog(path.trim());
    setError(out.ok ? null : local(out.error.message));
  };

  return (
    <aside className="replay-library panel" data-testid="flight-library">
      <h2>{t('replay.library')}</h2>
      <div className="replay-filters">
        <label>{t('replay.filter.from')}<input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>{t('replay.filter.to')}<input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <label>{t('replay.filter.aircraft')}<input value={aircraft} onChange={(e) => setAircraft(e.target.value)} /></label>
        <label>{t('replay.filter.pilot')}<input value={pilot} onChange={(e) => setPilot(e.target.value)} /></label>
        <label className="replay-filter-wide">{t('replay.filter.place')}<input value={place} placeholder="46.07, 122.09" onChange={(e) => setPlace(e.target.value)} data-testid="filter-place" /></label>
        <button type="button" onClick={search} data-testid="flight-search">{t('replay.filter.search')}</button>
      </div>
      {flights.length === 0 && <p className="replay-empty">{t('replay.noFlights')}</p>}
      <ul className="replay-flights">
        {flights.map((f) => (
          <li key={f.id}>
            <button type="button" className={f.id === openId ? 'replay-flight selected' : 'replay-flight'} onClick={() => void open(f.id)} data-testid="flight-row">
              <span className="replay-flight-when">{clock(f.startMs)}</span>
              <span>{f.registration ?? t('vehicle.callsign', { sysid: f.vehicleKey.split(':')[0]! })} · {f.pilot ?? t('replay.unknownPilot')}</span>
              {f.missionName && <span className="replay-flight-mission">{f.missionName}</span>}
              <span>
                {f.durationS === null ? t('replay.inProgress') : duration(f.durationS)} · {(f.distanceM / 1000).toFixed(2)} km
                {f.maxAltRelM !== null && ` · ${Math.round(f.maxAltRelM)} m`}
              </span>
              {f.status === 'recovered' && <span className="replay-badge warn">{t('replay.recovered')}</span>}
              {f.noteCount > 0 && <span className="replay-badge">{t('replay.noteCount', { n: f.noteCount })}</span>}
            </button>
          </li>
        ))}
      </ul>
      <FlightDetailsForm />
      {logbook && (
        <div className="replay-logbook" data-testid="logbook">
          <h3>{t('replay.logbook')}</h3>
          <p>{t('replay.logbookTotal', { flights: logbook.total.flights, hours: logbook.total.hours.toFixed(2) })}</p>
          <table>
            <tbody>
              {logbook.perPilot.map((r) => (
                <tr key={`p-${r.name}`}><td>{r.name || t('replay.unknownPilot')}</td><td>{r.flights}</td><td>{r.hours.toFixed(2)} h</td></tr>
              ))}
              {logbook.perAircraft.map((r) => (
                <tr key={`a-${r.name}`}><td>✈ {r.name}</td><td>{r.flights}</td><td>{r.hours.toFixed(2)} h</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="replay-open-file">
        <label>{t('replay.openFile')}<input value={path} placeholder="/path/to/flight.tlog" onChange={(e) => setPath(e.target.value)} data-testid="tlog-path" /></label>
        <button type="button" disabled={!path.trim()} onClick={() => void openFile()} data-testid="tlog-open">{t('replay.open')}</button>
      </div>
      {error && <p className="replay-error" role="alert">{error}</p>}
    </aside>
  );
}

/** "46.07, 122.09" (decimal degrees, latitude first) or null. */
export function parsePlace(text: string): { lat: number; lon: number } | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[,\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}
