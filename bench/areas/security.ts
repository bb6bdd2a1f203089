// The security area's benchmarks, run by bench/run.ts.
import type { BenchRow } from '../table';

export const securityBenches: Array<() => Promise<BenchRow>> = [];
