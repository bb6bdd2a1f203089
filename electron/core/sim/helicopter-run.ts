// Runs the simulated helicopter inside `gcs sim`: stepped with the drones' simulated time, reported
// once a (real) second, as ADSB_VEHICLE from every drone and on the SBS-1 feed when asked.
import type { SimOptions } from './args';
import type { SimEndpoint } from './endpoint';
import { HELI_CALLSIGN, SbsServer, SimHelicopter } from './helicopter';

const REPORT_MS = 1000;
/** dump1090 sends the identification message every few seconds, not with every position. */
const CALLSIGN_EVERY = 5;

export interface RunningHelicopter {
  step(dtS: number): void;
  sbsPort: number | null;
  description: string;
  close(): Promise<void>;
}

export async function startHelicopter(opts: SimOptions, endpoints: SimEndpoint[]): Promise<RunningHelicopter> {
  const heli = new SimHelicopter(opts.home, opts.helicopterAltM);
  const sbs = opts.sbsPort === null ? null : await SbsServer.open({ host: '127.0.0.1', port: opts.sbsPort });
  let reports = 0;
  const timer = setInterval(() => {
    const fields = heli.adsbFields();
    for (const ep of endpoints) ep.send('ADSB_VEHICLE', fields);
    sbs?.broadcast(heli.sbsLines(new Date(), reports++ % CALLSIGN_EVERY === 0));
  }, REPORT_MS);
  return {
    step: (dtS) => heli.step(dtS),
    sbsPort: sbs?.port ?? null,
    description: `helicopter ${HELI_CALLSIGN} ${opts.helicopterAltM} m above home as ADSB_VEHICLE${sbs ? `, sbs listen 127.0.0.1:${sbs.port}` : ''}`,
    async close() {
      clearInterval(timer);
      await sbs?.close();
    },
  };
}
