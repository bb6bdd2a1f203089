// The plan area's benchmarks, run by bench/run.ts.
import type { BenchRow } from '../table';

export const planBenches: Array<() => Promise<BenchRow>> = [];
