// The open flight's record as the unit keeps it: who flew, which aircraft, which mission. The station
// fills the pilot from whoever commanded the vehicle; a person corrects or completes it here.
import { useEffect, useState } from 'react';
import { useLocalMessage, useT } from '../../i18n/useT';
import { call } from '../../stores/actions';
import { selectRole, useConnectionStore } from '../../stores/connection';
import { useReplayStore } from '../../stores/replay';
import { loadFlights } from '../../stores/replay-actions';

export function FlightDetailsForm() {
  const t = useT();
  const local = useLocalMessage();
  const role = useConnectionStore(selectRole);
  const flight = useReplayStore((s) => s.flights.find((f) => f.id === s.info?.flightId) ?? null);
  const [pilot, setPilot] = useState('');
  const [registration, setRegistration] = useState('');
  const [missionName, setMissionName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    setPilot(flight?.pilot ?? '');
    setRegistration(flight?.registration ?? '');
    setMissionName(flight?.missionName ?? '');
    setMessage(null);
  }, [flight?.id, flight?.pilot, flight?.registration, flight?.missionName]);
  if (!flight || role === 'observer') return null;
  const save = async () => {
    const out = await call('setFlightDetails', { id: flight.id, pilot, registration, missionName });
    setMessage(out.ok ? t('replay.details.saved') : local(out.error.message));
    if (out.ok) void loadFlights();
  };
  return (
    <div className="replay-details" data-testid="flight-details">
      <h3>{t('replay.details')}</h3>
      <label>{t('replay.filter.pilot')}<input value={pilot} maxLength={64} onChange={(e) => setPilot(e.target.value)} /></label>
      <label>{t('replay.details.registration')}<input value={registration} maxLength={32} onChange={(e) => setRegistration(e.target.value)} /></label>
      <label>{t('replay.details.mission')}<input value={missionName} maxLength={120} onChange={(e) => setMissionName(e.target.value)} /></label>
      <button type="button" onClick={() => void save()} data-testid="flight-details-save">{t('replay.details.save')}</button>
      {message && <p className="replay-empty" role="status">{message}</p>}
    </div>
  );
}
