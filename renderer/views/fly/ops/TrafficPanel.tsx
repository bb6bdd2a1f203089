// Manned traffic: tracks with altitude, age and any conflict; SBS-1 feeds to open; a radio report
// (callsign, altitude, position clicked on the map). Observers only read.
import { useState } from 'react';
import type { ContractErrorValue } from '../../../../shared/contract/types';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useNow } from '../../../components/useNow';
import { bothLanguages, type MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import { closeTrafficFeed, openTrafficFeed, reportTraffic } from '../../../ops/actions';
import { selectRole, useConnectionStore } from '../../../stores/connection';
import { useOpsStore } from '../../../stores/ops';
import { AltitudeBlocksForm } from './AltitudeBlocksForm';
import { SeparationForm } from './SeparationForm';

export function TrafficPanel() {
  const t = useT();
  const traffic = useOpsStore((s) => s.traffic);
  const role = useConnectionStore(selectRole);
  const now = useNow(true, 1000);
  const tracks = traffic?.tracks ?? [];
  return (
    <section className="panel ops-traffic" data-testid="traffic-panel" aria-label={t('ops.traffic.title')}>
      <h2 className="panel-title">
        {t('ops.traffic.title')} <span className="panel-count">{tracks.length}</span>
      </h2>
      {tracks.length === 0 ? (
        <p className="empty">{t('ops.traffic.none')}</p>
      ) : (
        <ul className="ops-track-list">
          {tracks.map((tr) => {
            const c = traffic?.conflicts.filter((x) => x.otherId === tr.id).sort((a, b) => a.timeToConflictS - b.timeToConflictS)[0];
            return (
              <li key={tr.id} className={`ops-track${tr.stale ? ' stale' : ''}${c ? ` ops-track-${c.level}` : ''}`} data-testid="traffic-track">
                <span className="ops-track-callsign">{tr.callsign ?? tr.icao ?? tr.id}</span>
                <span>{tr.altMslM === null ? t('common.unknown') : t('ops.traffic.alt', { alt: Math.round(tr.altMslM) })}</span>
                <span>{tr.stale ? t('ops.traffic.stale') : t('ops.traffic.age', { s: Math.max(0, Math.round((now - tr.lastSeenMs) / 1000)) })}</span>
                {c && <span className="ops-track-conflict">{c.level === 'violation' ? t('ops.traffic.violation') : t('ops.traffic.conflict', { s: Math.round(c.timeToConflictS) })}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {(role === 'pilot' || role === 'commander') && <FeedControls />}
      {(role === 'pilot' || role === 'commander') && <AltitudeBlocksForm />}
      {(role === 'pilot' || role === 'commander') && traffic && <SeparationForm settings={traffic.settings} />}
      {role !== 'observer' && role !== null && <ReportForm />}
    </section>
  );
}

function FeedControls() {
  const t = useT();
  const feeds = useOpsStore((s) => s.traffic?.feeds ?? []);
  const [spec, setSpec] = useState('127.0.0.1:30003');
  const [error, setError] = useState<ContractErrorValue | null>(null);
  const open = async () => {
    const m = /^([A-Za-z0-9.\-_]+):(\d{1,5})$/.exec(spec.trim());
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) {
      setError({ code: 'bad_feed', message: bothLanguages('ops.traffic.badFeed') });
      return;
    }
    const out = await openTrafficFeed(m[1], Number(m[2]));
    setError(out.ok ? null : out.error);
  };
  return (
    <div className="ops-feeds">
      {feeds.map((f) => (
        <div key={f.id} className="ops-feed" data-testid="traffic-feed" data-state={f.state}>
          <span>
            SBS {f.host}:{f.port} · {t(`ops.traffic.feedState.${f.state}` as MessageKey)}
          </span>
          <button type="button" className="chip-button" onClick={() => void closeTrafficFeed(f.id)}>
            {t('ops.traffic.closeFeed')}
          </button>
        </div>
      ))}
      <div className="ops-note-row">
        <input aria-label={t('ops.traffic.feedHost')} value={spec} onChange={(e) => setSpec(e.target.value)} data-testid="feed-spec" />
        <button type="button" className="btn" onClick={() => void open()} data-testid="feed-open">
          {t('ops.traffic.openFeed')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}

function ReportForm() {
  const t = useT();
  const pick = useOpsStore((s) => s.pick);
  const picked = useOpsStore((s) => s.picked);
  const setPick = useOpsStore((s) => s.setPick);
  const [callsign, setCallsign] = useState('');
  const [alt, setAlt] = useState('');
  const [typed, setTyped] = useState('');
  const [agoS, setAgoS] = useState('');
  const [error, setError] = useState<ContractErrorValue | null>(null);
  // Typed "lat, lon" (as a crew reads it off their display) wins over a map click.
  const typedPos = parseLatLon(typed);
  const pos = typedPos ?? (pick === 'trafficReport' ? picked : null);
  const send = async () => {
    if (!pos || callsign.trim() === '') return;
    const altNum = alt.trim() === '' ? null : Number(alt);
    const ago = Number(agoS);
    const tMs = agoS.trim() !== '' && Number.isFinite(ago) && ago > 0 ? Date.now() - ago * 1000 : undefined;
    const out = await reportTraffic({ callsign: callsign.trim(), lat: pos.lat, lon: pos.lon, altMslM: altNum !== null && Number.isFinite(altNum) ? altNum : null, aircraftClass: 'helicopter', tMs });
    setError(out.ok ? null : out.error);
    if (out.ok) setPick(null);
  };
  return (
    <details className="ops-report">
      <summary>{t('ops.traffic.report')}</summary>
      <div className="ops-note-row">
        <input aria-label={t('ops.traffic.reportCallsign')} placeholder={t('ops.traffic.reportCallsign')} value={callsign} maxLength={16} onChange={(e) => setCallsign(e.target.value)} />
        <input aria-label={t('ops.traffic.reportAlt')} placeholder={t('ops.traffic.reportAlt')} value={alt} inputMode="decimal" onChange={(e) => setAlt(e.target.value)} />
      </div>
      <div className="ops-note-row">
        <input aria-label={t('ops.traffic.reportLatLon')} placeholder={t('ops.traffic.reportLatLon')} value={typed} onChange={(e) => setTyped(e.target.value)} className={typed.trim() !== '' && !typedPos ? 'invalid' : undefined} />
        <input aria-label={t('ops.traffic.reportAgo')} placeholder={t('ops.traffic.reportAgo')} value={agoS} inputMode="numeric" onChange={(e) => setAgoS(e.target.value)} />
      </div>
      <div className="ops-note-row">
        <button type="button" className={`chip-button${pick === 'trafficReport' ? ' active' : ''}`} onClick={() => setPick(pick === 'trafficReport' ? null : 'trafficReport')}>
          {pos ? t('ops.guided.picked', { lat: pos.lat.toFixed(4), lon: pos.lon.toFixed(4) }) : t('ops.traffic.reportPick')}
        </button>
        <button type="button" className="btn" disabled={!pos || callsign.trim() === ''} onClick={() => void send()}>
          {t('ops.traffic.reportSend')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </details>
  );
}

/** "46.0726, 122.0933" (comma or space separated, degrees) or null. */
export function parseLatLon(text: string): { lat: number; lon: number } | null {
  const m = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}
