// The layer panel's sources: the offline basemap (always there), every source with its datum,
// visibility, opacity and order, token entry where one is needed, adding an XYZ/TMS source and
// opening an MBTiles/PMTiles pack on the station.
import { useEffect, useState } from 'react';
import type { ContractErrorValue } from '../../../shared/contract/types';
import type { MapSource, SourceDatum } from '../../../shared/maps/sources';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/useT';
import { call } from '../../stores/actions';
import { selectSources, useMapsStore } from '../../stores/maps';
import { formatBytes } from './PrefetchSection';

function SourceRow(props: { source: MapSource; index: number; ids: string[]; cached?: { tiles: number; bytes: number }; onError: (e: ContractErrorValue | null) => void }) {
  const t = useT();
  const { source: s, index, ids } = props;
  const [token, setToken] = useState('');
  const run = async (p: Promise<{ ok: boolean; error?: ContractErrorValue }>) => {
    const out = await p;
    props.onError(out.ok ? null : (out.error ?? null));
  };
  const move = (delta: number) => {
    const next = [...ids];
    const [id] = next.splice(index, 1);
    next.splice(index + delta, 0, id!);
    void run(call('mapsReorderSources', { ids: next }));
  };
  return (
    <li className="maps-source" data-testid={`maps-source-${s.id}`}>
      <label className="maps-source__name">
        <input type="checkbox" checked={s.enabled} onChange={(e) => void run(call('mapsUpdateSource', { id: s.id, enabled: e.target.checked }))} />
        {s.name}
      </label>
      <span className="maps-badge" data-datum={s.datum}>{t('maps.source.datum', { datum: s.datum })}</span>
      {props.cached && props.cached.tiles > 0 && <span className="maps-muted" data-testid={`maps-cached-${s.id}`}>{t('maps.source.cached', { tiles: props.cached.tiles, size: formatBytes(props.cached.bytes) })}</span>}
      {s.needsToken && <span className="maps-badge">{s.hasToken ? t('maps.source.tokenSet') : t('maps.source.tokenMissing')}</span>}
      <div className="maps-source__controls">
        <label>
          {t('maps.source.opacity')}
          <input type="range" min={0} max={1} step={0.05} value={s.opacity} onChange={(e) => void run(call('mapsUpdateSource', { id: s.id, opacity: Number(e.target.value) }))} />
        </label>
        <button type="button" disabled={index === 0} onClick={() => move(-1)} title={t('maps.source.up')} aria-label={t('maps.source.up')}>↑</button>
        <button type="button" disabled={index === ids.length - 1} onClick={() => move(1)} title={t('maps.source.down')} aria-label={t('maps.source.down')}>↓</button>
        {!s.builtIn && <button type="button" onClick={() => void run(call('mapsRemoveSource', { id: s.id }))}>{t('maps.source.remove')}</button>}
      </div>
      {s.needsToken && (
        <form className="maps-row" onSubmit={(e) => { e.preventDefault(); void run(call('mapsUpdateSource', { id: s.id, token })); setToken(''); }}>
          <input type="password" placeholder={t('maps.source.token')} value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
          <button type="submit" disabled={!token}>{t('maps.source.saveToken')}</button>
        </form>
      )}
    </li>
  );
}

export function SourcesSection() {
  const t = useT();
  const sources = useMapsStore(selectSources);
  const [error, setError] = useState<ContractErrorValue | null>(null);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [kind, setKind] = useState<'xyz' | 'tms'>('xyz');
  const [datum, setDatum] = useState<SourceDatum>('WGS84');
  const [path, setPath] = useState('');
  const [styleUrl, setStyleUrl] = useState('');
  const ids = sources.map((s) => s.id);
  // The offline packs' sizes: read when the panel opens and after each prefetch ends.
  const prefetchState = useMapsStore((st) => (st.prefetch?.state === 'running' ? 'running' : `${st.prefetch?.jobId ?? 0}`));
  const [cached, setCached] = useState<Record<string, { tiles: number; bytes: number }>>({});
  useEffect(() => {
    if (prefetchState === 'running') return;
    void call('mapsCacheStats').then((out) => out.ok && setCached(Object.fromEntries(out.value.map((c) => [c.sourceId, c]))));
  }, [prefetchState, sources.length]);
  return (
    <section className="maps-section" aria-label={t('maps.sources')}>
      <h3>{t('maps.sources')}</h3>
      <p className="maps-muted">{t('maps.source.offline')}</p>
      <ul className="maps-list">
        {sources.map((s, i) => <SourceRow key={s.id} source={s} index={i} ids={ids} cached={cached[s.id]} onError={setError} />)}
      </ul>
      <ErrorMessage error={error} testId="maps-source-error" />
      <details>
        <summary>{t('maps.add.title')}</summary>
        <form
          className="maps-form"
          onSubmit={(e) => {
            e.preventDefault();
            void call('mapsAddSource', { name, url, kind, datum }).then((out) => {
              setError(out.ok ? null : out.error);
              if (out.ok) { setName(''); setUrl(''); }
            });
          }}
        >
          <input placeholder={t('maps.add.name')} value={name} onChange={(e) => setName(e.target.value)} required />
          <input placeholder={t('maps.add.url')} value={url} onChange={(e) => setUrl(e.target.value)} required data-testid="maps-add-url" />
          <label>{t('maps.add.kind')} <select value={kind} onChange={(e) => setKind(e.target.value as 'xyz' | 'tms')}><option value="xyz">XYZ</option><option value="tms">TMS</option></select></label>
          <label>{t('maps.add.datum')} <select value={datum} onChange={(e) => setDatum(e.target.value as SourceDatum)} data-testid="maps-add-datum">
            {(['WGS84', 'CGCS2000', 'GCJ02', 'BD09'] as const).map((d) => <option key={d} value={d}>{d}</option>)}
          </select></label>
          <button type="submit" data-testid="maps-add-submit">{t('maps.add.submit')}</button>
        </form>
      </details>
      <details>
        <summary>{t('maps.style.title')}</summary>
        <form className="maps-row" onSubmit={(e) => { e.preventDefault(); void call('mapsAddStyle', { url: styleUrl }).then((out) => { setError(out.ok ? null : out.error); if (out.ok) setStyleUrl(''); }); }}>
          <input placeholder={t('maps.style.url')} value={styleUrl} onChange={(e) => setStyleUrl(e.target.value)} required />
          <button type="submit">{t('maps.style.add')}</button>
        </form>
      </details>
      <details>
        <summary>{t('maps.pack.title')}</summary>
        <form className="maps-row" onSubmit={(e) => { e.preventDefault(); void call('mapsOpenTilePack', { path }).then((out) => setError(out.ok ? null : out.error)); }}>
          <input placeholder={t('maps.pack.path')} value={path} onChange={(e) => setPath(e.target.value)} required data-testid="maps-pack-path" />
          <button type="submit">{t('maps.pack.open')}</button>
        </form>
      </details>
    </section>
  );
}
