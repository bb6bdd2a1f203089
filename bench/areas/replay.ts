// The replay area's benchmarks, run by bench/run.ts.
import type { BenchRow } from '../table';

export const replayBenches: Array<() => Promise<BenchRow>> = [];
