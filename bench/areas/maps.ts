// The maps area's benchmarks, run by bench/run.ts.
import type { BenchRow } from '../table';

export const mapsBenches: Array<() => Promise<BenchRow>> = [];
