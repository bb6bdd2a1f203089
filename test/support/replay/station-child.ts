// A ground station as its own process for crash tests: GroundStation on --data-dir, the simulator
// started through it, a flight flown (GUIDED, arm, takeoff). Prints "sim PID" and "flying FLIGHT_ID"
// and keeps flying until killed.
import { GroundStation } from '../../../electron/core/station';

const dataDir = process.argv[2]!;
const pilot = { role: 'pilot' as const, name: 'Crash Test' };
const station = new GroundStation({ host: 'server', dataDir });
await station.start();
const sim = await station.startSimulator({ vehicles: 1 }, pilot);
process.stdout.write(`sim ${sim.pid}\n`);
const until = async (what: string, fn: () => boolean) => {
  const end = Date.now() + 30_000;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
const vehicle = () => station.getVehicles({}, pilot).find((v) => v.key === '1:1');
await until('a GPS fix', () => (vehicle()?.gpsFix ?? 0) >= 3);
for (const p of [{ action: 'setMode', mode: 'GUIDED' }, { action: 'arm' }] as const) {
  const r = await station.command({ key: '1:1', ...p }, pilot);
  if (!r.ok) throw new Error(r.message.en);
}
let open = false;
await until('a flight', () => {
  void Promise.resolve(station.listFlights({}, pilot)).then((list) => (open = list.some((f) => f.status === 'open')));
  return open;
});
await station.command({ key: '1:1', action: 'takeoff', altM: 30 }, pilot);
process.stdout.write(`flying ${(await station.listFlights({}, pilot))[0]!.id}\n`);
setInterval(() => undefined, 1000);
