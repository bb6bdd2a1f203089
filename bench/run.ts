// `npm run bench`: figures, each beside a baseline measured in the same run where one exists.
// Budgets live here, never as wall-clock assertions in tests.
import { benchMavlinkParse } from './mavlink-parse';
import { benchMissionUpload, benchMissionUploadLossy } from './mission-upload';
import { printTable, type BenchRow } from './table';
import { planBenches } from './areas/plan';
import { opsBenches } from './areas/ops';
import { replayBenches } from './areas/replay';
import { mapsBenches } from './areas/maps';
import { securityBenches } from './areas/security';

const groups: Record<string, Array<() => Promise<BenchRow>>> = {
  mavlink: [benchMavlinkParse, benchMissionUpload, benchMissionUploadLossy],
  plan: planBenches,
  ops: opsBenches,
  replay: replayBenches,
  maps: mapsBenches,
  security: securityBenches,
};
// `npm run bench -- ops maps` runs those groups only (a 10-minute soak need not wait for the rest).
const wanted = process.argv.slice(2);
const unknown = wanted.filter((g) => !(g in groups));
if (unknown.length > 0) {
  console.error(`unknown bench group(s): ${unknown.join(', ')}; groups: ${Object.keys(groups).join(', ')}`);
  process.exit(2);
}
const benches = Object.entries(groups).flatMap(([name, list]) => (wanted.length === 0 || wanted.includes(name) ? list : []));

const rows: BenchRow[] = [];
for (const b of benches) {
  try {
    rows.push(await b());
  } catch (err) {
    console.error(`benchmark ${b.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
console.log(printTable(rows));
