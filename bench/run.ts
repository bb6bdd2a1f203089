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

const benches: Array<() => Promise<BenchRow>> = [
  benchMavlinkParse,
  benchMissionUpload,
  benchMissionUploadLossy,
  ...planBenches,
  ...opsBenches,
  ...replayBenches,
  ...mapsBenches,
  ...securityBenches,
];

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
