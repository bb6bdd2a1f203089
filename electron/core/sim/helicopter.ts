// A simulated police helicopter flying a loop over Ulanhot that crosses the drones' home: the traffic
// the operations view must show and warn about. It is reported the two ways real traffic reaches the
// station: as ADSB_VEHICLE through each drone's link (a drone-borne ADS-B receiver) and on an SBS-1
// TCP feed like dump1090's port 30003.
import { createServer, type Server, type Socket } from 'node:net';
import type { Fields } from '../mavlink';
import { bearingDeg, distanceM, moveNe, type GeoPoint } from './geo';
import { SimArgError, type HostPort } from './args';

/** Chinese civil ICAO block (780000-7BFFFF); a made-up address inside it. */
export const HELI_ICAO = 0x780a1b;
export const HELI_CALLSIGN = 'POLICE1';
const SPEED_MPS = 40; // ~80 kt: a patrol speed
const FT_PER_M = 1 / 0.3048;
const KT_PER_MPS = 3600 / 1852;
/** ADSB_FLAGS: coords, altitude, heading, velocity, callsign, squawk, simulated, vertical velocity. */
const ADSB_FLAGS = 1 | 2 | 4 | 8 | 16 | 32 | 64 | 128;
const ADSB_EMITTER_ROTOCRAFT = 7;

/** The loop, in metres north/east of home: north over home, east, south, back west. */
const LOOP_NE: Array<[number, number]> = [[-1500, 0], [2500, 0], [2500, 1500], [-2500, 1500], [-2500, 0]];

export class SimHelicopter {
  private readonly route: GeoPoint[];
  private leg = 0;
  pos: GeoPoint;
  trackDeg = 0;

  /** `altAboveHomeM`: the height it flies, above the drones' home. */
  constructor(home: GeoPoint, altAboveHomeM: number) {
    this.route = LOOP_NE.map(([n, e]) => ({ ...moveNe(home, n, e), altMslM: home.altMslM + altAboveHomeM }));
    this.pos = { ...this.route[0] };
  }

  step(dtS: number): void {
    let travel = SPEED_MPS * dtS;
    while (travel > 0) {
      const target = this.route[(this.leg + 1) % this.route.length];
      const left = distanceM(this.pos, target);
      this.trackDeg = bearingDeg(this.pos, target);
      if (left > travel) {
        const b = (this.trackDeg * Math.PI) / 180;
        this.pos = { ...moveNe(this.pos, travel * Math.cos(b), travel * Math.sin(b)), altMslM: target.altMslM };
        return;
      }
      this.pos = { ...target };
      travel -= left;
      this.leg = (this.leg + 1) % this.route.length;
    }
  }

  adsbFields(): Partial<Fields> {
    return {
      ICAO_address: HELI_ICAO,
      lat: Math.round(this.pos.lat * 1e7),
      lon: Math.round(this.pos.lon * 1e7),
      altitude_type: 1,
      altitude: Math.round(this.pos.altMslM * 1000),
      heading: Math.round(this.trackDeg * 100) % 36000,
      hor_velocity: Math.round(SPEED_MPS * 100),
      ver_velocity: 0,
      callsign: HELI_CALLSIGN,
      emitter_type: ADSB_EMITTER_ROTOCRAFT,
      tslc: 1,
      flags: ADSB_FLAGS,
      squawk: 1200,
    };
  }

  /** This second's SBS-1 lines: position and velocity, and the callsign as dump1090 repeats it. */
  sbsLines(now: Date, withCallsign: boolean): string {
    const d = now.toISOString();
    const stamp = `${d.slice(0, 10).replace(/-/g, '/')},${d.slice(11, 23)}`;
    const head = (type: number) => `MSG,${type},111,11111,${HELI_ICAO.toString(16).toUpperCase()},111111,${stamp},${stamp}`;
    const altFt = Math.round(this.pos.altMslM * FT_PER_M);
    let out = `${head(3)},,${altFt},,,${this.pos.lat.toFixed(5)},${this.pos.lon.toFixed(5)},,,0,0,0,0\r\n`;
    out += `${head(4)},,,${Math.round(SPEED_MPS * KT_PER_MPS)},${Math.round(this.trackDeg)},,,0,,,,,0\r\n`;
    if (withCallsign) out += `${head(1)},${HELI_CALLSIGN},,,,,,,,,,,0\r\n`;
    return out;
  }
}

/** A BaseStation-style TCP server: every connected client gets every line; input is ignored. */
export class SbsServer {
  private readonly clients = new Set<Socket>();
  private constructor(private readonly server: Server) {}

  static async open(listen: HostPort): Promise<SbsServer> {
    const server = createServer();
    const sbs = new SbsServer(server);
    server.on('connection', (s) => {
      sbs.clients.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sbs.clients.delete(s));
      s.resume();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) =>
        reject(new SimArgError(err.code === 'EADDRINUSE' ? `--sbs-port: ${listen.host}:${listen.port} is already in use` : `--sbs-port: cannot listen on ${listen.host}:${listen.port}: ${err.message}`)),
      );
      server.listen(listen.port, listen.host, () => resolve());
    });
    server.on('error', (err) => process.stderr.write(`gcs sim: SBS server error: ${err.message}\n`));
    return sbs;
  }

  get port(): number {
    const addr = this.server.address();
    return typeof addr === 'object' && addr ? addr.port : 0;
  }

  broadcast(text: string): void {
    for (const c of this.clients) if (c.writable) c.write(text);
  }

  close(): Promise<void> {
    for (const c of this.clients) c.destroy();
    return new Promise((r) => this.server.close(() => r()));
  }
}
