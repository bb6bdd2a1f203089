// The ops area's benchmarks, run by bench/run.ts.
import type { BenchRow } from '../table';

export const opsBenches: Array<() => Promise<BenchRow>> = [];
