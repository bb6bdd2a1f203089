// `npm run fuzz [-- --seconds N] [--seed S] [--target NAME]`: the fuzz targets of the CI test, run for
// longer with a fresh seed per batch. Prints per target the cases run, reads, refusals, the slowest case
// and the heap after each batch (it must level off: bounded memory). On a bug: the seed, case number
// and the input saved under /tmp, exit code 1.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fuzzTarget, fuzzTargets } from '../test/support/fuzz-targets';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const seconds = Number(arg('seconds', '60'));
let seed = Number(arg('seed', String(Date.now() % 2 ** 31)));
const only = arg('target', '');
const BATCH = 200;
const targets = fuzzTargets(join(import.meta.dirname, '..', 'test', 'fixtures')).filter((t) => !only || t.name === only);
if (targets.length === 0) {
  console.error(`no fuzz target named "${only}"`);
  process.exit(2);
}
const totals = new Map(targets.map((t) => [t.name, { cases: 0, ok: 0, refused: 0, slowestMs: 0 }]));
const deadline = Date.now() + seconds * 1000;
const heapMb: number[] = [];
console.log(`fuzzing ${targets.map((t) => t.name).join(', ')} for ${seconds} s from seed ${seed}`);
try {
  while (Date.now() < deadline) {
    for (const t of targets) {
      const r = fuzzTarget(t, seed, BATCH);
      const sum = totals.get(t.name)!;
      sum.cases += r.cases;
      sum.ok += r.ok;
      sum.refused += r.refused;
      sum.slowestMs = Math.max(sum.slowestMs, r.slowestMs);
    }
    seed = (seed + 1) >>> 0;
    (globalThis as { gc?: () => void }).gc?.();
    heapMb.push(process.memoryUsage().heapUsed / 2 ** 20);
  }
} catch (err) {
  const input = (err as { input?: Uint8Array }).input;
  const file = `/tmp/gcs-fuzz-crash-${seed}.bin`;
  if (input) writeFileSync(file, input);
  console.error(err instanceof Error ? err.message : String(err));
  if (input) console.error(`input saved to ${file}`);
  process.exit(1);
}
for (const [name, s] of totals) {
  console.log(`${name.padEnd(18)} ${String(s.cases).padStart(8)} cases  ${String(s.ok).padStart(8)} read  ${String(s.refused).padStart(8)} refused  slowest ${s.slowestMs.toFixed(1)} ms`);
}
const first = heapMb[0] ?? 0;
const last = heapMb[heapMb.length - 1] ?? 0;
console.log(`heap after the first batch ${first.toFixed(1)} MB, after the last ${last.toFixed(1)} MB (max ${Math.max(...heapMb).toFixed(1)} MB)`);
