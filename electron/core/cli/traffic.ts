// `gcs traffic --sbs host:port [--json] [--duration S] [--class helicopter|fixedwing|unknown]`:
// reads an SBS-1 feed (dump1090 port 30003, or `gcs sim --sbs-port`) the way the station does and
// prints the tracks once a second: a quick check that a receiver is worth connecting to the station.
import type { AircraftClass } from '../../../shared/contract/ops-types';
import { DEFAULT_SEPARATION } from '../traffic/separation';
import { SbsClient } from '../traffic/sbs-client';
import { TrafficStore } from '../traffic/store';
import { TRAFFIC_USAGE } from './traffic-usage';

interface TrafficArgs {
  host: string;
  port: number;
  json: boolean;
  durationS: number | null;
  cls: AircraftClass;
}

export function parseTrafficArgs(argv: string[]): TrafficArgs | string {
  const out: TrafficArgs = { host: '', port: 0, json: false, durationS: null, cls: 'unknown' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? '';
    if (a === '--sbs') {
      const m = /^([A-Za-z0-9.\-_]+):(\d{1,5})$/.exec(next());
      if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) return '--sbs needs host:port, for example 127.0.0.1:30003';
      out.host = m[1];
      out.port = Number(m[2]);
    } else if (a === '--json') out.json = true;
    else if (a === '--duration') {
      const v = Number(next());
      if (!Number.isFinite(v) || v <= 0) return '--duration needs a number of seconds above 0';
      out.durationS = v;
    } else if (a === '--class') {
      const v = next();
      if (v !== 'helicopter' && v !== 'fixedwing' && v !== 'unknown') return '--class is helicopter, fixedwing or unknown';
      out.cls = v;
    } else return `unknown option "${a}"`;
  }
  if (!out.host) return '--sbs host:port is required';
  return out;
}

export async function runTraffic(argv: string[]): Promise<number> {
  const args = parseTrafficArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`gcs traffic: ${args}\n\n${TRAFFIC_USAGE}`);
    return 2;
  }
  const store = new TrafficStore({ staleAfterMs: DEFAULT_SEPARATION.staleAfterMs, dropAfterMs: DEFAULT_SEPARATION.dropAfterMs });
  const client = new SbsClient({
    host: args.host,
    port: args.port,
    onUpdate: (u) => store.update(u, 'sbs', args.cls, Date.now()),
    onState: (state, error) => process.stderr.write(`gcs traffic: feed ${state}${error ? `: ${error.en}` : ''}\n`),
  });
  client.start();
  const timer = setInterval(() => {
    const now = Date.now();
    store.expire(now);
    for (const t of store.list(now)) {
      if (args.json) process.stdout.write(JSON.stringify(t) + '\n');
      else {
        const alt = t.altMslM === null ? '-' : `${Math.round(t.altMslM)} m`;
        const spd = t.groundSpeedMps === null ? '-' : `${t.groundSpeedMps.toFixed(0)} m/s`;
        const hdg = t.headingDeg === null ? '-' : `${Math.round(t.headingDeg)}°`;
        process.stdout.write(`${(t.callsign ?? '-').padEnd(8)} ${t.icao} ${t.lat.toFixed(5)} ${t.lon.toFixed(5)} ${alt} ${spd} ${hdg}${t.stale ? ' stale' : ''}\n`);
      }
    }
  }, 1000);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (args.durationS !== null) setTimeout(stop, args.durationS * 1000);
  });
  clearInterval(timer);
  client.close();
  process.stderr.write(`gcs traffic: ${client.stats.lines} lines, ${client.stats.rejected} rejected\n`);
  return 0;
}
